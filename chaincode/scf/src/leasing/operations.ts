/**
 * Leasing operations: load the lease, run the pure transition, store it, emit.
 * Access (roles) is checked by `@Tx` from the transaction map before these run.
 */
import { ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import { countLeaseFacts } from '../credit/operations';
import type { applyInput, approveInput, leaseRef, rejectInput, rentCollectedInput, supplierPaymentInput } from './inputs';
import { applyForLease, approveLease, assessArrears as assessArrearsOf, recordRentCollected, recordSupplierPayment, rejectLease, type LeaseChange } from './logic';
import type { Lease } from './state';
import { LeaseStore } from './store';

/** Stores the lease; with `before`, counts the credit facts of the change (repayments, arrears) in this transaction. */
async function save(ctx: DecContext, change: LeaseChange, before?: Lease, env?: ScfEnv): Promise<Lease> {
  await new LeaseStore(ctx.ledger).put(change.lease);
  ctx.emitAll(change.events);
  if (before && env) await countLeaseFacts(ctx, before, change.lease, env);
  return change.lease;
}

export async function apply(ctx: DecContext, req: z.output<typeof applyInput>, env: ScfEnv): Promise<Lease> {
  if (await new LeaseStore(ctx.ledger).exists(req.leaseId)) throw new ConflictError(`lease ${req.leaseId} already exists`);
  return save(ctx, applyForLease(req, env));
}

export async function approve(ctx: DecContext, req: z.output<typeof approveInput>, env: ScfEnv): Promise<Lease> {
  return save(ctx, approveLease(await new LeaseStore(ctx.ledger).require(req.leaseId), req, env));
}

export async function reject(ctx: DecContext, req: z.output<typeof rejectInput>, env: ScfEnv): Promise<Lease> {
  return save(ctx, rejectLease(await new LeaseStore(ctx.ledger).require(req.leaseId), req.reason, env));
}

export async function supplierPayment(ctx: DecContext, req: z.output<typeof supplierPaymentInput>, env: ScfEnv): Promise<Lease> {
  return save(ctx, recordSupplierPayment(await new LeaseStore(ctx.ledger).require(req.leaseId), req, env));
}

export async function rentCollected(ctx: DecContext, req: z.output<typeof rentCollectedInput>, env: ScfEnv): Promise<Lease> {
  const before = await new LeaseStore(ctx.ledger).require(req.leaseId);
  return save(ctx, recordRentCollected(before, req, env), before, env);
}

/** Re-derives late / defaulted from the transaction time; writes only when the status changes. */
export async function assessArrears(ctx: DecContext, req: z.output<typeof leaseRef>, env: ScfEnv): Promise<Lease> {
  const before = await new LeaseStore(ctx.ledger).require(req.leaseId);
  const change = assessArrearsOf(before, env);
  if (change.events.length === 0) return change.lease;
  return save(ctx, change, before, env);
}

export async function get(ctx: DecContext, req: z.output<typeof leaseRef>): Promise<Lease> {
  return new LeaseStore(ctx.ledger).require(req.leaseId);
}
