/**
 * The `paychan` contract: payment channels between a user and a service
 * provider for frequent small payments (white paper 4.1.2). Thin: each
 * transaction is registered from its line in the map and hands over to ops.ts.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { EnergyEnv } from '../common/env';
import { ENERGY_TRANSACTIONS as ENERGY } from '../transactions';
import type * as i from './inputs';
import * as ops from './ops';

@Info({ title: 'paychan', description: 'Payment channels: deposits locked on chain, balance proofs signed by both off chain, cooperative or challenged close' })
export class PaychanContract extends DecContract {
  constructor() {
    super('paychan');
  }

  @Tx(ENERGY, 'paychan:Open')
  Open(ctx: DecContext, input: z.output<typeof i.openInput>, env: EnergyEnv): Promise<unknown> {
    return ops.open(ctx, input, env);
  }

  @Tx(ENERGY, 'paychan:Join')
  Join(ctx: DecContext, input: z.output<typeof i.joinInput>, env: EnergyEnv): Promise<unknown> {
    return ops.join(ctx, input, env);
  }

  @Tx(ENERGY, 'paychan:CooperativeClose')
  CooperativeClose(ctx: DecContext, input: z.output<typeof i.cooperativeCloseInput>, env: EnergyEnv): Promise<unknown> {
    return ops.cooperativeClose(ctx, input, env);
  }

  @Tx(ENERGY, 'paychan:Close')
  Close(ctx: DecContext, input: z.output<typeof i.closeInput>, env: EnergyEnv): Promise<unknown> {
    return ops.close(ctx, input, env);
  }

  @Tx(ENERGY, 'paychan:Update')
  Update(ctx: DecContext, input: z.output<typeof i.updateInput>, env: EnergyEnv): Promise<unknown> {
    return ops.update(ctx, input, env);
  }

  @Tx(ENERGY, 'paychan:Settle')
  Settle(ctx: DecContext, input: z.output<typeof i.settleInput>, env: EnergyEnv): Promise<unknown> {
    return ops.settleClosing(ctx, input, env);
  }

  @Tx(ENERGY, 'paychan:Get')
  Get(ctx: DecContext, input: z.output<typeof i.channelInput>, env: EnergyEnv): Promise<unknown> {
    return ops.get(ctx, input, env);
  }
}
