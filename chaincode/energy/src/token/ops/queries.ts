/** Read-only token queries (evaluate transactions). Range reads are fine here: nothing is committed. */
import { type DecContext } from '@dec/chaincode-kit';
import type { PageResult } from '../../common/ids';
import type { AuditReport } from '../audit';
import type { Hold } from '../holds';
import type { Deposit } from '../deposits';
import type { Rate } from '../exchange';
import type { FeeSchedule } from '../fees';
import type { Credit, HistoryEntry } from '../store';
import type { AllowanceResult, BalanceResult, GenesisInfo, SupplyResult } from './results';
import type { z } from 'zod';
import { ALLOCATION_POOLS, SYS } from '../accounts';
import { audit as auditLogic } from '../audit';
import { emptyDeposit } from '../deposits';
import { releasable, schedule } from '../vesting';
import type * as inputs from '../inputs';
import { TokenGuards } from '../../access/token-guards';
import { creditId, TokenStore } from '../store';
import { DEC_TOTAL_SUPPLY, sum } from '../units';

export async function balance(ctx: DecContext, input: z.output<typeof inputs.balanceInput>): Promise<BalanceResult> {
  await new TokenGuards(ctx).reader(input.account);
  const b = await new TokenStore(ctx.ledger).balance(input.asset, input.account);
  return {
    account: input.account,
    asset: input.asset,
    balance: (b.base + b.pending).toString(),
    consolidated: b.base.toString(),
    pending: b.pending.toString(),
    pendingCredits: b.credits,
  };
}

export async function credits(ctx: DecContext, input: z.output<typeof inputs.pagedAccountAssetInput>): Promise<PageResult<Credit & { id: string }>> {
  await new TokenGuards(ctx).reader(input.account);
  const page = await new TokenStore(ctx.ledger).pageCredits(input.asset, input.account, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => ({ id: creditId(e.attributes), ...e.value })), bookmark: page.bookmark };
}

export async function history(ctx: DecContext, input: z.output<typeof inputs.pagedAccountAssetInput>): Promise<PageResult<HistoryEntry>> {
  await new TokenGuards(ctx).reader(input.account);
  const page = await new TokenStore(ctx.ledger).pageHistory(input.account, input.asset, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export async function holdsOf(ctx: DecContext, input: z.output<typeof inputs.pagedAccountInput>): Promise<PageResult<Hold>> {
  await new TokenGuards(ctx).reader(input.account);
  const page = await new TokenStore(ctx.ledger).pageHolds(input.account, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export async function getHold(ctx: DecContext, input: z.output<typeof inputs.holdIdInput>): Promise<Hold> {
  const hold = await new TokenStore(ctx.ledger).requireHold(input.holdId);
  await new TokenGuards(ctx).reader(hold.payer, hold.payee);
  return hold;
}

export async function getDeposit(ctx: DecContext, input: z.output<typeof inputs.accountInput>): Promise<Deposit> {
  await new TokenGuards(ctx).reader(input.account);
  return (await new TokenStore(ctx.ledger).deposit(input.account)) ?? emptyDeposit(input.account);
}

export async function allowance(ctx: DecContext, input: z.output<typeof inputs.allowanceQueryInput>): Promise<AllowanceResult> {
  await new TokenGuards(ctx).reader(input.owner, input.spender);
  const amount = await new TokenStore(ctx.ledger).allowance(input.asset, input.owner, input.spender);
  return { ...input, amount: amount.toString() };
}

/**
 * Total and circulating supply. DEC in circulation = total − unreleased
 * allocation pools (ecology, team, others) − DEC locked in the DECC reserve;
 * deposits and holds still belong to participants and count as circulating.
 */
export async function supply(ctx: DecContext): Promise<SupplyResult> {
  const store = new TokenStore(ctx.ledger);
  const total = async (asset: 'DEC' | 'DECC', account: string) => {
    const b = await store.balance(asset, account);
    return b.base + b.pending;
  };
  const genesis = await store.genesis();
  const pools: Record<string, string> = {};
  for (const pool of [...ALLOCATION_POOLS, SYS.reserve]) pools[pool] = (await total('DEC', pool)).toString();
  const locked = sum(Object.values(pools).map(BigInt));
  const decTotal = genesis ? DEC_TOTAL_SUPPLY : 0n;
  const decc = await store.issued('DECC');
  return {
    DEC: { total: decTotal.toString(), circulating: (decTotal - locked).toString(), pools },
    DECC: {
      total: (decc.minted - decc.burned).toString(),
      minted: decc.minted.toString(),
      burned: decc.burned.toString(),
      rewardPool: (await total('DECC', SYS.rewards)).toString(),
    },
    fees: { DEC: (await total('DEC', SYS.fees)).toString(), DECC: (await total('DECC', SYS.fees)).toString() },
  };
}

export async function audit(ctx: DecContext): Promise<AuditReport> {
  return auditLogic(await new TokenStore(ctx.ledger).snapshot());
}

export async function genesisInfo(ctx: DecContext): Promise<GenesisInfo> {
  const store = new TokenStore(ctx.ledger);
  const genesis = await store.genesis();
  const vesting = await store.vesting();
  if (!genesis || !vesting) return { genesis: null, vesting: null };
  return {
    genesis,
    vesting: {
      ...vesting,
      releasableNow: releasable(vesting, ctx.ledger.txTime).toString(),
      schedule: schedule(BigInt(vesting.total), vesting.genesisAt).map((s) => ({ at: s.at, cumulative: s.cumulative.toString() })),
    },
  };
}

export async function rate(ctx: DecContext): Promise<Rate | null> {
  return (await new TokenStore(ctx.ledger).rate()) ?? null;
}

export async function fees(ctx: DecContext): Promise<FeeSchedule> {
  return new TokenStore(ctx.ledger).fees();
}
