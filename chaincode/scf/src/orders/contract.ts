/**
 * `orders` contract: purchase orders a bank can finance (order financing),
 * including sub-suppliers' derived orders. Thin: registered from the
 * transaction map, hands over to operations.ts.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import { SCF_TRANSACTIONS as SCF } from '../transactions';
import type { orderRef, registerInput } from './inputs';
import * as ops from './operations';

@Info({ title: 'orders', description: 'Purchase orders confirmed by the buyer, basis of order financing' })
export class OrdersContract extends DecContract {
  constructor() {
    super('orders');
  }

  @Tx(SCF, 'orders:Register')
  Register(ctx: DecContext, input: z.output<typeof registerInput>, env: ScfEnv): Promise<unknown> {
    return ops.register(ctx, input, env);
  }

  @Tx(SCF, 'orders:Confirm')
  Confirm(ctx: DecContext, input: z.output<typeof orderRef>, env: ScfEnv): Promise<unknown> {
    return ops.confirm(ctx, input, env);
  }

  @Tx(SCF, 'orders:Get')
  Get(ctx: DecContext, input: z.output<typeof orderRef>): Promise<unknown> {
    return ops.get(ctx, input);
  }
}
