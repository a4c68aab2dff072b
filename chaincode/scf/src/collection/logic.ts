/**
 * Cross-channel collection as pure functions. A lease is linked to the energy
 * revenue assignment whose `ref` names it (the station owner bound its income to
 * the lease when it assigned it on `energy`). Each relayed `paid` figure is
 * checked against the assignment as the energy ledger shows it and recorded once:
 * only the part above what was already recorded is new income, applied to the
 * oldest unpaid instalments first; income above the remaining rent is kept as
 * surplus. Arrears are derived from the schedule and the time, never typed.
 */
import { big, ConflictError, str } from '@dec/chaincode-kit/core';
import { dateOf, daysBetween } from '../common/dates';
import type { ScfEnv } from '../common/env';
import type { ScfEvent } from '../common/events';
import { arrearsStatus, recordRentCollected, requireInForce } from '../leasing/logic';
import type { Lease, LeaseStatus } from '../leasing/state';
import type { CollectionLink, EnergyAssignment, EnergyParticipant } from './state';

export interface LinkChange {
  link: CollectionLink;
  events: ScfEvent[];
}

export interface CollectionChange extends LinkChange {
  lease: Lease;
}

/** Rent still to collect on a lease. */
export function remainingRent(lease: Lease): bigint {
  return lease.schedule.reduce((sum, r) => sum + big(r.rent) - big(r.collected), 0n);
}

/**
 * The income must be paid to an account of the lessor's org (the party that approved the lease),
 * or the lease would show rent collected that someone else received.
 */
export function linkLease(lease: Lease, onEnergy: EnergyAssignment, beneficiary: EnergyParticipant, env: ScfEnv): LinkChange {
  requireInForce(lease);
  if (beneficiary.mspId !== lease.decidedBy) {
    throw new ConflictError(`energy assignment ${onEnergy.id} pays ${beneficiary.eid}, an account of ${beneficiary.mspId}, not of the lessor ${lease.decidedBy ?? '(none)'}`);
  }
  if (onEnergy.ref !== lease.id) {
    throw new ConflictError(`energy assignment ${onEnergy.id} is bound to ${onEnergy.ref ?? 'no lease'}, not lease ${lease.id} (the station owner names the lease as the assignment's ref)`);
  }
  if (onEnergy.status === 'released') throw new ConflictError(`energy assignment ${onEnergy.id} is released`);
  const link: CollectionLink = {
    leaseId: lease.id,
    assignmentId: onEnergy.id,
    meter: onEnergy.meter,
    beneficiary: onEnergy.beneficiary,
    cap: onEnergy.cap,
    synced: '0',
    applied: '0',
    surplus: '0',
    syncs: 0,
    linkedAt: env.now,
    linkedBy: env.actor.party,
  };
  const payload = { leaseId: lease.id, assignmentId: onEnergy.id, meter: onEnergy.meter, cap: onEnergy.cap, paidOnEnergy: onEnergy.paid };
  return { link, events: [{ name: 'CollectionLinked', payload }] };
}

/** Applies `amount` to the oldest unpaid instalments; returns the lease and what was left over. */
function applyToInstalments(lease: Lease, amount: bigint, evidenceHash: string, env: ScfEnv): { lease: Lease; left: bigint; events: ScfEvent[] } {
  let current = lease;
  let left = amount;
  const events: ScfEvent[] = [];
  for (const row of lease.schedule) {
    const due = big(row.rent) - big(row.collected);
    if (left === 0n || due === 0n) continue;
    const take = due < left ? due : left;
    const change = recordRentCollected(current, { leaseId: lease.id, instalment: row.n, amount: str(take), evidenceHash }, env);
    current = change.lease;
    events.push(...change.events);
    left -= take;
  }
  return { lease: current, left, events };
}

/**
 * Records the income an energy assignment has paid up to `claimedPaid`. Refused when the
 * energy ledger shows less (a forged or not yet committed figure) or when it is already recorded.
 */
export function collectIncome(lease: Lease, link: CollectionLink, onEnergy: EnergyAssignment, claimedPaid: bigint, evidenceHash: string, env: ScfEnv): CollectionChange {
  if (claimedPaid > big(onEnergy.paid)) {
    throw new ConflictError(`income not on the energy ledger: assignment ${onEnergy.id} has paid ${onEnergy.paid}, the claim is ${claimedPaid}`);
  }
  if (claimedPaid <= big(link.synced)) throw new ConflictError(`income of assignment ${onEnergy.id} up to ${claimedPaid} is already recorded (recorded: ${link.synced})`);
  const amount = claimedPaid - big(link.synced);
  const toApply = lease.status === 'completed' ? { lease, left: amount, events: [] } : applyToInstalments(lease, amount, evidenceHash, env);
  const applied = amount - toApply.left;
  const next: CollectionLink = {
    ...link,
    synced: str(claimedPaid),
    applied: str(big(link.applied) + applied),
    surplus: str(big(link.surplus) + toApply.left),
    syncs: link.syncs + 1,
    lastSync: { paid: str(claimedPaid), amount: str(amount), txId: env.txId, at: env.now },
  };
  const payload = { leaseId: lease.id, assignmentId: link.assignmentId, paid: next.synced, amount: str(amount), applied: str(applied), surplus: str(toApply.left), evidenceHash };
  return { lease: toApply.lease, link: next, events: [...toApply.events, { name: 'IncomeCollected', payload }] };
}

export interface Arrears {
  status: LeaseStatus;
  /** Rent due before today and not collected. */
  overdue: string;
  overdueInstalments: number;
  oldestDueDate?: string;
  daysLate: number;
}

/** What is overdue at `now`, from the schedule alone. */
export function arrearsOf(lease: Lease, now: string): Arrears {
  const today = dateOf(now);
  const late = lease.schedule.filter((r) => r.dueDate < today && r.collected !== r.rent);
  const overdue = late.reduce((sum, r) => sum + big(r.rent) - big(r.collected), 0n);
  const oldest = late[0]?.dueDate;
  const status = lease.terms ? arrearsStatus(lease, now) : lease.status;
  return { status, overdue: str(overdue), overdueInstalments: late.length, ...(oldest ? { oldestDueDate: oldest } : {}), daysLate: oldest ? daysBetween(oldest, today) : 0 };
}
