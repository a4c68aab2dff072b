/**
 * `leasing` contract: equipment financing leases (white paper figure 13, steps
 * apply -> approve -> pay supplier -> collect rent). Thin: authorise, parse,
 * load, call pure logic, store, emit.
 */
import { ConflictError, DecContext, DecContract, parseInput, result } from '@dec/chaincode-kit';
import { Info, Returns, Transaction } from 'fabric-contract-api';
import { emitAll } from '../common/events';
import { begin } from '../common/tx';
import { applyInput, approveInput, leaseRef, rejectInput, rentCollectedInput, supplierPaymentInput } from './inputs';
import { applyForLease, approveLease, assessArrears, recordRentCollected, recordSupplierPayment, rejectLease, type LeaseChange } from './logic';
import { getLease, leaseExists, putLease } from './store';

@Info({ title: 'leasing', description: 'Equipment financing leases: application, approval, supplier payments, rent collection, arrears' })
export class LeasingContract extends DecContract {
  constructor() {
    super('leasing');
  }

  /** A project company applies for equipment financing with its construction approval. */
  @Transaction()
  @Returns('string')
  async Apply(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'leasing:Apply');
    const req = parseInput(applyInput, input);
    if (await leaseExists(ctx, req.leaseId)) throw new ConflictError(`lease ${req.leaseId} already exists`);
    return this.save(ctx, applyForLease(req, env));
  }

  @Transaction()
  @Returns('string')
  async Approve(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'leasing:Approve');
    const req = parseInput(approveInput, input);
    return this.save(ctx, approveLease(await getLease(ctx, req.leaseId), req, env));
  }

  @Transaction()
  @Returns('string')
  async Reject(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'leasing:Reject');
    const req = parseInput(rejectInput, input);
    return this.save(ctx, rejectLease(await getLease(ctx, req.leaseId), req.reason, env));
  }

  @Transaction()
  @Returns('string')
  async RecordSupplierPayment(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'leasing:RecordSupplierPayment');
    const req = parseInput(supplierPaymentInput, input);
    return this.save(ctx, recordSupplierPayment(await getLease(ctx, req.leaseId), req, env));
  }

  @Transaction()
  @Returns('string')
  async RecordRentCollected(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'leasing:RecordRentCollected');
    const req = parseInput(rentCollectedInput, input);
    return this.save(ctx, recordRentCollected(await getLease(ctx, req.leaseId), req, env));
  }

  /** Re-derives late / defaulted from the transaction time; writes only when the status changes. */
  @Transaction()
  @Returns('string')
  async AssessArrears(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'leasing:AssessArrears');
    const req = parseInput(leaseRef, input);
    const change = assessArrears(await getLease(ctx, req.leaseId), env);
    if (change.events.length === 0) return result(change.lease);
    return this.save(ctx, change);
  }

  @Transaction(false)
  @Returns('string')
  async Get(ctx: DecContext, input: string): Promise<string> {
    begin(ctx, 'leasing:Get');
    const req = parseInput(leaseRef, input);
    return result(await getLease(ctx, req.leaseId));
  }

  private async save(ctx: DecContext, change: LeaseChange): Promise<string> {
    await putLease(ctx, change.lease);
    emitAll(ctx, change.events);
    return result(change.lease);
  }
}
