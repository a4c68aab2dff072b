/**
 * `financing` contract: a bank finances a receivable part, a purchase order or a
 * warehouse receipt. Terms travel in the transient map and are stored only in
 * the private collection of the bank and the asset's holder (the regulator is a
 * member of every collection); the channel holds the record and the terms' hash.
 * Thin: registered from the transaction map, hands over to operations.ts.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import { SCF_TRANSACTIONS as SCF } from '../transactions';
import type { acceptInput, advanceInput, financingRef, offerInput, repaymentInput } from './inputs';
import * as ops from './operations';

@Info({ title: 'financing', description: 'Receivable, order and warehouse-receipt financing with private terms and regulator rules' })
export class FinancingContract extends DecContract {
  constructor() {
    super('financing');
  }

  @Tx(SCF, 'financing:Offer')
  Offer(ctx: DecContext, input: z.output<typeof offerInput>, env: ScfEnv): Promise<unknown> {
    return ops.offer(ctx, input, env);
  }

  @Tx(SCF, 'financing:Accept')
  Accept(ctx: DecContext, input: z.output<typeof acceptInput>, env: ScfEnv): Promise<unknown> {
    return ops.accept(ctx, input, env);
  }

  @Tx(SCF, 'financing:Decline')
  Decline(ctx: DecContext, input: z.output<typeof financingRef>, env: ScfEnv): Promise<unknown> {
    return ops.decline(ctx, input, env);
  }

  @Tx(SCF, 'financing:RecordAdvance')
  RecordAdvance(ctx: DecContext, input: z.output<typeof advanceInput>, env: ScfEnv): Promise<unknown> {
    return ops.advance(ctx, input, env);
  }

  @Tx(SCF, 'financing:RecordRepayment')
  RecordRepayment(ctx: DecContext, input: z.output<typeof repaymentInput>, env: ScfEnv): Promise<unknown> {
    return ops.repayment(ctx, input, env);
  }

  @Tx(SCF, 'financing:Settle')
  Settle(ctx: DecContext, input: z.output<typeof financingRef>, env: ScfEnv): Promise<unknown> {
    return ops.settle(ctx, input, env);
  }

  @Tx(SCF, 'financing:Get')
  Get(ctx: DecContext, input: z.output<typeof financingRef>): Promise<unknown> {
    return ops.get(ctx, input);
  }

  @Tx(SCF, 'financing:GetTerms')
  GetTerms(ctx: DecContext, input: z.output<typeof financingRef>, env: ScfEnv): Promise<unknown> {
    return ops.getTerms(ctx, input, env);
  }

  @Tx(SCF, 'financing:Waterfall')
  Waterfall(ctx: DecContext, input: z.output<typeof financingRef>, env: ScfEnv): Promise<unknown> {
    return ops.waterfallOf(ctx, input, env);
  }
}
