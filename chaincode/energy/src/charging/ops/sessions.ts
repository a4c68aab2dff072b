/**
 * Charging sessions. Started by the dynamic code of a reservation (the
 * charging management service relays OCPP StartTransaction; the code is
 * re-verified and used up) or instantly by the user (scan to pay: a hold for
 * the most the session may cost, larger than the expected cost). Meter
 * readings never go backwards; the stop settles from the hold to the unit:
 * the reservation fee plus energy and time cost to the provider minus the
 * platform fee, the rest back to the user. A session settles once.
 */
import { big, ConflictError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import { TokenStore } from '../../token/store';
import type * as inputs from '../inputs';
import { budget, codeMatches, currentSlot, HOLD_GRACE_MS, requireForward, requireStartable, sessionCost } from '../logic';
import type { Connector, Point, Session } from '../state';
import { ChargingStore } from '../store';
import { requireConnector } from './points';
import { publicView, transientCode } from './reservations';
import { amounts, chargerOperator, chargingId, configOf, escrow, partyReader, payOut, requireDeposit, userHolder } from './shared';

async function freeConnector(store: ChargingStore, point: Point, connectorId: number): Promise<Connector> {
  const c = await requireConnector(store, point, connectorId);
  if (c.state !== 'available' && c.state !== 'reserved') throw new ConflictError(`connector ${connectorId} of ${point.id} is ${c.state}`);
  return c;
}

async function occupy(ctx: DecContext, store: ChargingStore, s: Session, previous: Connector): Promise<void> {
  await store.putConnector({ pointId: s.pointId, connectorId: s.connectorId, state: 'in-use', sessionId: s.id, updatedAt: s.startedAt });
  await store.putSession(s);
  ctx.emit('SessionStarted', { ...s, previousState: previous.state });
}

function newSession(env: EnergyEnv, point: Point, fields: Pick<Session, 'user' | 'connectorId' | 'mode' | 'reservationId' | 'holdId' | 'held' | 'reservationFee' | 'meterStartWh'>): Session {
  return {
    id: chargingId('ses', env.txId),
    provider: point.provider,
    pointId: point.id,
    pricePerKwh: point.pricePerKwh,
    pricePerHour: point.pricePerHour,
    ...fields,
    lastMeterWh: fields.meterStartWh,
    status: 'active',
    startedAt: env.now,
    startedTxId: env.txId,
  };
}

/** OCPP StartTransaction with a reservation: the code (transient) must match; it is then used up. */
export async function startReserved(ctx: DecContext, input: z.output<typeof inputs.startReservedInput>, env: EnergyEnv): Promise<Session> {
  const store = new ChargingStore(ctx.ledger);
  const r = await store.requireReservation(input.reservationId);
  await chargerOperator(ctx, env, r.provider);
  const code = transientCode(ctx);
  if (r.status !== 'booked') throw new ConflictError(`reservation ${r.id} is ${r.status}: its code was used or has lapsed`);
  if (!codeMatches(r.codeSalt, r.codeHash, code)) throw new ConflictError(`the code does not open reservation ${r.id}`);
  const point = await store.requirePoint(r.pointId);
  requireStartable(ctx.ledger.txTimeMs, r.start, r.end, point.slotMinutes);
  const connector = await freeConnector(store, point, r.connectorId);
  const s = newSession(env, point, { user: r.user, connectorId: r.connectorId, mode: 'reserved', reservationId: r.id, holdId: r.holdId, held: r.held, reservationFee: r.reservationFee, meterStartWh: input.meterStartWh });
  await store.putReservation({ ...r, status: 'started', sessionId: s.id });
  await occupy(ctx, store, s, connector);
  ctx.emit('ReservationUsed', publicView({ ...r, status: 'started', sessionId: s.id }));
  return s;
}

/** Scan to pay: the user starts on a free connector not reserved for now; the hold covers maxWh and maxMinutes at the point's prices. */
export async function startInstant(ctx: DecContext, input: z.output<typeof inputs.startInstantInput>, env: EnergyEnv): Promise<Session> {
  await userHolder(ctx, env, input.user);
  const store = new ChargingStore(ctx.ledger);
  const point = await store.requirePoint(input.pointId);
  if (point.provider === input.user) throw new ConflictError('a provider cannot pay itself');
  const connector = await freeConnector(store, point, input.connectorId);
  const reservedBy = await store.slot(point.id, input.connectorId, currentSlot(ctx.ledger.txTimeMs, point.slotMinutes));
  if (reservedBy) throw new ConflictError(`connector ${input.connectorId} of ${point.id} is reserved now by ${reservedBy}`);
  const token = new TokenStore(ctx.ledger);
  await requireDeposit(ctx, token, input.user, await configOf(store), env);
  const held = budget(big(input.maxWh), BigInt(input.maxMinutes * 60), big(point.pricePerKwh), big(point.pricePerHour));
  const holdId = held > 0n ? await escrow(ctx, env, token, input.user, held, ctx.ledger.txTimeMs + input.maxMinutes * 60_000 + HOLD_GRACE_MS, `charging:instant`) : '';
  const s = newSession(env, point, { user: input.user, connectorId: input.connectorId, mode: 'instant', holdId, held: held.toString(), reservationFee: '0', meterStartWh: undefined });
  await occupy(ctx, store, s, connector);
  await token.finish('ChargingStartInstant');
  return s;
}

async function active(store: ChargingStore, id: string): Promise<Session> {
  const s = await store.requireSession(id);
  if (s.status !== 'active') throw new ConflictError(`session ${id} is ${s.status}`);
  return s;
}

/** OCPP MeterValues: a cumulative reading (Wh); the first one of an instant session is its start. */
export async function recordMeter(ctx: DecContext, input: z.output<typeof inputs.recordMeterInput>, env: EnergyEnv): Promise<Session> {
  const store = new ChargingStore(ctx.ledger);
  const s = await active(store, input.sessionId);
  await chargerOperator(ctx, env, s.provider);
  const last = s.lastMeterWh === undefined ? undefined : big(s.lastMeterWh);
  requireForward(last, big(input.meterWh), 'request.meterWh');
  const next: Session = { ...s, meterStartWh: s.meterStartWh ?? input.meterWh, lastMeterWh: input.meterWh };
  await store.putSession(next);
  ctx.emit('MeterRecorded', { sessionId: s.id, meterWh: input.meterWh, at: env.now });
  return next;
}

/** OCPP StopTransaction: settles energy (meterStop − meterStart) and time at the session's prices, plus a reservation's fee. */
export async function stopSession(ctx: DecContext, input: z.output<typeof inputs.stopSessionInput>, env: EnergyEnv): Promise<Session> {
  const store = new ChargingStore(ctx.ledger);
  const s = await active(store, input.sessionId);
  await chargerOperator(ctx, env, s.provider);
  const stop = big(input.meterStopWh);
  requireForward(s.lastMeterWh === undefined ? undefined : big(s.lastMeterWh), stop, 'request.meterStopWh');
  const energyWh = stop - big(s.meterStartWh ?? input.meterStopWh);
  const seconds = Math.floor((ctx.ledger.txTimeMs - Date.parse(s.startedAt)) / 1000);
  const cost = sessionCost(energyWh, BigInt(seconds), big(s.pricePerKwh), big(s.pricePerHour));
  const token = new TokenStore(ctx.ledger);
  const earned = big(s.reservationFee) + cost;
  const paid = s.holdId ? await payOut(ctx, env, token, s.holdId, s.provider, earned, 'ChargingStop') : { earned: 0n, fee: 0n, provider: 0n, refund: 0n };
  const next: Session = {
    ...s,
    meterStartWh: s.meterStartWh ?? input.meterStopWh,
    lastMeterWh: input.meterStopWh,
    status: 'settled',
    stoppedAt: env.now,
    energyWh: energyWh.toString(),
    seconds,
    cost: cost.toString(),
    captured: paid.earned.toString(),
    ...amounts(paid),
  };
  await store.putSession(next);
  await store.putConnector({ pointId: s.pointId, connectorId: s.connectorId, state: 'available', updatedAt: env.now });
  ctx.emit('SessionSettled', next);
  return next;
}

export async function getSession(ctx: DecContext, input: z.output<typeof inputs.sessionInput>, env: EnergyEnv): Promise<Session> {
  const s = await new ChargingStore(ctx.ledger).requireSession(input.sessionId);
  await partyReader(ctx, env, s.user, s.provider);
  return s;
}
