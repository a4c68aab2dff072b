/**
 * Test support (not loaded by the chaincode): the energy world with the store
 * contract, a seller with its deposit, buyers with DEC, and a product builder.
 * Shared by the store unit tests and the fixed-purpose crowdfunding test.
 */
import { failure, type TestCaller } from '@dec/chaincode-kit/testing';
import { createHash } from 'node:crypto';
import { dec, EnergyWorld, user } from '../test-support/energy-world';
import { StoreContract } from './contract';
import type { Order, Product } from './state';

export const DAY = 86_400_000;
export const hash = (s: string): string => createHash('sha256').update(s).digest('hex');

export class StoreWorld extends EnergyWorld {
  readonly store = new StoreContract();
  readonly seller = user('seller', 'LessorMSP');
  sellerEid = '';

  async stCall<T = Record<string, unknown>>(method: string, caller: TestCaller, input: unknown): Promise<T> {
    return (await this.h.invoke(this.store, method, caller, [JSON.stringify(input)])).result as T;
  }

  async stFails(method: string, caller: TestCaller, input: unknown): Promise<Error> {
    return failure(this.stCall(method, caller, input), `store:${method}`);
  }

  /** A seller with 1000 DEC of which `depositDec` locked as its deposit (genesis first unless done). */
  async setupSeller(depositDec = 10, genesis = true): Promise<void> {
    if (genesis) await this.genesis();
    this.sellerEid = await this.onboard(this.seller, ['seller']);
    await this.fundDec(this.sellerEid, 1000);
    if (depositDec > 0) await this.call('token', 'LockDeposit', this.seller, { account: this.sellerEid, amount: dec(depositDec) });
  }

  async buyer(name: string, wholeDec = 1000): Promise<{ caller: TestCaller; eid: string }> {
    const caller = user(name, 'BankMSP');
    const eid = await this.onboard(caller, ['consumer']);
    await this.fundDec(eid, wholeDec);
    return { caller, eid };
  }

  product(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return { seller: this.sellerEid, title: 'PV panel 400 W mono', category: 'pv-panels', detailHash: hash('panel spec'), asset: 'DEC', price: dec(50), stock: 10, ...overrides };
  }

  list(overrides: Record<string, unknown> = {}): Promise<Product> {
    return this.stCall<Product>('ListProduct', this.seller, this.product(overrides));
  }

  buy(b: { caller: TestCaller; eid: string }, productId: string, quantity = 1): Promise<Order> {
    return this.stCall<Order>('Buy', b.caller, { productId, buyer: b.eid, quantity });
  }

  /** Bought and shipped. */
  async shipped(b: { caller: TestCaller; eid: string }, productId: string, quantity = 1): Promise<Order> {
    const o = await this.buy(b, productId, quantity);
    return this.stCall<Order>('Ship', this.seller, { orderId: o.id, logisticsHash: hash(`waybill ${o.id}`) });
  }
}
