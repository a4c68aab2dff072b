/**
 * Order storage. Key scheme: `order~<orderId>`. State-based endorsement: the
 * seller's org (it owns the right to finance the order), the buyer's org too
 * while the order awaits the buyer's confirmation (the buyer's act), the pledgee
 * bank's while financed, AND a channel majority in total (common/endorsement.ts).
 * The buyer is not required once confirmed: financing reads the bank/seller
 * collection, whose members (bank, seller's org, regulator) must be able to
 * endorse changes to the order on their own.
 */
import { keyPart, type KeyPolicySpec, type Ledger } from '@dec/chaincode-kit';
import { assetPolicy } from '../common/endorsement';
import { decodeOrder, type Order } from './state';

/** Who must endorse any change to `o`. */
export function orderPolicy(o: Order): KeyPolicySpec {
  return assetPolicy(o.status === 'registered' ? [o.seller, o.buyer] : [o.seller], o.status === 'financed', o.pledge);
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
    await this.ledger.requireEndorsement(key, orderPolicy(o));
  }
}
