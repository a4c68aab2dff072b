/**
 * The `metering` contract: smart meters (identity devices of kind `meter`)
 * with their signing keys, certification by the grid operator, signed reading
 * batches with per-reading verdicts, interval energy per settlement slot, and
 * anomaly records. Thin: parse, check access (metering-policy.ts), run the
 * pure logic (metering-logic.ts), store (metering-store.ts), emit.
 */
import { ConflictError, DecContext, DecContract, parseInput, result, ValidationError } from '@dec/chaincode-kit';
import { Info, Returns, Transaction } from 'fabric-contract-api';
import { emitAll, txInfo } from '../common/context';
import { IdentityStore } from '../identity/identity-store';
import { keyFingerprint, normalisePem, parseP256Key, rotationMessage, verifySignature } from './metering-crypto';
import { submitReadings } from './metering-ingest';
import {
  anomaliesInput,
  certifyMeterInput,
  decommissionMeterInput,
  meterInput,
  rangeQueryInput,
  registerMeterInput,
  rotateKeyInput,
  submitReadingsInput,
  zoneInput,
} from './metering-inputs';
import * as logic from './metering-logic';
import { isGridOperator, requireGridOperator, requireMeterManager, requireReadingSubmitter } from './metering-policy';
import { DEFAULT_SLOT_MINUTES } from './metering-state';
import { MeteringStore } from './metering-store';

function p256(pem: string, field: string) {
  const parsed = parseP256Key(pem);
  if ('error' in parsed) throw new ValidationError(field, parsed.error);
  return parsed.key;
}

@Info({ title: 'metering', description: 'DEC smart meters: registration, certification, key rotation, signed readings, interval energy, anomalies' })
export class MeteringContract extends DecContract {
  constructor() {
    super('metering');
  }

  /** Makes a registered meter device a metering point: key, zone, rated power, slot length. Waits for certification. */
  @Transaction()
  @Returns('string')
  async RegisterMeter(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(registerMeterInput, request, 'request');
    const identity = new IdentityStore(ctx.ledger);
    const device = await identity.requireDevice(input.meter);
    const owner = await identity.requireParticipant(device.ownerEid);
    requireMeterManager(ctx.caller, owner, 'register this meter');
    if (device.kind !== 'meter') throw new ConflictError(`device ${device.eid} is a ${device.kind}, not a meter`);
    const store = new MeteringStore(ctx.ledger);
    if (await store.meter(input.meter)) throw new ConflictError(`meter ${input.meter} is already registered for metering`);
    const pem = input.publicKey ?? device.publicKey;
    if (!pem) throw new ValidationError('request.publicKey', 'is required: the device record carries no key');
    const key = p256(pem, input.publicKey ? 'request.publicKey' : 'device.publicKey');
    if (input.publicKey && device.publicKey && keyFingerprint(p256(device.publicKey, 'device.publicKey')) !== keyFingerprint(key)) {
      throw new ValidationError('request.publicKey', 'differs from the key on the device record');
    }
    const change = logic.registerMeter(
      device,
      owner,
      { zone: input.zone, location: input.location, ratedPowerW: input.ratedPowerW, slotMinutes: input.slotMinutes ?? DEFAULT_SLOT_MINUTES, publicKey: normalisePem(key) },
      txInfo(ctx),
    );
    await store.saveMeter(change.state, true);
    emitAll(ctx, change.events);
    return result(change.state);
  }

  /** The grid operator certifies a registered meter; only then do its readings count. */
  @Transaction()
  @Returns('string')
  async CertifyMeter(ctx: DecContext, request: string): Promise<string> {
    requireGridOperator(ctx.caller);
    const input = parseInput(certifyMeterInput, request, 'request');
    const store = new MeteringStore(ctx.ledger);
    const change = logic.certifyMeter(await store.requireMeter(input.meter), txInfo(ctx));
    await store.saveMeter(change.state, false);
    emitAll(ctx, change.events);
    return result(change.state);
  }

