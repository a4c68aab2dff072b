/**
 * The `market` contract: the distributed micro-grid market (white paper 4.1.1).
 * Orders per delivery slot and grid zone, deterministic nearest-first matching,
 * PPAs, settlement from metered interval energy, grid emergencies and revenue
 * assignment. Thin: parse the one JSON argument, hand over to market-ops.ts
 * (which checks access first), return canonical JSON. Wire names are
 * `market:<Name>`; input shapes in market-inputs.ts, access in market-access.ts.
 */
import { DecContext, DecContract, parseInput, result } from '@dec/chaincode-kit';
import { Info, Returns, Transaction } from 'fabric-contract-api';
import { z } from 'zod';
import { requirePlatformOperator } from '../access/policy';
import { pageRequest } from '../common/ids';
import * as i from './market-inputs';
import * as ops from './market-ops';
import { MarketStore } from './market-store';

const ppaPageInput = z.strictObject({ ppaId: i.ppaIdSchema, ...pageRequest });

@Info({ title: 'market', description: 'Micro-grid market: orders, matching, PPAs, metered settlement, grid emergencies, revenue assignment' })
export class MarketContract extends DecContract {
  constructor() {
    super('market');
  }

  /** Creates or updates a zone's trading parameters. Platform operator only. */
  @Transaction()
  @Returns('string')
  async ConfigureZone(ctx: DecContext, request: string): Promise<string> {
    requirePlatformOperator(ctx.caller);
    return result(await ops.configureZone(ctx, parseInput(i.configureZoneInput, request, 'request')));
  }

  @Transaction()
  @Returns('string')
  async PostOrder(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.postOrder(ctx, parseInput(i.postOrderInput, request, 'request')));
  }

  @Transaction()
  @Returns('string')
  async AmendOrder(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.amendOrder(ctx, parseInput(i.amendOrderInput, request, 'request')));
  }

  @Transaction()
  @Returns('string')
  async CancelOrder(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.cancelOrder(ctx, parseInput(i.orderIdInput, request, 'request')));
  }

  /** Matches a closed slot of a zone, `pageSize` trades per call; call until `done`. */
  @Transaction()
  @Returns('string')
  async Match(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.match(ctx, parseInput(i.slotZonePageInput, request, 'request')));
  }

  /** Settles a matched slot after the meter data grace period, `pageSize` buy orders per call; call until `done`. */
  @Transaction()
  @Returns('string')
  async Settle(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.settle(ctx, parseInput(i.slotZonePageInput, request, 'request')));
  }

  @Transaction()
  @Returns('string')
  async ProposePpa(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.proposePpa(ctx, parseInput(i.proposePpaInput, request, 'request')));
  }

  @Transaction()
  @Returns('string')
  async AcceptPpa(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.acceptPpa(ctx, parseInput(i.ppaIdInput, request, 'request')));
  }

  /** Rejects a proposed PPA or terminates an active one (slots already closed still deliver). */
  @Transaction()
  @Returns('string')
  async TerminatePpa(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.terminatePpa(ctx, parseInput(i.terminatePpaInput, request, 'request')));
  }

  @Transaction()
  @Returns('string')
  async SettlePpa(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.settlePpa(ctx, parseInput(i.settlePpaInput, request, 'request')));
  }

  @Transaction()
  @Returns('string')
  async PostEmergency(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.postEmergency(ctx, parseInput(i.postEmergencyInput, request, 'request')));
  }

  @Transaction()
  @Returns('string')
  async OfferEmergency(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.offerEmergency(ctx, parseInput(i.offerEmergencyInput, request, 'request')));
  }

  @Transaction()
  @Returns('string')
  async DispatchEmergency(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.dispatchEmergency(ctx, parseInput(i.emergencyIdInput, request, 'request')));
  }

  @Transaction()
  @Returns('string')
  async SettleEmergency(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.settleEmergency(ctx, parseInput(i.emergencyIdInput, request, 'request')));
  }

  @Transaction()
  @Returns('string')
  async AssignRevenue(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.assignRevenue(ctx, parseInput(i.assignRevenueInput, request, 'request')));
  }

  @Transaction()
  @Returns('string')
  async ReleaseAssignment(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.releaseAssignmentTx(ctx, parseInput(i.assignmentIdInput, request, 'request')));
  }

  @Transaction()
  @Returns('string')
  async Leave(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.leave(ctx, parseInput(i.eidInput, request, 'request')));
  }

  // --- queries -------------------------------------------------------------------------------

  @Transaction(false)
  @Returns('string')
  async GetZone(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(i.zoneInput, request, 'request');
    return result((await new MarketStore(ctx.ledger).zone(input.zone)) ?? null);
  }

  @Transaction(false)
  @Returns('string')
  async OrderBook(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.orderBook(ctx, parseInput(i.orderBookInput, request, 'request')));
  }

  @Transaction(false)
  @Returns('string')
  async GetOrder(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.getOrder(ctx, parseInput(i.orderIdInput, request, 'request')));
  }

  @Transaction(false)
  @Returns('string')
  async OrdersOf(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.ordersOf(ctx, parseInput(i.eidPageInput, request, 'request')));
  }

  @Transaction(false)
  @Returns('string')
  async TradesOf(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.tradesOf(ctx, parseInput(i.eidPageInput, request, 'request')));
  }

  @Transaction(false)
  @Returns('string')
  async Clearing(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.clearing(ctx, parseInput(i.slotZoneInput, request, 'request')));
  }

  @Transaction(false)
  @Returns('string')
  async Trades(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.trades(ctx, parseInput(i.orderBookInput, request, 'request')));
  }

  @Transaction(false)
  @Returns('string')
  async Statement(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.statement(ctx, parseInput(i.statementInput, request, 'request')));
  }

  @Transaction(false)
  @Returns('string')
  async GetPpa(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.getPpa(ctx, parseInput(i.ppaIdInput, request, 'request')));
  }

  @Transaction(false)
  @Returns('string')
  async PpaSettlements(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.ppaSettlements(ctx, parseInput(ppaPageInput, request, 'request')));
  }

  @Transaction(false)
  @Returns('string')
  async GetEmergency(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.getEmergency(ctx, parseInput(i.emergencyIdInput, request, 'request')));
  }

  @Transaction(false)
  @Returns('string')
  async GetAssignment(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.getAssignment(ctx, parseInput(i.assignmentIdInput, request, 'request')));
  }

  @Transaction(false)
  @Returns('string')
  async AssignmentsOf(ctx: DecContext, request: string): Promise<string> {
    return result(await ops.assignmentsOf(ctx, parseInput(i.meterInput, request, 'request')));
  }
}
