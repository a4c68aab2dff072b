/**
 * Which maintainer an order goes to (pure, deterministic): among the zone's
 * available maintainers read (at most DISPATCH_SCAN, by eID), excluding the
 * point's provider and the reporter (nobody dispatches a job to itself),
 * the nearest to the point by squared distance in micro-degrees; ties go to
 * the better rating score (ratings.ts), then the lower eID.
 */
import { distance2 } from '../charging/logic';
import { compareScore, type Rating } from '../ratings/ratings';
import type { Available } from './store';

export function chooseMaintainer(
  candidates: readonly Available[],
  ratings: ReadonlyMap<string, Rating>,
  at: { latE6: number; lonE6: number },
  exclude: readonly string[],
): { eid: string; distance2: bigint } | undefined {
  let best: { eid: string; distance2: bigint } | undefined;
  for (const c of candidates) {
    if (exclude.includes(c.eid)) continue;
    const d = distance2(c, at);
    if (!best || d < best.distance2) {
      best = { eid: c.eid, distance2: d };
      continue;
    }
    if (d === best.distance2 && beats(c.eid, best.eid, ratings)) best = { eid: c.eid, distance2: d };
  }
  return best;
}

/** At equal distance: the better score, then the lower eID. */
function beats(a: string, b: string, ratings: ReadonlyMap<string, Rating>): boolean {
  const ra = ratings.get(a);
  const rb = ratings.get(b);
  const byScore = ra && rb ? compareScore(ra, rb) : 0;
  return byScore < 0 || (byScore === 0 && a < b);
}
