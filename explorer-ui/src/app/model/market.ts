/**
 * Market figures from indexed clearing records (energy `market.clearing`):
 * volume in kWh and the average clearing price of a slot and zone. Prices are
 * bigint: average price = value × 1000 / volumeWh, in DECC base units per kWh,
 * rounded down (the chaincode's value is itself Σ quantity × price / 1000
 * rounded down per trade). A slot without volume has no price.
 */
export interface ClearingValue {
  slot: string;
  zone: string;
  status: string;
  volumeWh: string;
  value: string;
  trades: number;
}

export const isClearing = (v: unknown): v is ClearingValue =>
  typeof v === 'object' && v !== null && typeof (v as ClearingValue).slot === 'string' && typeof (v as ClearingValue).volumeWh === 'string' && typeof (v as ClearingValue).value === 'string';

export function averagePrice(c: ClearingValue): bigint | null {
  const volume = BigInt(c.volumeWh);
  return volume === 0n ? null : (BigInt(c.value) * 1000n) / volume;
}

/** Watt-hours as kWh with three decimals (exact: integer division and remainder). */
export function whToKwh(wh: string): string {
  const n = BigInt(wh);
  const frac = (n % 1000n).toString().padStart(3, '0');
  return `${(n / 1000n).toString()}.${frac}`;
}

/** Clearing price points of one zone, oldest slot first (slots without volume left out). */
export function pricePoints(clearings: ClearingValue[], zone: string): { x: number; y: number }[] {
  return clearings
    .filter((c) => c.zone === zone)
    .flatMap((c) => {
      const price = averagePrice(c);
      return price === null ? [] : [{ x: Date.parse(c.slot), y: Number(price) }];
    })
    .sort((a, b) => a.x - b.x);
}
