/**
 * Test support (not loaded by the chaincode): the energy world with the
 * metering and market contracts, traders with deposits and DECC, certified
 * meters that sign cumulative readings, and order builders. Shared by the
 * market scenario tests and the security tests of issue 13.
 */
import { failure } from '@dec/chaincode-kit/testing';
import type { TestCaller, TxOutcome } from '@dec/chaincode-kit/testing';
import { expect } from 'chai';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { Device, Role } from '../identity/state';
import { readingMessage } from '../metering/crypto';
import { MeteringContract } from '../metering/contract';
import type { BatchResult } from '../metering/ingest';
import { MarketContract } from '../market/contract';
import { dec, EnergyWorld, gridOperator, operator } from './energy-world';

export const ingestor: TestCaller = { mspId: 'GridMSP', name: 'ingestor', attributes: { role: 'ingestor' } };
export const MIN = 60_000;
export const T0 = Date.parse('2026-01-01T00:00:00.000Z');
export const iso = (ms: number): string => new Date(ms).toISOString();
export const SLOT = '2026-01-01T01:00:00.000Z';
export const SLOT_MS = Date.parse(SLOT);
export const DEPOSIT = dec(100);
export const TEN_DEC = 10n * 10n ** 18n;

export interface SimMeter {
  eid: string;
  owner: string;
  priv: KeyObject;
  seq: number;
  importWh: bigint;
  exportWh: bigint;
}

export class MarketWorld extends EnergyWorld {
  readonly metering = new MeteringContract();
  readonly market = new MarketContract();

  async mk<T = Record<string, unknown>>(method: string, caller: TestCaller, input: unknown): Promise<T> {
    return (await this.h.invoke(this.market, method, caller, [JSON.stringify(input)])).result as T;
  }
  async mkTx(method: string, caller: TestCaller, input: unknown): Promise<TxOutcome> {
    return this.h.invoke(this.market, method, caller, [JSON.stringify(input)]);
  }
  async mkFails(method: string, caller: TestCaller, input: unknown): Promise<Error> {
    return failure(this.mk(method, caller, input), `market:${method}`);
  }
  async me<T = Record<string, unknown>>(method: string, caller: TestCaller, input: unknown): Promise<T> {
    return (await this.h.invoke(this.metering, method, caller, [JSON.stringify(input)])).result as T;
  }

  /** Genesis, a 1:1 DEC→DECC rate, and the zone. */
  async setup(zone: Record<string, unknown> = {}): Promise<void> {
    await this.genesis();
    await this.postRate('1');
    await this.mk('ConfigureZone', operator, { zone: 'ZONE-A', slotMinutes: 15, gateMinutes: 5, graceMinutes: 30, feeBps: 100, toleranceBps: 500, penaltyPerKwh: dec(1), minDeposit: DEPOSIT, ...zone });
  }

  /** An approved participant with 1000 DEC, a 100 DEC deposit and DECC minted from `deccDec` DEC. */
  async trader(caller: TestCaller, roles: Role[], deccDec = 10): Promise<string> {
    const eid = await this.onboard(caller, roles);
    await this.fundDec(eid, 1000);
    await this.call('token', 'LockDeposit', caller, { account: eid, amount: DEPOSIT });
    if (deccDec > 0) await this.call('token', 'MintDecc', caller, { account: eid, decAmount: dec(deccDec) });
    return eid;
  }

  async meter(caller: TestCaller, owner: string, zone = 'ZONE-A'): Promise<SimMeter> {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const device = await this.call<Device>('identity', 'RegisterDevice', caller, { ownerEid: owner, kind: 'meter', serial: `SN-${this.h.world.state.size}`, publicKey: pem });
    await this.me('RegisterMeter', caller, { meter: device.eid, zone, ratedPowerW: 200_000 });
    await this.me('CertifyMeter', gridOperator, { meter: device.eid });
    return { eid: device.eid, owner, priv: privateKey, seq: 0, importWh: 0n, exportWh: 0n };
  }

  /** Signed cumulative readings: a baseline at the slot start, then the slot's energy at its end. */
  async deliver(meters: { m: SimMeter; exportWh?: number; importWh?: number }[], slotMs = SLOT_MS): Promise<BatchResult> {
    const readings = [];
    for (const { m, exportWh = 0, importWh = 0 } of meters) {
      readings.push(this.reading(m, slotMs));
      m.exportWh += BigInt(exportWh);
      m.importWh += BigInt(importWh);
      readings.push(this.reading(m, slotMs + 15 * MIN));
    }
    const r = await this.me<BatchResult>('SubmitReadings', ingestor, { readings });
    expect(r.rejected, JSON.stringify(r.results.filter((x) => x.verdict === 'rejected'))).to.equal(0);
    return r;
  }

  /** A signed cumulative reading of `m` at `tsMs` (its counters as they are now). */
  reading(m: SimMeter, tsMs: number): Record<string, unknown> {
    const r = { meter: m.eid, seq: ++m.seq, ts: iso(tsMs), importWh: m.importWh.toString(), exportWh: m.exportWh.toString() };
    return { ...r, sig: sign('sha256', Buffer.from(readingMessage(r)), m.priv).toString('base64') };
  }

  at(ms: number): void {
    this.h.nowMs = ms;
  }

  async deposit(eid: string): Promise<bigint> {
    return BigInt((await this.call<{ amount: string }>('token', 'GetDeposit', operator, { account: eid })).amount);
  }
}

export const order = (eid: string, side: 'sell' | 'buy', meter: SimMeter, quantityWh: number, limitPrice: number, lonE6: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  eid,
  side,
  meter: meter.eid,
  zone: 'ZONE-A',
  slot: SLOT,
  quantityWh: String(quantityWh),
  limitPrice: String(limitPrice),
  latE6: 31_000_000,
  lonE6,
  ...extra,
});

