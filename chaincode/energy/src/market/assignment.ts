/**
 * Revenue assignment: a station's (seller meter's) net sale proceeds are paid
 * to beneficiaries — a lessor, or a bank holding the station's receivable —
 * until each assignment's cap is reached; the basis of the electricity-charge
 * collection right used on the `scf` channel. Several assignments of one
 * station are served in seniority order (creation time, then ID): a junior
 * assignment receives only what the senior ones leave. Pure.
 */
import { ConflictError, ValidationError } from '@dec/chaincode-kit/core';
import type { Change, EnergyEnv } from '../common/env';
import { assignmentSchema, type Assignment } from './state';

export interface NewAssignment {
  id: string;
  meter: string;
  assignor: string;
  beneficiary: string;
  cap: bigint;
  ref?: string;
}

export function createAssignment(a: NewAssignment, tx: EnergyEnv): Change<Assignment> {
  if (a.assignor === a.beneficiary) throw new ValidationError('request.beneficiary', 'must differ from the assignor');
  if (a.cap <= 0n) throw new ValidationError('request.cap', 'must be greater than zero');
  const state = assignmentSchema.parse({
    id: a.id,
    meter: a.meter,
    assignor: a.assignor,
    beneficiary: a.beneficiary,
    cap: a.cap.toString(),
    paid: '0',
    ref: a.ref,
    status: 'active',
    createdAt: tx.now,
    createdTxId: tx.txId,
  });
  return { state, events: [{ name: 'RevenueAssigned', payload: state }] };
}

export function releaseAssignment(a: Assignment, tx: EnergyEnv): Change<Assignment> {
  if (a.status !== 'active') throw new ConflictError(`assignment ${a.id} is already ${a.status}`);
  const state = assignmentSchema.parse({ ...a, status: 'released', closedAt: tx.now });
  return { state, events: [{ name: 'AssignmentReleased', payload: { id: a.id, meter: a.meter, beneficiary: a.beneficiary, paid: a.paid, cap: a.cap } }] };
}

export function seniority(a: Assignment, b: Assignment): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface Payout {
  assignmentId: string;
  beneficiary: string;
  amount: bigint;
}

export interface Distribution {
  payouts: Payout[];
  toAssignor: bigint;
  /** Assignments that changed (paid more, possibly fulfilled), in seniority order. */
  updated: Assignment[];
  events: { name: string; payload: unknown }[];
}

/** Splits `amount` of proceeds between the active assignments (senior first) and the assignor. */
export function distribute(assignments: readonly Assignment[], amount: bigint, tx: EnergyEnv, context: Record<string, unknown> = {}): Distribution {
  let left = amount;
  const payouts: Payout[] = [];
  const updated: Assignment[] = [];
  const events: Distribution['events'] = [];
  for (const a of [...assignments].sort(seniority)) {
    if (left === 0n) break;
    if (a.status !== 'active') continue;
    const room = BigInt(a.cap) - BigInt(a.paid);
    if (room <= 0n) continue;
    const take = room < left ? room : left;
    left -= take;
    const paid = BigInt(a.paid) + take;
    const fulfilled = paid === BigInt(a.cap);
    const next = assignmentSchema.parse({ ...a, paid: paid.toString(), status: fulfilled ? 'fulfilled' : 'active', closedAt: fulfilled ? tx.now : a.closedAt });
    updated.push(next);
    payouts.push({ assignmentId: a.id, beneficiary: a.beneficiary, amount: take });
    events.push({ name: 'AssignmentCollected', payload: { ...context, assignmentId: a.id, meter: a.meter, beneficiary: a.beneficiary, amount: take.toString(), paid: next.paid, cap: a.cap, ref: a.ref } });
    if (fulfilled) events.push({ name: 'AssignmentFulfilled', payload: { assignmentId: a.id, meter: a.meter, beneficiary: a.beneficiary, cap: a.cap, ref: a.ref } });
  }
  return { payouts, toAssignor: left, updated, events };
}
