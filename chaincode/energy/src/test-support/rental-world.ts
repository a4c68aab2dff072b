/**
 * Test support (not loaded by the chaincode): the charging world (its
 * configuration: platform fee, minimum deposit) plus the rental contract and a
 * provider with a listed vehicle.
 */
import type { TestCaller, TxOutcome } from '@dec/chaincode-kit/testing';
import { failure } from '@dec/chaincode-kit/testing';
import type { Device } from '../identity/state';
import { RentalContract } from '../rental/contract';
import type { Item } from '../rental/state';
import { ChargingWorld } from './charging-world';

/** Where test items stand: the return zone is a 1000 micro-degree circle around it. */
export const HOME = { latE6: 31_000_000, lonE6: 121_000_000 };

export class RentalWorld extends ChargingWorld {
  readonly rental = new RentalContract();

  async rtTx(method: string, caller: TestCaller, input: unknown, transient: Record<string, unknown> = {}): Promise<TxOutcome> {
    return this.h.invoke(this.rental, method, caller, [JSON.stringify(input)], transient);
  }
  async rt<T = Record<string, unknown>>(method: string, caller: TestCaller, input: unknown, transient: Record<string, unknown> = {}): Promise<T> {
    return (await this.rtTx(method, caller, input, transient)).result as T;
  }
  async rtFails(method: string, caller: TestCaller, input: unknown, transient: Record<string, unknown> = {}): Promise<Error> {
    return failure(this.rt(method, caller, input, transient), `rental:${method}`);
  }

  /** The listing of an item of `provider`: 600 per hour, reservation fee 50, return zone 1000 µ° around HOME. */
  itemInput(provider: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      provider,
      category: 'e-bike',
      serial: 'BIKE-1',
      zone: 'ZONE-A',
      ...HOME,
      pricePerHour: '600',
      reservationFee: '50',
      freeCancelMinutes: 30,
      returnZone: { ...HOME, radiusE6: 1000 },
      ...extra,
    };
  }

  /** A service provider with a deposit and a listed vehicle (its registered vehicle device); `extra` overrides the listing. */
  async rentalProvider(caller: TestCaller, extra: Record<string, unknown> = {}): Promise<{ eid: string; item: Item }> {
    const eid = await this.trader(caller, ['service-provider'], 0);
    const device = await this.call<Device>('identity', 'RegisterDevice', caller, { ownerEid: eid, kind: 'vehicle', serial: `VIN-${caller.name}` });
    const item = await this.rt<Item>('ListItem', caller, this.itemInput(eid, { category: 'vehicle', device: device.eid, serial: 'CAR-1', ...extra }));
    return { eid, item };
  }
}
