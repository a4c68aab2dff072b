/**
 * Lease lifecycle as pure functions: state in, new state and events out. No
 * ledger here, so every rule is unit-testable with plain objects.
 *
 * applied -> approved | rejected; approved <-> late -> defaulted; any of those -> completed
 * when every instalment is fully collected. `defaulted` stays until completion:
 * later collections are recoveries, they do not cure a default.
 */
import { big, ConflictError, str, ValidationError } from '@dec/chaincode-kit/core';
import type { z } from 'zod';
import { dateOf, daysBetween } from '../common/dates';
import type { ScfEnv } from '../common/env';
import type { ScfEvent } from '../common/events';
import type { applyInput, approveInput, rentCollectedInput, supplierPaymentInput } from './inputs';
import { rentSchedule, scheduleTotals } from './schedule';
import type { Lease, LeaseStatus } from './state';

export interface LeaseChange {
  lease: Lease;
  events: ScfEvent[];
}

const IN_FORCE: readonly LeaseStatus[] = ['approved', 'late', 'defaulted'];

export function requireInForce(lease: Lease): void {
  if (!IN_FORCE.includes(lease.status)) throw new ConflictError(`lease ${lease.id} is ${lease.status}, not in force`);
}

export function applyForLease(input: z.infer<typeof applyInput>, env: ScfEnv): LeaseChange {
  const lease: Lease = {
    id: input.leaseId,
    status: 'applied',
    projectCompany: env.actor.party,
    stationId: input.stationId,
    constructionApprovalHash: input.constructionApprovalHash,
    equipment: input.equipment,
    supplier: input.supplier,
    requestedAmount: input.amount,
    appliedAt: env.now,
    schedule: [],
    supplierPayments: [],
    supplierPaid: '0',
    collections: [],
    collected: '0',
    receivableIssued: false,
  };
  const payload = { leaseId: lease.id, projectCompany: lease.projectCompany, stationId: lease.stationId, supplier: lease.supplier, amount: lease.requestedAmount };
  return { lease, events: [{ name: 'LeaseApplied', payload }] };
}

export function approveLease(lease: Lease, input: z.infer<typeof approveInput>, env: ScfEnv): LeaseChange {
  if (lease.status !== 'applied') throw new ConflictError(`lease ${lease.id} is ${lease.status}, not applied`);
  const principal = big(input.principal);
  if (principal > big(lease.requestedAmount)) throw new ValidationError('input.principal', `must not exceed the requested amount ${lease.requestedAmount}`);
  const rows = rentSchedule({ principal, rateBps: input.rateBps, termMonths: input.termMonths, firstDueDate: input.firstDueDate });
  const totals = scheduleTotals(rows);
  const next: Lease = {
    ...lease,
    status: 'approved',
    decidedAt: env.now,
    decidedBy: env.actor.party,
    terms: {
      principal: input.principal,
      rateBps: input.rateBps,
      termMonths: input.termMonths,
      firstDueDate: input.firstDueDate,
      defaultAfterDays: input.defaultAfterDays,
      totalInterest: str(totals.interest),
      totalRent: str(totals.rent),
    },
    schedule: rows.map((r) => ({ n: r.n, dueDate: r.dueDate, principal: str(r.principal), interest: str(r.interest), rent: str(r.rent), collected: '0' })),
  };
  const payload = { leaseId: lease.id, ...next.terms };
  return { lease: next, events: [{ name: 'LeaseApproved', payload }] };
}

export function rejectLease(lease: Lease, reason: string, env: ScfEnv): LeaseChange {
  if (lease.status !== 'applied') throw new ConflictError(`lease ${lease.id} is ${lease.status}, not applied`);
  const next: Lease = { ...lease, status: 'rejected', decidedAt: env.now, decidedBy: env.actor.party, rejectionReason: reason };
  return { lease: next, events: [{ name: 'LeaseRejected', payload: { leaseId: lease.id, reason } }] };
}

/** The lessor pays the named supplier for the equipment, possibly in instalments; never more than the principal. */
export function recordSupplierPayment(lease: Lease, input: z.infer<typeof supplierPaymentInput>, env: ScfEnv): LeaseChange {
  requireInForce(lease);
  const principal = big(lease.terms?.principal ?? '0');
  const paid = big(lease.supplierPaid) + big(input.amount);
  if (paid > principal) throw new ConflictError(`payments to the supplier would total ${paid}, above the principal ${principal}`);
  const payment = { n: lease.supplierPayments.length + 1, amount: input.amount, evidenceHash: input.evidenceHash, at: env.now, txId: env.txId };
  const next: Lease = { ...lease, supplierPayments: [...lease.supplierPayments, payment], supplierPaid: str(paid) };
  const payload = { leaseId: lease.id, supplier: lease.supplier, ...payment, supplierPaid: next.supplierPaid, fullyPaid: paid === principal };
  return { lease: next, events: [{ name: 'SupplierPaid', payload }] };
}

/** Rent collected for one instalment (partial collections allowed, never above what is due). */
export function recordRentCollected(lease: Lease, input: z.infer<typeof rentCollectedInput>, env: ScfEnv): LeaseChange {
  requireInForce(lease);
  const row = lease.schedule[input.instalment - 1];
  if (!row) throw new ValidationError('input.instalment', `must be between 1 and ${lease.schedule.length}`);
  const collected = big(row.collected) + big(input.amount);
  if (collected > big(row.rent)) {
    throw new ConflictError(`instalment ${row.n} would be collected ${collected}, above its rent ${row.rent}`);
  }
  const schedule = lease.schedule.map((r) => (r.n === row.n ? { ...r, collected: str(collected) } : r));
  const entry = { instalment: row.n, amount: input.amount, evidenceHash: input.evidenceHash, at: env.now, txId: env.txId };
  const collectedTotal = str(big(lease.collected) + big(input.amount));
  const updated: Lease = { ...lease, schedule, collections: [...lease.collections, entry], collected: collectedTotal };
  const events: ScfEvent[] = [{ name: 'RentCollected', payload: { leaseId: lease.id, ...entry, leaseCollected: collectedTotal } }];
  const assessed = assessArrears(updated, env);
  return { lease: assessed.lease, events: [...events, ...assessed.events] };
}

/** The status the schedule implies at `now`. */
export function arrearsStatus(lease: Lease, now: string): LeaseStatus {
  if (lease.schedule.every((r) => r.collected === r.rent)) return 'completed';
  if (lease.status === 'defaulted') return 'defaulted';
  const today = dateOf(now);
  let worst = 0;
  for (const r of lease.schedule) {
    if (r.collected !== r.rent && r.dueDate < today) worst = Math.max(worst, daysBetween(r.dueDate, today));
  }
  if (worst === 0) return 'approved';
  return worst > (lease.terms?.defaultAfterDays ?? 90) ? 'defaulted' : 'late';
}

/** Re-derives late / defaulted / completed from the schedule and the transaction time. */
export function assessArrears(lease: Lease, env: ScfEnv): LeaseChange {
  requireInForce(lease);
  const status = arrearsStatus(lease, env.now);
  if (status === lease.status) return { lease, events: [] };
  const payload = { leaseId: lease.id, from: lease.status, to: status, at: env.now };
  return { lease: { ...lease, status }, events: [{ name: 'LeaseStatusChanged', payload }] };
}
