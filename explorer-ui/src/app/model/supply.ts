/**
 * Token supply as chart slices. `token:Supply` answers in base units (DEC has
 * 18 decimals, far beyond a double's precision), so shares are computed with
 * bigint in basis points before anything becomes a Number.
 */

export interface Slice {
  label: string;
  amount: string;
  /** Share of the total in basis points (0..10000). */
  bps: number;
}

export interface TokenSupply {
  DEC: { total: string; circulating: string; pools: Record<string, string> };
  DECC: { total: string; minted: string; burned: string; rewardPool: string };
  fees: Record<string, string>;
}

const LABELS: Record<string, string> = {
  'sys:ecology': 'ecology pool',
  'sys:team': 'team (vesting)',
  'sys:others': 'others pool',
  'sys:reserve': 'DECC reserve',
};

export function shareBps(part: string, total: string): number {
  const t = BigInt(total);
  return t === 0n ? 0 : Number((BigInt(part) * 10000n) / t);
}

/** DEC allocation: every system pool plus what circulates among participants. */
export function decSlices(s: TokenSupply): Slice[] {
  const entries: [string, string][] = [...Object.entries(s.DEC.pools).map(([k, v]): [string, string] => [LABELS[k] ?? k, v]), ['circulating', s.DEC.circulating]];
  return entries.map(([label, amount]) => ({ label, amount, bps: shareBps(amount, s.DEC.total) })).sort((a, b) => b.bps - a.bps);
}

/** Interval energy rows (metering:Intervals) as chart series in kWh. */
export interface IntervalPoint {
  slot: string;
  importKwh: number;
  exportKwh: number;
}

export function intervalSeries(items: { slotStart: string; importWh: string; exportWh: string }[]): IntervalPoint[] {
  return [...items]
    .sort((a, b) => a.slotStart.localeCompare(b.slotStart))
    .map((i) => ({ slot: i.slotStart, importKwh: Number(i.importWh) / 1000, exportKwh: Number(i.exportWh) / 1000 }));
}
