/**
 * What the market operations share: zone defaults, market IDs, the checks every
 * order-like request makes (zone, trading meter, deposit, gate, expiry) and the
 * DECC escrow a buy order or an emergency takes.
 */
import { ConflictError, NotFoundError, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { EnergyEnv } from '../../common/env';
import { deriveHex, normaliseTime } from '../../common/ids';
import type { Meter } from '../../metering/state';
import { MeteringStore } from '../../metering/store';
import { SYS } from '../../token/accounts';
import * as deposits from '../../token/deposits';
import * as holds from '../../token/holds';
import type { TokenStore } from '../../token/store';
import type { Order, ZoneConfig } from '../state';
import type { MarketStore } from '../store';
import type { BookOrder } from '../matching';
import { iso, slotTimes } from '../slots';

/** The obligation a participant's business deposit backs while it trades on the market. */
export const MARKET_OBLIGATION = 'market';

export const DEFAULT_ZONE = {
  slotMinutes: 15,
  gateMinutes: 5,
  graceMinutes: 60,
  settleWindowMinutes: 1440,
  minDeposit: '0',
  feeBps: 0,
  toleranceBps: 500,
  penaltyPerKwh: '0',
  lonScalePpm: 1_000_000,
} as const;

/** The transaction time in milliseconds. */
export const now = (ctx: DecContext): number => ctx.ledger.txTimeMs;

export function marketIds(kind: string, ctx: DecContext, n = 0): string {
  return `${kind}:${deriveHex(kind, ctx.ledger.txId, n)}`;
}

export function tradeId(slot: string, zone: string, buyOrderId: string, n: number): string {
  return `trd:${deriveHex('trade', `${slot}|${zone}|${buyOrderId}`, n)}`;
}

// --- shared checks ------------------------------------------------------------------------------

export async function zoneFor(store: MarketStore, zone: string): Promise<ZoneConfig> {
  const z = await store.zone(zone);
  if (!z) throw new NotFoundError('market zone', zone);
  return z;
}

/** The meter is certified, owned by `owner`, in `zone`, and its intervals tile the zone's slot. */
export async function tradingMeter(ctx: DecContext, meterEid: string, owner: string, zone: ZoneConfig, field: string): Promise<Meter> {
  const meter = await new MeteringStore(ctx.ledger).meter(meterEid);
  if (!meter) throw new NotFoundError('meter', meterEid);
  if (meter.ownerEid !== owner) throw new ValidationError(field, `meter ${meterEid} is not owned by ${owner}`);
  if (meter.status !== 'certified') throw new ConflictError(`meter ${meterEid} is ${meter.status}; only a certified meter can trade`);
  if (meter.zone !== zone.zone) throw new ValidationError(field, `meter ${meterEid} is in zone ${meter.zone}, not ${zone.zone}`);
  if (zone.slotMinutes % meter.slotMinutes !== 0) throw new ValidationError(field, `meter ${meterEid} reports ${meter.slotMinutes}-minute intervals, which do not tile the zone's ${zone.slotMinutes}-minute slots`);
  return meter;
}

/** The participant has an adequate business deposit; the first time, the deposit starts backing the market obligation. */
export async function requireDepositFor(ctx: DecContext, token: TokenStore, eid: string, zone: ZoneConfig, env: EnergyEnv): Promise<void> {
  const d = await token.deposit(eid);
  const needed = BigInt(zone.minDeposit);
  const has = d ? BigInt(d.amount) : 0n;
  if (has < needed || has === 0n) throw new ConflictError(`${eid} needs a DEC business deposit of at least ${needed > 0n ? needed : 1n} to trade in zone ${zone.zone}; it has ${has}`);
  if (d && !d.obligations.includes(MARKET_OBLIGATION)) {
    const change = deposits.openObligation(d, MARKET_OBLIGATION, 'micro-grid market', env);
    await token.putDeposit(change.state, d);
    ctx.emitAll(change.events);
  }
}

/**
 * Orders of the slot may still change: its book is not frozen (a key MVCC
 * checks at commit; the first Match page writes it) and, by the proposal's
 * timestamp, the gate has not closed yet.
 */
export async function requireOpenBook(ctx: DecContext, store: MarketStore, slot: string, zone: ZoneConfig): Promise<void> {
  const frozen = await store.bookFreeze(slot, zone.zone);
  if (frozen) throw new ConflictError(`the order book of slot ${slot} in zone ${zone.zone} is frozen: matching started at ${frozen.frozenAt}`);
  const t = slotTimes(slot, zone);
  if (now(ctx) >= t.gate) throw new ConflictError(`slot ${slot} in zone ${zone.zone} closed for orders at ${iso(t.gate)}`);
}

export function expiryOf(expiresAt: string | undefined, ctx: DecContext): string | undefined {
  if (expiresAt === undefined) return undefined;
  const normal = normaliseTime(expiresAt);
  if (Date.parse(normal) <= now(ctx)) throw new ValidationError('request.expiresAt', `must be after the transaction time ${ctx.ledger.txTime}`);
  return normal;
}

export function toBook(o: Order): BookOrder {
  return {
    id: o.id,
    side: o.side,
    owner: o.owner,
    meter: o.meter,
    meterSlotMinutes: o.meterSlotMinutes,
    quantityWh: BigInt(o.quantityWh),
    limitPrice: BigInt(o.limitPrice),
    latE6: o.latE6,
    lonE6: o.lonE6,
    priorityAt: o.priorityAt,
    expiresAt: o.expiresAt,
    status: o.status,
  };
}

/** Escrows `amount` DECC of the payer in a hold the market settles (nominal payee: the fee account). */
export async function escrow(ctx: DecContext, env: EnergyEnv, token: TokenStore, id: string, payer: string, amount: bigint, expiresAtMs: number, ref: string): Promise<void> {
  if (await token.hold(id)) throw new ConflictError(`hold ${id} already exists`);
  const change = holds.createHold({ id, asset: 'DECC', payer, payee: SYS.fees, amount, expiresAt: iso(expiresAtMs), ref }, env);
  await token.debit('DECC', payer, amount);
  await token.putHold(change.state);
  ctx.emitAll(change.events);
}
