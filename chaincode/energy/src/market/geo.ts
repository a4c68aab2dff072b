/**
 * Integer distances. Coordinates are micro-degrees. A point is projected once
 * (equirectangular): y = latE6, x = floor(lonE6 × lonScalePpm / 10^6), where
 * lonScalePpm = cos(zone latitude) × 10^6 is a zone parameter set by the
 * operator (so no trigonometry runs in chaincode). The distance used for ranking
 * is the squared Euclidean distance of the projections, with each axis
 * difference clamped to 2^26 − 1 micro-degrees (67°): beyond that every point
 * is "equally far", and the sum of squares stays below 2^53, so it is exact in
 * a JS number. Within a micro-grid zone the approximation error of the
 * projection is far below the meter-to-meter distances it ranks.
 */
export const AXIS_CLAMP = 2 ** 26 - 1;

export interface Projected {
  x: number;
  y: number;
}

export function project(latE6: number, lonE6: number, lonScalePpm: number): Projected {
  const x = (BigInt(lonE6) * BigInt(lonScalePpm)) / 1_000_000n; // truncates toward zero; deterministic
  return { x: Number(x), y: latE6 };
}

export function distance2(a: Projected, b: Projected): number {
  const dx = Math.min(Math.abs(a.x - b.x), AXIS_CLAMP);
  const dy = Math.min(Math.abs(a.y - b.y), AXIS_CLAMP);
  return dx * dx + dy * dy;
}
