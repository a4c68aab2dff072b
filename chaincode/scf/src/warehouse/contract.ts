/**
 * `warehouse` contract: warehouse receipts confirmed by a logistics party,
 * pledged for warehouse financing. Thin: registered from the transaction map,
 * hands over to operations.ts.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import { SCF_TRANSACTIONS as SCF } from '../transactions';
import type { issueReceiptInput, receiptRef } from './inputs';
import * as ops from './operations';

@Info({ title: 'warehouse', description: 'Warehouse receipts: goods in storage, pledge, release' })
export class WarehouseContract extends DecContract {
  constructor() {
    super('warehouse');
  }

  @Tx(SCF, 'warehouse:IssueReceipt')
  IssueReceipt(ctx: DecContext, input: z.output<typeof issueReceiptInput>, env: ScfEnv): Promise<unknown> {
    return ops.issue(ctx, input, env);
  }

  @Tx(SCF, 'warehouse:ConsentRelease')
  ConsentRelease(ctx: DecContext, input: z.output<typeof receiptRef>, env: ScfEnv): Promise<unknown> {
    return ops.consent(ctx, input, env);
  }

  @Tx(SCF, 'warehouse:Release')
  Release(ctx: DecContext, input: z.output<typeof receiptRef>, env: ScfEnv): Promise<unknown> {
    return ops.release(ctx, input, env);
  }

  @Tx(SCF, 'warehouse:Get')
  Get(ctx: DecContext, input: z.output<typeof receiptRef>): Promise<unknown> {
    return ops.get(ctx, input);
  }
}
