/**
 * DECC minted and burned over time, from the index's `token.supply` writes
 * (one record { minted, burned } per transaction that changed the supply, key
 * `<asset>~<txId>`). Running totals are bigint base units (DECC has 2
 * decimals); the chart gets DECC as numbers.
 */
export interface SupplyWrite { key: string; value?: unknown; time: string | null }
export interface IssuancePoint { x: number; y: number }

const amount = (v: unknown, field: 'minted' | 'burned'): bigint => {
  const s = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[field] : undefined;
  return typeof s === 'string' && /^\d+$/.test(s) ? BigInt(s) : 0n;
};

/** Cumulative minted and burned of one asset, oldest first, in whole units (base units / 10^decimals). */
export function issuanceSeries(writes: SupplyWrite[], asset: string, decimals: number): { minted: IssuancePoint[]; burned: IssuancePoint[] } {
  const rows = writes.filter((w) => w.key.startsWith(`${asset}~`) && w.time !== null).sort((a, b) => (a.time ?? '').localeCompare(b.time ?? ''));
  const scale = 10 ** decimals;
  let minted = 0n;
  let burned = 0n;
  const out = { minted: [] as IssuancePoint[], burned: [] as IssuancePoint[] };
  for (const r of rows) {
    minted += amount(r.value, 'minted');
    burned += amount(r.value, 'burned');
    const x = Date.parse(r.time ?? '');
    out.minted.push({ x, y: Number(minted) / scale });
    out.burned.push({ x, y: Number(burned) / scale });
  }
  return out;
}
