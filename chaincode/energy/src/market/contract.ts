/**
 * The `market` contract: the distributed micro-grid market (white paper 4.1.1).
 * Orders per delivery slot and grid zone, deterministic nearest-first matching,
 * PPAs, settlement from metered interval energy, grid emergencies and revenue
 * assignment. Thin: each transaction is registered from its line in the
 * transaction map and hands over to the operations in ./ops (one concern per file).
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { EnergyEnv } from '../common/env';
import { ENERGY_TRANSACTIONS as ENERGY } from '../transactions';
import type * as i from './inputs';
import * as assignments from './ops/assignments';
import * as emergencies from './ops/emergencies';
import * as leave from './ops/leave';
import * as matching from './ops/matching';
import * as orders from './ops/orders';
import * as ppas from './ops/ppas';
import * as queries from './ops/queries';
import * as settlement from './ops/settlement';
import * as zones from './ops/zones';

@Info({ title: 'market', description: 'Micro-grid market: orders, matching, PPAs, metered settlement, grid emergencies, revenue assignment' })
export class MarketContract extends DecContract {
  constructor() {
    super('market');
  }

  /** Creates or updates a zone's trading parameters. */
  @Tx(ENERGY, 'market:ConfigureZone')
  ConfigureZone(ctx: DecContext, input: z.output<typeof i.configureZoneInput>): Promise<unknown> {
    return zones.configureZone(ctx, input);
  }

  @Tx(ENERGY, 'market:PostOrder')
  PostOrder(ctx: DecContext, input: z.output<typeof i.postOrderInput>, env: EnergyEnv): Promise<unknown> {
    return orders.postOrder(ctx, input, env);
  }

  @Tx(ENERGY, 'market:AmendOrder')
  AmendOrder(ctx: DecContext, input: z.output<typeof i.amendOrderInput>, env: EnergyEnv): Promise<unknown> {
    return orders.amendOrder(ctx, input, env);
  }

  @Tx(ENERGY, 'market:CancelOrder')
  CancelOrder(ctx: DecContext, input: z.output<typeof i.orderIdInput>, env: EnergyEnv): Promise<unknown> {
    return orders.cancelOrder(ctx, input, env);
  }

  /** Matches a closed slot of a zone, `pageSize` trades per call; call until `done`. */
  @Tx(ENERGY, 'market:Match')
  Match(ctx: DecContext, input: z.output<typeof i.slotZonePageInput>, env: EnergyEnv): Promise<unknown> {
    return matching.match(ctx, input, env);
  }

  /** Settles a matched slot after the meter data grace period, `pageSize` buy orders per call; call until `done`. */
  @Tx(ENERGY, 'market:Settle')
  Settle(ctx: DecContext, input: z.output<typeof i.slotZonePageInput>, env: EnergyEnv): Promise<unknown> {
    return settlement.settle(ctx, input, env);
  }

  @Tx(ENERGY, 'market:ProposePpa')
  ProposePpa(ctx: DecContext, input: z.output<typeof i.proposePpaInput>, env: EnergyEnv): Promise<unknown> {
    return ppas.proposePpa(ctx, input, env);
  }

  @Tx(ENERGY, 'market:AcceptPpa')
  AcceptPpa(ctx: DecContext, input: z.output<typeof i.ppaIdInput>, env: EnergyEnv): Promise<unknown> {
    return ppas.acceptPpa(ctx, input, env);
  }

  /** Rejects a proposed PPA or terminates an active one (slots already closed still deliver). */
  @Tx(ENERGY, 'market:TerminatePpa')
  TerminatePpa(ctx: DecContext, input: z.output<typeof i.terminatePpaInput>, env: EnergyEnv): Promise<unknown> {
    return ppas.terminatePpa(ctx, input, env);
  }

  @Tx(ENERGY, 'market:SettlePpa')
  SettlePpa(ctx: DecContext, input: z.output<typeof i.settlePpaInput>, env: EnergyEnv): Promise<unknown> {
    return ppas.settlePpa(ctx, input, env);
  }

  @Tx(ENERGY, 'market:PostEmergency')
  PostEmergency(ctx: DecContext, input: z.output<typeof i.postEmergencyInput>, env: EnergyEnv): Promise<unknown> {
    return emergencies.postEmergency(ctx, input, env);
  }

  @Tx(ENERGY, 'market:OfferEmergency')
  OfferEmergency(ctx: DecContext, input: z.output<typeof i.offerEmergencyInput>, env: EnergyEnv): Promise<unknown> {
    return emergencies.offerEmergency(ctx, input, env);
  }

  @Tx(ENERGY, 'market:DispatchEmergency')
  DispatchEmergency(ctx: DecContext, input: z.output<typeof i.emergencyIdInput>, env: EnergyEnv): Promise<unknown> {
    return emergencies.dispatchEmergency(ctx, input, env);
  }

  @Tx(ENERGY, 'market:SettleEmergency')
  SettleEmergency(ctx: DecContext, input: z.output<typeof i.emergencyIdInput>, env: EnergyEnv): Promise<unknown> {
    return emergencies.settleEmergency(ctx, input, env);
  }

  @Tx(ENERGY, 'market:AssignRevenue')
  AssignRevenue(ctx: DecContext, input: z.output<typeof i.assignRevenueInput>, env: EnergyEnv): Promise<unknown> {
    return assignments.assignRevenue(ctx, input, env);
  }

  @Tx(ENERGY, 'market:ReleaseAssignment')
  ReleaseAssignment(ctx: DecContext, input: z.output<typeof i.assignmentIdInput>, env: EnergyEnv): Promise<unknown> {
    return assignments.releaseAssignmentTx(ctx, input, env);
  }

  @Tx(ENERGY, 'market:Leave')
  Leave(ctx: DecContext, input: z.output<typeof i.eidInput>, env: EnergyEnv): Promise<unknown> {
    return leave.leave(ctx, input, env);
  }

  @Tx(ENERGY, 'market:GetZone')
  GetZone(ctx: DecContext, input: z.output<typeof i.zoneInput>): Promise<unknown> {
    return queries.getZone(ctx, input);
  }

  @Tx(ENERGY, 'market:OrderBook')
  OrderBook(ctx: DecContext, input: z.output<typeof i.orderBookInput>): Promise<unknown> {
    return queries.orderBook(ctx, input);
  }

  @Tx(ENERGY, 'market:GetOrder')
  GetOrder(ctx: DecContext, input: z.output<typeof i.orderIdInput>): Promise<unknown> {
    return queries.getOrder(ctx, input);
  }

  @Tx(ENERGY, 'market:OrdersOf')
  OrdersOf(ctx: DecContext, input: z.output<typeof i.eidPageInput>, env: EnergyEnv): Promise<unknown> {
    return queries.ordersOf(ctx, input, env);
  }

  @Tx(ENERGY, 'market:TradesOf')
  TradesOf(ctx: DecContext, input: z.output<typeof i.eidPageInput>, env: EnergyEnv): Promise<unknown> {
    return queries.tradesOf(ctx, input, env);
  }

  @Tx(ENERGY, 'market:Clearing')
  Clearing(ctx: DecContext, input: z.output<typeof i.slotZoneInput>): Promise<unknown> {
    return queries.clearing(ctx, input);
  }

  @Tx(ENERGY, 'market:Trades')
  Trades(ctx: DecContext, input: z.output<typeof i.orderBookInput>): Promise<unknown> {
    return queries.trades(ctx, input);
  }

  @Tx(ENERGY, 'market:Statement')
  Statement(ctx: DecContext, input: z.output<typeof i.statementInput>, env: EnergyEnv): Promise<unknown> {
    return queries.statement(ctx, input, env);
  }

  @Tx(ENERGY, 'market:GetPpa')
  GetPpa(ctx: DecContext, input: z.output<typeof i.ppaIdInput>, env: EnergyEnv): Promise<unknown> {
    return queries.getPpa(ctx, input, env);
  }

  @Tx(ENERGY, 'market:PpaSettlements')
  PpaSettlements(ctx: DecContext, input: z.output<typeof i.ppaPageInput>, env: EnergyEnv): Promise<unknown> {
    return queries.ppaSettlements(ctx, input, env);
  }

  @Tx(ENERGY, 'market:GetEmergency')
  GetEmergency(ctx: DecContext, input: z.output<typeof i.emergencyIdInput>): Promise<unknown> {
    return queries.getEmergency(ctx, input);
  }

  @Tx(ENERGY, 'market:GetAssignment')
  GetAssignment(ctx: DecContext, input: z.output<typeof i.assignmentIdInput>): Promise<unknown> {
    return queries.getAssignment(ctx, input);
  }

  @Tx(ENERGY, 'market:AssignmentsOf')
  AssignmentsOf(ctx: DecContext, input: z.output<typeof i.meterInput>): Promise<unknown> {
    return queries.assignmentsOf(ctx, input);
  }
}
