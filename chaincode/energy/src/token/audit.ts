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

export function audit(s: Snapshot): AuditReport {
  const checks: Check[] = [];
  const check = (name: string, ok: boolean, detail: string): void => {
    checks.push({ name, ok, detail });
  };

  const amounts: string[] = [
    ...s.balances.map((b) => b.amount),
    ...s.credits.map((c) => c.amount),
    ...s.holds.flatMap((h) => [h.amount, h.captured]),
    ...s.deposits.map((d) => d.amount),
    ...s.supply.flatMap((x) => [x.minted, x.burned]),
  ];
  const bad = amounts.filter((a) => amountOf(a) < 0n);
  check('no-negative-amounts', bad.length === 0, bad.length === 0 ? `${amounts.length} amounts checked` : `malformed or negative: ${bad.slice(0, 5).join(', ')}`);

  const heldBy = (asset: Asset): bigint => {
    let total = 0n;
    for (const r of [...s.balances, ...s.credits]) if (r.asset === asset) total += amountOf(r.amount);
    for (const h of s.holds) if (h.asset === asset) total += held(h);
    if (asset === 'DEC') for (const d of s.deposits) total += amountOf(d.amount);
    return total;
  };
  const issued = (asset: Asset): { minted: bigint; burned: bigint } => {
    let minted = 0n;
    let burned = 0n;
    for (const x of s.supply) {
      if (x.asset !== asset) continue;
      minted += amountOf(x.minted);
      burned += amountOf(x.burned);
    }
    return { minted, burned };
  };

  const dec = issued('DEC');
  const decHeld = heldBy('DEC');
  if (s.genesis) {
    check('dec-genesis-supply', BigInt(s.genesis.totalSupply) === DEC_TOTAL_SUPPLY, `genesis total ${s.genesis.totalSupply}`);
    check('dec-minted-once', dec.minted === DEC_TOTAL_SUPPLY && dec.burned === 0n, `minted ${dec.minted}, burned ${dec.burned}`);
    check('dec-held-equals-supply', decHeld === DEC_TOTAL_SUPPLY, `held ${decHeld}, supply ${DEC_TOTAL_SUPPLY}`);
  } else {
    check('dec-before-genesis', dec.minted === 0n && decHeld === 0n, `no genesis yet; minted ${dec.minted}, held ${decHeld}`);
  }

  const decc = issued('DECC');
  const deccHeld = heldBy('DECC');
  check('decc-held-equals-minted-minus-burned', deccHeld === decc.minted - decc.burned, `held ${deccHeld}, minted ${decc.minted}, burned ${decc.burned}`);

  const overCaptured = s.holds.filter((h) => amountOf(h.captured) > amountOf(h.amount) || (h.status !== 'captured' && h.captured !== '0'));
  check('holds-consistent', overCaptured.length === 0, overCaptured.length === 0 ? `${s.holds.length} holds` : `inconsistent: ${overCaptured.map((h) => h.id).join(', ')}`);

  if (s.genesis && s.vesting) {
    let team = 0n;
    for (const r of [...s.balances, ...s.credits]) if (r.account === SYS.team && r.asset === 'DEC') team += amountOf(r.amount);
    const expected = BigInt(s.vesting.total) - BigInt(s.vesting.released);
    check('team-pool-matches-vesting', team === expected, `team pool ${team}, allocation − released ${expected}`);
  }

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