  @Transaction()
  @Returns('string')
  async DecommissionMeter(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(decommissionMeterInput, request, 'request');
    const store = new MeteringStore(ctx.ledger);
    const meter = await store.requireMeter(input.meter);
    requireMeterManager(ctx.caller, await new IdentityStore(ctx.ledger).requireParticipant(meter.ownerEid), 'decommission this meter');
    const change = logic.decommissionMeter(meter, input.reason, txInfo(ctx));
    await store.saveMeter(change.state, false);
    emitAll(ctx, change.events);
    return result(change.state);
  }

  /** New key, authorised by a signature of the current key over the rotation message, or by the grid operator. */
  @Transaction()
  @Returns('string')
  async RotateKey(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(rotateKeyInput, request, 'request');
    const store = new MeteringStore(ctx.ledger);
    const meter = await store.requireMeter(input.meter);
    const next = p256(input.publicKey, 'request.publicKey');
    let by: 'old-key' | 'grid-operator';
    if (input.signature) {
      const message = rotationMessage(meter.eid, meter.keyVersion, keyFingerprint(next));
      if (!verifySignature(p256(meter.publicKey, 'meter.publicKey'), message, input.signature)) {
        throw new ValidationError('request.signature', `does not verify with the meter's current key (version ${meter.keyVersion})`);
      }
      by = 'old-key';
    } else {
      if (!isGridOperator(ctx.caller)) throw new ValidationError('request.signature', "is required unless the grid operator rotates the key");
      by = 'grid-operator';
    }
    const change = logic.rotateMeterKey(meter, normalisePem(next), by, txInfo(ctx));
    await store.saveMeter(change.state, false);
    emitAll(ctx, change.events);
    return result(change.state);
  }

  /** A batch of signed readings; each gets a verdict (accepted / duplicate / rejected with reason), the batch never fails for one bad reading. */
  @Transaction()
  @Returns('string')
  async SubmitReadings(ctx: DecContext, request: string): Promise<string> {
    requireReadingSubmitter(ctx.caller);
    const input = parseInput(submitReadingsInput, request, 'request');
    return result(await submitReadings(ctx, input.readings));
  }

  // --- queries (anyone) -----------------------------------------------------------

  /** The meter and its last accepted reading. */
  @Transaction(false)
  @Returns('string')
  async GetMeter(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(meterInput, request, 'request');
    const store = new MeteringStore(ctx.ledger);
    const meter = await store.requireMeter(input.meter);
    return result({ meter, last: (await store.cursor(input.meter)) ?? null });
  }

  /** Accepted readings with ts in [from, to), oldest first. */
  @Transaction(false)
  @Returns('string')
  async Readings(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(rangeQueryInput, request, 'request');
    const page = await new MeteringStore(ctx.ledger).pageReadings(input.meter, input.from, input.to, input.pageSize, input.bookmark);
    return result({ items: page.items.map((e) => e.value), bookmark: page.bookmark });
  }

  /** Interval energy of slots starting in [from, to), oldest first. */
  @Transaction(false)
  @Returns('string')
  async Intervals(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(rangeQueryInput, request, 'request');
    const page = await new MeteringStore(ctx.ledger).pageIntervals(input.meter, input.from, input.to, input.pageSize, input.bookmark);
    return result({ items: page.items.map((e) => e.value), bookmark: page.bookmark });
  }

  @Transaction(false)
  @Returns('string')
  async Anomalies(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(anomaliesInput, request, 'request');
    const page = await new MeteringStore(ctx.ledger).pageAnomalies(input.meter, input.pageSize, input.bookmark);
    return result({ items: page.items.map((e) => e.value), bookmark: page.bookmark });
  }

  @Transaction(false)
  @Returns('string')
  async MetersInZone(ctx: DecContext, request: string): Promise<string> {
    const input = parseInput(zoneInput, request, 'request');
    const page = await new MeteringStore(ctx.ledger).pageZone(input.zone, input.pageSize, input.bookmark);
    return result({ items: page.items.map((e) => e.value), bookmark: page.bookmark });
  }
}
