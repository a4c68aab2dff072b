/**
 * Order storage. Key scheme: `order~<orderId>`. State-based endorsement: the
 * seller's org (plus the pledgee bank's org while financed) must endorse every
 * change, since the seller owns the right to finance the order.
 */
import { keyPart, type Ledger } from '@dec/chaincode-kit';
import { mspOf } from '../access/policy';
import { decodeOrder, type Order } from './state';

/** The orgs whose peers must endorse any change to `o`. */
export function orderEndorsers(o: Order): string[] {
  const orgs = [mspOf(o.seller)];
  if (o.status === 'financed' && o.pledge) orgs.push(mspOf(o.pledge.bank));
  return [...new Set(orgs)].sort();
}

export class OrderStore {
  constructor(private readonly ledger: Ledger) {}

  key(orderId: string): string {
    return this.ledger.key('order', keyPart('orderId', orderId));
  }

  require(orderId: string): Promise<Order> {
    return this.ledger.require(this.key(orderId), decodeOrder, 'order', orderId);
  }

  exists(orderId: string): Promise<boolean> {
    return this.ledger.exists(this.key(orderId));
  }

  async put(o: Order): Promise<void> {
    const key = this.key(o.id);
    await this.ledger.put(key, o);
    await this.ledger.requireEndorsementFrom(key, orderEndorsers(o));
  }
}
