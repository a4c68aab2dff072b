/**
 * The sell side of one matching run (matching.ts): sellers sorted by ask, their
 * projected positions, what each has left, and the nearest-acceptable-seller
 * search a buy order repeats for every trade. Typed arrays and an index list
 * swept now and then keep the hot loop cheap on books of thousands of orders.
 */
import { AXIS_CLAMP, project } from './geo';
import type { BookOrder } from './matching';

/** Small integer per owner, so "another owner" is an integer comparison in the hot loop. */
export class OwnerIds {
  private readonly ids = new Map<string, number>();

  of(o: BookOrder): number {
    let id = this.ids.get(o.owner);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(o.owner, id);
    }
    return id;
  }
}

export interface Nearest {
  index: number;
  distance2: number;
}

export class SellerBook {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly owners: Int32Array;
  private readonly remaining: bigint[];
  private readonly alive: Uint8Array;
  /** Indices of sellers with energy left, ascending (= ask order); exhausted ones are swept out now and then. */
  private live: number[];
  private dead = 0;

  /** `sellers` sorted by ask (sellerOrder). */
  constructor(
    readonly sellers: readonly BookOrder[],
    lonScalePpm: number,
    owners: OwnerIds,
  ) {
    this.xs = new Float64Array(sellers.length);
    this.ys = new Float64Array(sellers.length);
    sellers.forEach((s, i) => {
      const p = project(s.latE6, s.lonE6, lonScalePpm);
      this.xs[i] = p.x;
      this.ys[i] = p.y;
    });
    this.owners = Int32Array.from(sellers, (s) => owners.of(s));
    this.remaining = sellers.map((s) => s.quantityWh);
    this.alive = new Uint8Array(sellers.length).fill(1);
    this.live = sellers.map((_, i) => i);
  }

  /** How many sellers (a prefix, sorted by ask) ask at most `limitPrice`. */
  acceptedBy(limitPrice: bigint): number {
    let lo = 0;
    let hi = this.sellers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sellers[mid] as BookOrder).limitPrice <= limitPrice) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The nearest seller below index `end` with energy left and another owner, by
   * the integer distance of geo.ts (inlined); ties keep the lower index = lower
   * ask, earlier, lower ID. Undefined when there is none.
   */
  nearest(x: number, y: number, end: number, owner: number): Nearest | undefined {
    let best: Nearest | undefined;
    for (const i of this.live) {
      if (i >= end) break;
      if (this.alive[i] === 0 || this.owners[i] === owner) continue;
      const dx = Math.min(Math.abs(x - (this.xs[i] as number)), AXIS_CLAMP);
      const dy = Math.min(Math.abs(y - (this.ys[i] as number)), AXIS_CLAMP);
      const d = dx * dx + dy * dy;
      if (best === undefined || d < best.distance2) best = { index: i, distance2: d };
    }
    return best;
  }

  /** Takes up to `want` from seller `index`; returns the quantity taken. */
  take(index: number, want: bigint): bigint {
    const left = this.remaining[index] as bigint;
    const q = want < left ? want : left;
    this.remaining[index] = left - q;
    if (left - q === 0n) this.exhaust(index);
    return q;
  }

  private exhaust(index: number): void {
    this.alive[index] = 0;
    if (++this.dead > 32 && this.dead * 4 > this.live.length) {
      this.live = this.live.filter((i) => this.alive[i] === 1);
      this.dead = 0;
    }
  }
}
