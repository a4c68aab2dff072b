/**
 * Publishing a disclosure: the platform operator (the foundation's executive)
 * states the document hash and period; the chaincode adds the on-chain figures
 * at publication (DEC supply, the allocation pools, circulating DEC, the
 * reserve, the fee account, the DECC reward pool), each read with a bound
 * (token/store.ts boundedBalance), and flags a late report.
 */
import { ConflictError, decoder, keyPart, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { EnergyEnv } from '../common/env';
import type { PageResult } from '../common/ids';
import { SYS } from '../token/accounts';
import { TokenStore } from '../token/store';
import { DEC_TOTAL_SUPPLY } from '../token/units';
import * as d from './disclosure';
import { HOLDING_READ_BOUND } from './rules';

const KEY = 'gov.disclosure';
const dDisclosure = decoder(d.disclosureSchema, 'disclosure');

async function summary(ctx: DecContext): Promise<z.infer<typeof d.summarySchema>> {
  const tokens = new TokenStore(ctx.ledger);
  let complete = true;
  const read = async (asset: 'DEC' | 'DECC', account: string): Promise<bigint> => {
    const b = await tokens.boundedBalance(asset, account, HOLDING_READ_BOUND);
    complete &&= b.complete;
    return b.amount;
  };
  const total = BigInt((await tokens.genesis())?.totalSupply ?? '0');
  const pools = { ecology: await read('DEC', SYS.ecology), team: await read('DEC', SYS.team), others: await read('DEC', SYS.others) };
  const reserveDec = await read('DEC', SYS.reserve);
  const circulating = total === 0n ? 0n : DEC_TOTAL_SUPPLY - pools.ecology - pools.team - pools.others - reserveDec;
  return d.summarySchema.parse({
    decTotalSupply: total.toString(),
    pools: { ecology: pools.ecology.toString(), team: pools.team.toString(), others: pools.others.toString() },
    circulatingDec: (circulating < 0n ? 0n : circulating).toString(),
    reserveDec: reserveDec.toString(),
    fees: { DEC: (await read('DEC', SYS.fees)).toString(), DECC: (await read('DECC', SYS.fees)).toString() },
    rewardPoolDecc: (await read('DECC', SYS.rewards)).toString(),
    complete,
  });
}

export async function publish(ctx: DecContext, input: z.output<typeof d.publishDisclosureInput>, env: EnergyEnv): Promise<d.Disclosure> {
  const { end, disclosureId } = d.periodOf(input.kind, input.period, env.txId);
  const { dueBy, late } = d.timing(input.kind, end, env.now);
  const key = ctx.ledger.key(KEY, keyPart('disclosureId', disclosureId));
  if (await ctx.ledger.get(key, dDisclosure)) throw new ConflictError(`request.period: the ${input.kind} report of ${input.period} is already published (${disclosureId})`);
  const record = d.disclosureSchema.parse({ disclosureId, kind: input.kind, period: input.period, periodEnd: end, documentHash: input.documentHash, title: input.title, dueBy, late, summary: await summary(ctx), publishedAt: env.now, txId: env.txId });
  await ctx.ledger.put(key, record);
  ctx.emit('DisclosurePublished', { disclosureId, kind: record.kind, period: record.period, late, documentHash: record.documentHash });
  return record;
}

export function getDisclosure(ctx: DecContext, input: z.output<typeof d.disclosureIdInput>): Promise<d.Disclosure> {
  return ctx.ledger.require(ctx.ledger.key(KEY, keyPart('disclosureId', input.disclosureId)), dDisclosure, 'disclosure', input.disclosureId);
}

export async function listDisclosures(ctx: DecContext, input: z.output<typeof d.listDisclosuresInput>): Promise<PageResult<d.Disclosure>> {
  const page = await ctx.ledger.page(KEY, [], input.pageSize, input.bookmark, dDisclosure);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}
