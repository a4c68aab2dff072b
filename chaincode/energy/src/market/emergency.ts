/**
 * Grid emergency dispatch: the grid operator asks for `quantityWh` in a zone
 * and slot at a price; storage owners offer; offers are dispatched nearest to
 * the point of need first (squared projected distance, then earlier offer,
 * then offer ID), the last one partially, until the demand is covered. Pure.
 */
import { distance2, project } from './geo';

export interface DispatchOffer {
  id: string;
  quantityWh: bigint;
  latE6: number;
  lonE6: number;
  postedAt: string;
}

export interface Dispatch {
  id: string;
  dispatchedWh: bigint;
  distance2: number;
}

export function dispatch(need: { quantityWh: bigint; latE6: number; lonE6: number }, offers: readonly DispatchOffer[], lonScalePpm: number): { dispatches: Dispatch[]; totalWh: bigint } {
  const at = project(need.latE6, need.lonE6, lonScalePpm);
  const ranked = offers
    .map((o) => ({ o, d: distance2(at, project(o.latE6, o.lonE6, lonScalePpm)) }))
    .sort((a, b) => a.d - b.d || (a.o.postedAt < b.o.postedAt ? -1 : a.o.postedAt > b.o.postedAt ? 1 : 0) || (a.o.id < b.o.id ? -1 : a.o.id > b.o.id ? 1 : 0));
  let left = need.quantityWh;
  const dispatches: Dispatch[] = [];
  for (const { o, d } of ranked) {
    const q = left < o.quantityWh ? left : o.quantityWh;
    left -= q;
    dispatches.push({ id: o.id, dispatchedWh: q, distance2: d });
  }
  return { dispatches, totalWh: need.quantityWh - left };
}
