/**
 * Access rules of the market contract, built on the principals of
 * access/policy.ts (platform operator, holder, reader) and metering's grid operator:
 *
 * - market:ConfigureZone: platform operator.
 * - market:PostOrder / AmendOrder / CancelOrder: holder of the order's owner eID
 *   (sell: roles producer or storage-owner; buy: consumer).
 * - market:Match / Settle (a slot+zone): platform operator or grid operator; the
 *   outcome is fully determined by the ledger, the caller only triggers it.
 * - market:ProposePpa: holder of the seller or the buyer; AcceptPpa / rejection:
 *   holder of the other party; TerminatePpa: holder of either party or the platform operator;
 *   SettlePpa: either party's holder, the platform operator or the grid operator.
 * - market:PostEmergency / DispatchEmergency: grid operator who is the holder of a `grid` eID.
 *   OfferEmergency: holder of a storage-owner eID. SettleEmergency: grid or platform operator.
 * - market:AssignRevenue: holder of the station meter's owner. ReleaseAssignment:
 *   holder of the beneficiary, or the platform operator.
 * - market:Leave: holder of the eID.
 * - queries: order book, clearing, zone, emergencies: anyone on the channel (a
 *   public market); a participant's orders, trades, PPAs and statements: reader of that eID.
 */
import { AccessDeniedError } from '@dec/chaincode-kit';
import { isPlatformOperator, requireHolder, type CallerView } from '../access/policy';
import type { Participant, Role } from '../identity/identity-state';
import { isGridOperator } from '../metering/metering-policy';
import type { Side } from './market-state';

export const SIDE_ROLES: Record<Side, readonly Role[]> = {
  sell: ['producer', 'storage-owner'],
  buy: ['consumer'],
};

export function requireRole(p: Participant, roles: readonly Role[], what: string): void {
  if (!roles.some((r) => p.roles.includes(r))) {
    throw new AccessDeniedError(`${what} needs one of the roles ${roles.join(', ')}; ${p.eid} has ${p.roles.join(', ') || 'none'}`);
  }
}

export function requireTrader(caller: CallerView, p: Participant, side: Side): void {
  requireHolder(caller, p);
  requireRole(p, SIDE_ROLES[side], `a ${side} order`);
}

export function requireMarketRunner(caller: CallerView): void {
  if (!isPlatformOperator(caller) && !isGridOperator(caller)) {
    throw new AccessDeniedError(`only the platform operator or the grid operator may run matching and settlement; caller is from ${caller.mspId}`);
  }
}

export function requireGridParticipant(caller: CallerView, p: Participant): void {
  if (!isGridOperator(caller)) throw new AccessDeniedError('only the grid operator (GridMSP, role=operator) may do this');
  requireHolder(caller, p);
  requireRole(p, ['grid'], 'a grid emergency');
}

export { isGridOperator, isPlatformOperator };
