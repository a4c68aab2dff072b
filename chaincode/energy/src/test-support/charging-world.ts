/**
 * Test support (not loaded by the chaincode): the market world plus the
 * charging contract, a provider with a charging-pile and a listed charge
 * point, and drivers with deposits and DECC.
 */
import type { TestCaller, TxOutcome } from '@dec/chaincode-kit/testing';
import { failure } from '@dec/chaincode-kit/testing';
import { ChargingContract } from '../charging/contract';
import type { Point } from '../charging/state';
import type { Device } from '../identity/state';
import { operator } from './energy-world';
import { MarketWorld, T0 } from './market-world';

export const CODE_A = 'ABCDEFGHIJKLMNOPQRST';
export const CODE_B = 'BBBBBBBBBBBBBBBBBBBB';
export const HOUR = 3_600_000;
/** A window one hour after T0, 30 minutes long. */
export const WIN_START = new Date(T0 + HOUR).toISOString();
export const WIN_END = new Date(T0 + HOUR + 30 * 60_000).toISOString();

export class ChargingWorld extends MarketWorld {
  readonly charging = new ChargingContract();

  async cgTx(method: string, caller: TestCaller, input: unknown, transient: Record<string, unknown> = {}): Promise<TxOutcome> {
    return this.h.invoke(this.charging, method, caller, [JSON.stringify(input)], transient);
  }
  async cg<T = Record<string, unknown>>(method: string, caller: TestCaller, input: unknown, transient: Record<string, unknown> = {}): Promise<T> {
    return (await this.cgTx(method, caller, input, transient)).result as T;
  }
  async cgFails(method: string, caller: TestCaller, input: unknown, transient: Record<string, unknown> = {}): Promise<Error> {
    return failure(this.cg(method, caller, input, transient), `charging:${method}`);
  }

  /** Genesis, rate 1:1, a 10 % platform fee (1000 bps). */
  async setupCharging(feeBps = 1000): Promise<void> {
    this.at(T0);
    await this.setup();
    await this.cg('Configure', operator, { feeBps, minDeposit: '1' });
  }

  /** A service provider with a deposit and a listed point: 1 kWh costs 300, 1 hour 60, reservation fee 50. */
  async provider(caller: TestCaller, chargerId = 'CP-1', place = { latE6: 31_000_000, lonE6: 121_000_000 }, pricePerKwh = '300'): Promise<{ eid: string; point: Point }> {
    const eid = await this.trader(caller, ['service-provider'], 0);
    const device = await this.call<Device>('identity', 'RegisterDevice', caller, { ownerEid: eid, kind: 'charging-pile', serial: `PILE-${chargerId}` });
    const point = await this.cg<Point>('RegisterPoint', caller, {
      provider: eid,
      device: device.eid,
      chargerId,
      zone: 'ZONE-A',
      ...place,
      connectors: [{ connectorId: 1, powerW: 22_000 }, { connectorId: 2, powerW: 7_000 }],
      pricePerKwh,
      pricePerHour: '60',
      reservationFee: '50',
      freeCancelMinutes: 30,
    });
    return { eid, point };
  }
}
