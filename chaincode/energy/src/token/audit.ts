/**
 * The token invariants, computed from a snapshot of state (token:Audit reads
 * every token record and calls this):
 *   1. DEC: minted exactly once, at genesis, exactly 319,000,000 × 10^18; never burned;
 *      and all DEC held anywhere (balances, pending credits, open holds, deposits) adds up to it.
 *   2. DECC: everything held (balances, pending credits, open holds) = minted − burned.
 *   3. Nothing negative: every stored amount is a non-negative integer.
 *   4. Records are consistent: deposits are DEC; a hold never captures more than it held;
 *      the team pool holds exactly its allocation minus what vesting released.
 */
import type { Asset } from './accounts';
import { SYS } from './accounts';
import type { Deposit } from './deposits';
import type { Genesis } from './genesis';
import type { Hold } from './holds';
import { held } from './holds';
import { DEC_TOTAL_SUPPLY } from './units';
import type { Vesting } from './vesting';

export interface AmountRecord {
  asset: Asset;
  account: string;
  amount: string;
}

export interface Snapshot {
  genesis?: Genesis;
  vesting?: Vesting;
  balances: AmountRecord[];
  credits: AmountRecord[];
  holds: Hold[];
  deposits: Deposit[];
  supply: { asset: Asset; minted: string; burned: string }[];
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface AuditReport {
  ok: boolean;
  checks: Check[];
  totals: Record<Asset, { held: string; minted: string; burned: string }>;
  records: number;
}

const INTEGER = /^(0|[1-9][0-9]*)$/;

function amountOf(s: string): bigint {
  return INTEGER.test(s) ? BigInt(s) : -1n;
}

function heldBy(s: Snapshot, asset: Asset): bigint {
  let total = 0n;
  for (const r of [...s.balances, ...s.credits]) if (r.asset === asset) total += amountOf(r.amount);
  for (const h of s.holds) if (h.asset === asset) total += held(h);
  if (asset === 'DEC') for (const d of s.deposits) total += amountOf(d.amount);
  return total;
}

function issued(s: Snapshot, asset: Asset): { minted: bigint; burned: bigint } {
  let minted = 0n;
  let burned = 0n;
  for (const x of s.supply) {
    if (x.asset !== asset) continue;
    minted += amountOf(x.minted);
    burned += amountOf(x.burned);
  }
  return { minted, burned };
}

function amountsCheck(s: Snapshot): Check {
  const amounts: string[] = [
    ...s.balances.map((b) => b.amount),
    ...s.credits.map((c) => c.amount),
    ...s.holds.flatMap((h) => [h.amount, h.captured]),
    ...s.deposits.map((d) => d.amount),
    ...s.supply.flatMap((x) => [x.minted, x.burned]),
  ];
  const bad = amounts.filter((a) => amountOf(a) < 0n);
  return { name: 'no-negative-amounts', ok: bad.length === 0, detail: bad.length === 0 ? `${amounts.length} amounts checked` : `malformed or negative: ${bad.slice(0, 5).join(', ')}` };
}

/** DEC is minted once, at genesis, for the whole supply, and all of it is held somewhere. */
function decChecks(s: Snapshot, dec: { minted: bigint; burned: bigint }, decHeld: bigint): Check[] {
  if (!s.genesis) return [{ name: 'dec-before-genesis', ok: dec.minted === 0n && decHeld === 0n, detail: `no genesis yet; minted ${dec.minted}, held ${decHeld}` }];
  return [
    { name: 'dec-genesis-supply', ok: BigInt(s.genesis.totalSupply) === DEC_TOTAL_SUPPLY, detail: `genesis total ${s.genesis.totalSupply}` },
    { name: 'dec-minted-once', ok: dec.minted === DEC_TOTAL_SUPPLY && dec.burned === 0n, detail: `minted ${dec.minted}, burned ${dec.burned}` },
    { name: 'dec-held-equals-supply', ok: decHeld === DEC_TOTAL_SUPPLY, detail: `held ${decHeld}, supply ${DEC_TOTAL_SUPPLY}` },
  ];
}

function holdsCheck(s: Snapshot): Check {
  const overCaptured = s.holds.filter((h) => amountOf(h.captured) > amountOf(h.amount) || (h.status !== 'captured' && h.captured !== '0'));
  return { name: 'holds-consistent', ok: overCaptured.length === 0, detail: overCaptured.length === 0 ? `${s.holds.length} holds` : `inconsistent: ${overCaptured.map((h) => h.id).join(', ')}` };
}

/** The team pool holds the team allocation less what vesting released (once there is a genesis). */
function vestingChecks(s: Snapshot): Check[] {
  if (!s.genesis || !s.vesting) return [];
  let team = 0n;
  for (const r of [...s.balances, ...s.credits]) if (r.account === SYS.team && r.asset === 'DEC') team += amountOf(r.amount);
  const expected = BigInt(s.vesting.total) - BigInt(s.vesting.released);
  return [{ name: 'team-pool-matches-vesting', ok: team === expected, detail: `team pool ${team}, allocation − released ${expected}` }];
}

export function audit(s: Snapshot): AuditReport {
  const dec = issued(s, 'DEC');
  const decHeld = heldBy(s, 'DEC');
  const decc = issued(s, 'DECC');
  const deccHeld = heldBy(s, 'DECC');
  const checks: Check[] = [
    amountsCheck(s),
    ...decChecks(s, dec, decHeld),
    { name: 'decc-held-equals-minted-minus-burned', ok: deccHeld === decc.minted - decc.burned, detail: `held ${deccHeld}, minted ${decc.minted}, burned ${decc.burned}` },
    holdsCheck(s),
    ...vestingChecks(s),
  ];
  return {
    ok: checks.every((c) => c.ok),
    checks,
    totals: {
      DEC: { held: decHeld.toString(), minted: dec.minted.toString(), burned: dec.burned.toString() },
      DECC: { held: deccHeld.toString(), minted: decc.minted.toString(), burned: decc.burned.toString() },
    },
    records: s.balances.length + s.credits.length + s.holds.length + s.deposits.length + s.supply.length,
  };
}
