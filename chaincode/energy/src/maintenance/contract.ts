/**
 * The `maintenance` contract: breakdown reports dispatched to the nearest
 * maintainer, paid on confirmation or timeout, and ratings (white paper
 * 4.1.2, process 3). Thin: each transaction hands over to ops.ts.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { EnergyEnv } from '../common/env';
import { ENERGY_TRANSACTIONS as ENERGY } from '../transactions';
import type * as i from './inputs';
import * as ops from './ops';

@Info({ title: 'maintenance', description: 'Maintenance orders: report, dispatch to the nearest maintainer, evidence, confirmation or timeout, payment, ratings' })
export class MaintenanceContract extends DecContract {
  constructor() {
    super('maintenance');
  }

  @Tx(ENERGY, 'maintenance:RegisterMaintainer')
  RegisterMaintainer(ctx: DecContext, input: z.output<typeof i.registerMaintainerInput>, env: EnergyEnv): Promise<unknown> {
    return ops.registerMaintainer(ctx, input, env);
  }

  @Tx(ENERGY, 'maintenance:SetAvailability')
  SetAvailability(ctx: DecContext, input: z.output<typeof i.availabilityInput>, env: EnergyEnv): Promise<unknown> {
    return ops.setAvailability(ctx, input, env);
  }

  @Tx(ENERGY, 'maintenance:Report')
  Report(ctx: DecContext, input: z.output<typeof i.reportInput>, env: EnergyEnv): Promise<unknown> {
    return ops.report(ctx, input, env);
  }

  @Tx(ENERGY, 'maintenance:Dispatch')
  Dispatch(ctx: DecContext, input: z.output<typeof i.orderInput>, env: EnergyEnv): Promise<unknown> {
    return ops.redispatch(ctx, input, env);
  }

  @Tx(ENERGY, 'maintenance:Accept')
  Accept(ctx: DecContext, input: z.output<typeof i.orderInput>, env: EnergyEnv): Promise<unknown> {
    return ops.accept(ctx, input, env);
  }

  @Tx(ENERGY, 'maintenance:Complete')
  Complete(ctx: DecContext, input: z.output<typeof i.completeInput>, env: EnergyEnv): Promise<unknown> {
    return ops.complete(ctx, input, env);
  }

  @Tx(ENERGY, 'maintenance:Confirm')
  Confirm(ctx: DecContext, input: z.output<typeof i.orderInput>, env: EnergyEnv): Promise<unknown> {
    return ops.confirm(ctx, input, env);
  }

  @Tx(ENERGY, 'maintenance:SettleTimeout')
  SettleTimeout(ctx: DecContext, input: z.output<typeof i.orderInput>, env: EnergyEnv): Promise<unknown> {
    return ops.settleTimeout(ctx, input, env);
  }

  @Tx(ENERGY, 'maintenance:RateRepair')
  RateRepair(ctx: DecContext, input: z.output<typeof i.rateRepairInput>, env: EnergyEnv): Promise<unknown> {
    return ops.rateRepair(ctx, input, env);
  }

  @Tx(ENERGY, 'maintenance:GetOrder')
  GetOrder(ctx: DecContext, input: z.output<typeof i.orderInput>, env: EnergyEnv): Promise<unknown> {
    return ops.getOrder(ctx, input, env);
  }

  @Tx(ENERGY, 'maintenance:OrdersOf')
  OrdersOf(ctx: DecContext, input: z.output<typeof i.ordersOfInput>, env: EnergyEnv): Promise<unknown> {
    return ops.ordersOf(ctx, input, env);
  }

  @Tx(ENERGY, 'maintenance:GetMaintainer')
  GetMaintainer(ctx: DecContext, input: z.output<typeof i.maintainerInput>): Promise<unknown> {
    return ops.getMaintainer(ctx, input);
  }

  @Tx(ENERGY, 'maintenance:Rating')
  Rating(ctx: DecContext, input: z.output<typeof i.ratingInput>): Promise<unknown> {
    return ops.rating(ctx, input);
  }
}
