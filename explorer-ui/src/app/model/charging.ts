/**
 * The charging pages' figures from the gateway's index: a session's timeline
 * from every version of its ledger record (start, meter readings, stop and
 * settlement), and a provider's earnings over time (what settled sessions
 * paid it, what its repairs cost it). Amounts are DECC base-unit strings
 * summed with bigint; a chart point is converted to a Number only at the end.
 */
import type { IndexedState } from '../api/types';

export interface SessionValue {
  id: string; user: string; provider: string; pointId: string; connectorId: number; mode: string; status: string;
  startedAt: string; stoppedAt?: string; meterStartWh?: string; lastMeterWh?: string; energyWh?: string; seconds?: number;
  held: string; cost?: string; providerPaid?: string; platformFee?: string; refunded?: string;
}
export interface OrderValue { id: string; pointId: string; connectorId: number; provider: string; status: string; maintainer?: string; charge?: string; reportedAt: string; paidAt?: string; paidHow?: string }

export interface TimelineStep { time: string | null; what: string; detail: string; transactionId: string; blockNumber: string }

/** What one version of a session changed since the one before it (none: the start). */
function step(s: SessionValue, previous: SessionValue | undefined): { what: string; detail: string } {
  if (!previous) return { what: `started (${s.mode})`, detail: `connector ${String(s.connectorId)} of ${s.pointId}, hold ${s.held}${s.meterStartWh ? `, meter ${s.meterStartWh} Wh` : ''}` };
  if (s.status === 'settled' && previous.status !== 'settled') {
    const z = (x: string | undefined): string => x ?? '0';
    return { what: 'stopped and settled', detail: `${z(s.energyWh)} Wh in ${String(s.seconds ?? 0)} s; cost ${z(s.cost)}, provider paid ${z(s.providerPaid)}, platform fee ${z(s.platformFee)}, refunded ${z(s.refunded)}` };
  }
  if (s.lastMeterWh !== previous.lastMeterWh) return { what: 'meter reading', detail: `${s.lastMeterWh ?? '?'} Wh` };
  return { what: 'updated', detail: s.status };
}

/** What changed from one version of a session to the next, oldest first. */
export function sessionTimeline(versions: IndexedState[]): TimelineStep[] {
  const ordered = [...versions].sort((a, b) => Number(a.blockNumber) - Number(b.blockNumber));
  let previous: SessionValue | undefined;
  const steps: TimelineStep[] = [];
  for (const v of ordered) {
    const s = v.value as SessionValue | null;
    if (!s) continue;
    steps.push({ time: v.time, transactionId: v.transactionId, blockNumber: v.blockNumber, ...step(s, previous) });
    previous = s;
  }
  return steps;
}

export interface Point { x: number; y: number }
export interface Earnings { earned: Point[]; maintenance: Point[]; totalEarned: bigint; totalMaintenance: bigint; sessions: number; repairs: number }

/** Running totals, in DECC (2 decimals), of a provider's settled sessions and paid repairs, by time. */
export function providerEarnings(provider: string, sessions: SessionValue[], orders: OrderValue[]): Earnings {
  const running = (entries: { at: string; amount: bigint }[]): { points: Point[]; total: bigint } => {
    let total = 0n;
    const points = entries
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((e) => {
        total += e.amount;
        return { x: Date.parse(e.at), y: Number(total) / 100 };
      });
    return { points, total };
  };
  const paid = sessions.filter((s) => s.provider === provider && s.status === 'settled' && s.stoppedAt && s.providerPaid);
  const repairs = orders.filter((o) => o.provider === provider && o.status === 'paid' && o.paidAt && o.charge);
  const earned = running(paid.map((s) => ({ at: s.stoppedAt as string, amount: BigInt(s.providerPaid as string) })));
  const cost = running(repairs.map((o) => ({ at: o.paidAt as string, amount: BigInt(o.charge as string) })));
  return { earned: earned.points, maintenance: cost.points, totalEarned: earned.total, totalMaintenance: cost.total, sessions: paid.length, repairs: repairs.length };
}
