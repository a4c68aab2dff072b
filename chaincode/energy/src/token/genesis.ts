/**
 * Genesis: the one and only DEC mint. The full 319,000,000 DEC go to the three
 * allocation pools of white paper 7.2. The split is a genesis parameter in basis
 * points; the white paper's pie chart (figure 18) gives no figures in text, so
 * the default below is a documented platform decision, overridable at genesis:
 *   ecology construction 60%, team 15%, others 25%.
 */
import { ConflictError, ValidationError } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import type { Change, EnergyEnv } from '../common/env';
import { SYS } from './accounts';
import { BPS, DEC_TOTAL_SUPPLY } from './units';

export const DEFAULT_SPLIT_BPS = { ecology: 6000, team: 1500, others: 2500 } as const;

export const splitBpsSchema = z.strictObject({
  ecology: z.number().int().min(0).max(10_000),
  team: z.number().int().min(0).max(10_000),
  others: z.number().int().min(0).max(10_000),
});
export type SplitBps = z.infer<typeof splitBpsSchema>;

const amountString = z.string().regex(/^(0|[1-9][0-9]*)$/);

export const genesisSchema = z.object({
  totalSupply: amountString,
  splitBps: splitBpsSchema,
  allocation: z.object({ ecology: amountString, team: amountString, others: amountString }),
  at: z.string(),
  txId: z.string(),
});
export type Genesis = z.infer<typeof genesisSchema>;

export interface Allocation {
  ecology: bigint;
  team: bigint;
  others: bigint;
}

/** Exact split: ecology and team by basis points, others takes the remainder, so the parts always sum to the total. */
export function allocate(split: SplitBps, total = DEC_TOTAL_SUPPLY): Allocation {
  if (split.ecology + split.team + split.others !== 10_000) {
    throw new ValidationError('request.splitBps', `must sum to 10000 basis points, got ${split.ecology + split.team + split.others}`);
  }
  const ecology = (total * BigInt(split.ecology)) / BPS;
  const team = (total * BigInt(split.team)) / BPS;
  return { ecology, team, others: total - ecology - team };
}

export interface GenesisPlan {
  genesis: Genesis;
  mints: { account: string; amount: bigint }[];
}

export function planGenesis(existing: Genesis | undefined, split: SplitBps, tx: EnergyEnv): Change<GenesisPlan> {
  if (existing) throw new ConflictError(`DEC genesis already happened in ${existing.txId} at ${existing.at}; DEC is never minted again`);
  const a = allocate(split);
  const genesis = genesisSchema.parse({
    totalSupply: DEC_TOTAL_SUPPLY.toString(),
    splitBps: split,
    allocation: { ecology: a.ecology.toString(), team: a.team.toString(), others: a.others.toString() },
    at: tx.now,
    txId: tx.txId,
  });
  const mints = [
    { account: SYS.ecology, amount: a.ecology },
    { account: SYS.team, amount: a.team },
    { account: SYS.others, amount: a.others },
  ].filter((m) => m.amount > 0n);
  return { state: { genesis, mints }, events: [{ name: 'DecGenesis', payload: genesis }] };
}
