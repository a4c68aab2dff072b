/**
 * Per-minute activity from the gateway's index as chart points: every minute
 * of the window gets a point, those without transactions a zero (the index
 * leaves them out), so a quiet network shows as a flat line, not a gap.
 */
import type { IndexActivity } from '../api/types';

export interface ActivityPoints {
  blocks: { x: number; y: number }[];
  transactions: { x: number; y: number }[];
}

const MINUTE = 60_000;

export function activityPoints(activity: IndexActivity, until: number): ActivityPoints {
  const counts = new Map(activity.minutes.map((m) => [Date.parse(`${m.minute}:00.000Z`), m]));
  const first = Math.floor(Date.parse(activity.since) / MINUTE) * MINUTE;
  const last = Math.floor(until / MINUTE) * MINUTE;
  const out: ActivityPoints = { blocks: [], transactions: [] };
  for (let t = first; t <= last; t += MINUTE) {
    const m = counts.get(t);
    out.blocks.push({ x: t, y: m?.blocks ?? 0 });
    out.transactions.push({ x: t, y: m?.transactions ?? 0 });
  }
  return out;
}
