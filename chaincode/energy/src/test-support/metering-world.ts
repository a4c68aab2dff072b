/**
 * The metering test world (unit tests of the metering contract): certified
 * meters with their P-256 keys, signed readings, SubmitReadings as the ingestor.
 */
import type { TestCaller } from '@dec/chaincode-kit/testing';
import { failure } from '@dec/chaincode-kit/testing';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { Device } from '../identity/state';
import { readingMessage } from '../metering/crypto';
import { MeteringContract } from '../metering/contract';
import type { BatchResult } from '../metering/ingest';
import type { Reading } from '../metering/state';
import { EnergyWorld, gridOperator } from './energy-world';

export const ingestor: TestCaller = { mspId: 'GridMSP', name: 'ingestor', attributes: { role: 'ingestor' } };
export const T0 = Date.parse('2026-01-01T00:00:00.000Z'); // the harness's start time
export const iso = (ms: number): string => new Date(ms).toISOString();

export interface SimMeter {
  eid: string;
  priv: KeyObject;
  pem: string;
}

export function newKey(): { priv: KeyObject; pem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { priv: privateKey, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export function reading(m: SimMeter, seq: number, tsMs: number, importWh: number, exportWh = 0): Reading {
  const r = { meter: m.eid, seq, ts: iso(tsMs), importWh: String(importWh), exportWh: String(exportWh) };
  return { ...r, sig: sign('sha256', Buffer.from(readingMessage(r)), m.priv).toString('base64') };
}

export class MeteringWorld extends EnergyWorld {
  readonly metering = new MeteringContract();

  async m<T = Record<string, unknown>>(method: string, caller: TestCaller, input: unknown): Promise<T> {
    return (await this.h.invoke(this.metering, method, caller, [JSON.stringify(input)])).result as T;
  }

  async mFails(method: string, caller: TestCaller, input: unknown): Promise<Error> {
    return failure(this.m(method, caller, input), `metering:${method}`);
  }

  /** Owner onboarded, device registered with its key, meter registered and (by default) certified. */
  async meter(owner: TestCaller, opts: { certify?: boolean; ratedPowerW?: number; keyOnDevice?: boolean } = {}): Promise<SimMeter> {
    const ownerEid = (await this.call<{ participant: { eid: string } | null }>('identity', 'WhoAmI', owner)).participant?.eid ?? (await this.onboard(owner));
    const k = newKey();
    const device = await this.call<Device>('identity', 'RegisterDevice', owner, {
      ownerEid,
      kind: 'meter',
      serial: `SN-${this.h.world.state.size}`,
      ...(opts.keyOnDevice === false ? {} : { publicKey: k.pem }),
    });
    await this.m('RegisterMeter', owner, {
      meter: device.eid,
      zone: 'ZONE-A',
      ratedPowerW: opts.ratedPowerW ?? 10_000,
      ...(opts.keyOnDevice === false ? { publicKey: k.pem } : {}),
    });
    if (opts.certify !== false) await this.m('CertifyMeter', gridOperator, { meter: device.eid });
    return { eid: device.eid, ...k };
  }

  async submit(readings: unknown[], caller: TestCaller = ingestor): Promise<BatchResult> {
    return this.m<BatchResult>('SubmitReadings', caller, { readings });
  }
}

