/**
 * Metering operations: a registered meter device becomes a metering point
 * (key, zone, rated power, slot length), is certified by the grid operator
 * (granted by the transaction map), rotates its key, is decommissioned; reading
 * batches are in ingest.ts. Object rules (the owner's holder) are checked here.
 */
import { ConflictError, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { requireMeterManager } from '../access/object-rules';
import { isGridOperator } from '../access/principals';
import type { EnergyEnv } from '../common/env';
import { IdentityStore } from '../identity/store';
import { keyFingerprint, normalisePem, parseP256Key, rotationMessage, verifySignature } from './crypto';
import type * as inputs from './inputs';
import * as logic from './logic';
import { DEFAULT_SLOT_MINUTES, type Meter } from './state';
import { MeteringStore } from './store';

type P256Key = Extract<ReturnType<typeof parseP256Key>, { key: unknown }>['key'];

function p256(pem: string, field: string): P256Key {
  const parsed = parseP256Key(pem);
  if ('error' in parsed) throw new ValidationError(field, parsed.error);
  return parsed.key;
}

/** The meter's key: the one given, else the device record's; when both are given they must be the same key. */
function meterKey(given: string | undefined, onDevice: string | undefined): P256Key {
  const pem = given ?? onDevice;
  if (pem === undefined) throw new ValidationError('request.publicKey', 'is required: the device record carries no key');
  const key = p256(pem, given !== undefined ? 'request.publicKey' : 'device.publicKey');
  if (given !== undefined && onDevice !== undefined && keyFingerprint(p256(onDevice, 'device.publicKey')) !== keyFingerprint(key)) {
    throw new ValidationError('request.publicKey', 'differs from the key on the device record');
  }
  return key;
}

/** Makes a registered meter device a metering point: key, zone, rated power, slot length. Waits for certification. */
export async function registerMeter(ctx: DecContext, input: z.output<typeof inputs.registerMeterInput>, env: EnergyEnv): Promise<Meter> {
  const identity = new IdentityStore(ctx.ledger);
  const device = await identity.requireDevice(input.meter);
  const owner = await identity.requireParticipant(device.ownerEid);
  requireMeterManager(env.actor, owner, 'register this meter');
  if (device.kind !== 'meter') throw new ConflictError(`device ${device.eid} is a ${device.kind}, not a meter`);
  const store = new MeteringStore(ctx.ledger);
  if (await store.meter(input.meter)) throw new ConflictError(`meter ${input.meter} is already registered for metering`);
  const key = meterKey(input.publicKey, device.publicKey);
  const change = logic.registerMeter(
    device,
    owner,
    { zone: input.zone, location: input.location, ratedPowerW: input.ratedPowerW, slotMinutes: input.slotMinutes ?? DEFAULT_SLOT_MINUTES, publicKey: normalisePem(key) },
    env,
  );
  await store.saveMeter(change.state, true);
  ctx.emitAll(change.events);
  return change.state;
}

/** The grid operator certifies a registered meter; only then do its readings count. */
export async function certifyMeter(ctx: DecContext, input: z.output<typeof inputs.certifyMeterInput>, env: EnergyEnv): Promise<Meter> {
  const store = new MeteringStore(ctx.ledger);
  const change = logic.certifyMeter(await store.requireMeter(input.meter), env);
  await store.saveMeter(change.state, false);
  ctx.emitAll(change.events);
  return change.state;
}

export async function decommissionMeter(ctx: DecContext, input: z.output<typeof inputs.decommissionMeterInput>, env: EnergyEnv): Promise<Meter> {
  const store = new MeteringStore(ctx.ledger);
  const meter = await store.requireMeter(input.meter);
  requireMeterManager(env.actor, await new IdentityStore(ctx.ledger).requireParticipant(meter.ownerEid), 'decommission this meter');
  const change = logic.decommissionMeter(meter, input.reason, env);
  await store.saveMeter(change.state, false);
  ctx.emitAll(change.events);
  return change.state;
}

/** Who authorises a key rotation: a signature of the current key over the rotation message, or the grid operator. */
function rotationAuthority(meter: Meter, next: P256Key, signature: string | undefined, env: EnergyEnv): 'old-key' | 'grid-operator' {
  if (signature === undefined) {
    if (!isGridOperator(env.actor)) throw new ValidationError('request.signature', 'is required unless the grid operator rotates the key');
    return 'grid-operator';
  }
  const message = rotationMessage(meter.eid, meter.keyVersion, keyFingerprint(next));
  if (!verifySignature(p256(meter.publicKey, 'meter.publicKey'), message, signature)) {
    throw new ValidationError('request.signature', `does not verify with the meter's current key (version ${meter.keyVersion})`);
  }
  return 'old-key';
}

/** New key, authorised by a signature of the current key over the rotation message, or by the grid operator. */
export async function rotateKey(ctx: DecContext, input: z.output<typeof inputs.rotateKeyInput>, env: EnergyEnv): Promise<Meter> {
  const store = new MeteringStore(ctx.ledger);
  const meter = await store.requireMeter(input.meter);
  const next = p256(input.publicKey, 'request.publicKey');
  const change = logic.rotateMeterKey(meter, normalisePem(next), rotationAuthority(meter, next, input.signature, env), env);
  await store.saveMeter(change.state, false);
  ctx.emitAll(change.events);
  return change.state;
}

/** The meter and its last accepted reading. */
export async function getMeter(ctx: DecContext, input: z.output<typeof inputs.meterInput>): Promise<object> {
  const store = new MeteringStore(ctx.ledger);
  const meter = await store.requireMeter(input.meter);
  return { meter, last: (await store.cursor(input.meter)) ?? null };
}

/** Accepted readings with ts in [from, to), oldest first. */
export async function readings(ctx: DecContext, input: z.output<typeof inputs.rangeQueryInput>): Promise<object> {
  const page = await new MeteringStore(ctx.ledger).pageReadings(input.meter, input.from, input.to, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

/** Interval energy of slots starting in [from, to), oldest first. */
export async function intervals(ctx: DecContext, input: z.output<typeof inputs.rangeQueryInput>): Promise<object> {
  const page = await new MeteringStore(ctx.ledger).pageIntervals(input.meter, input.from, input.to, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export async function anomalies(ctx: DecContext, input: z.output<typeof inputs.anomaliesInput>): Promise<object> {
  const page = await new MeteringStore(ctx.ledger).pageAnomalies(input.meter, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}

export async function metersInZone(ctx: DecContext, input: z.output<typeof inputs.zoneInput>): Promise<object> {
  const page = await new MeteringStore(ctx.ledger).pageZone(input.zone, input.pageSize, input.bookmark);
  return { items: page.items.map((e) => e.value), bookmark: page.bookmark };
}
