/**
 * `leasing` contract: equipment financing leases (white paper figure 13, steps
 * apply -> approve -> pay supplier -> collect rent). Thin: each transaction is
 * registered from its line in the transaction map and hands over to operations.ts.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import { SCF_TRANSACTIONS as SCF } from '../transactions';
import type { applyInput, approveInput, leaseRef, rejectInput, rentCollectedInput, supplierPaymentInput } from './inputs';
import * as ops from './operations';

@Info({ title: 'leasing', description: 'Equipment financing leases: application, approval, supplier payments, rent collection, arrears' })
export class LeasingContract extends DecContract {
  constructor() {
    super('leasing');
  }

  /** A project company applies for equipment financing with its construction approval. */
  @Tx(SCF, 'leasing:Apply')
  Apply(ctx: DecContext, input: z.output<typeof applyInput>, env: ScfEnv): Promise<unknown> {
    return ops.apply(ctx, input, env);
  }

  @Tx(SCF, 'leasing:Approve')
  Approve(ctx: DecContext, input: z.output<typeof approveInput>, env: ScfEnv): Promise<unknown> {
    return ops.approve(ctx, input, env);
  }

  @Tx(SCF, 'leasing:Reject')
  Reject(ctx: DecContext, input: z.output<typeof rejectInput>, env: ScfEnv): Promise<unknown> {
    return ops.reject(ctx, input, env);
  }

  @Tx(SCF, 'leasing:RecordSupplierPayment')
  RecordSupplierPayment(ctx: DecContext, input: z.output<typeof supplierPaymentInput>, env: ScfEnv): Promise<unknown> {
    return ops.supplierPayment(ctx, input, env);
  }

  @Tx(SCF, 'leasing:RecordRentCollected')
  RecordRentCollected(ctx: DecContext, input: z.output<typeof rentCollectedInput>, env: ScfEnv): Promise<unknown> {
    return ops.rentCollected(ctx, input, env);
  }

  /** Re-derives late / defaulted from the transaction time; writes only when the status changes. */
  @Tx(SCF, 'leasing:AssessArrears')
  AssessArrears(ctx: DecContext, input: z.output<typeof leaseRef>, env: ScfEnv): Promise<unknown> {
    return ops.assessArrears(ctx, input, env);
  }

  @Tx(SCF, 'leasing:Get')
  Get(ctx: DecContext, input: z.output<typeof leaseRef>): Promise<unknown> {
    return ops.get(ctx, input);
  }
}
