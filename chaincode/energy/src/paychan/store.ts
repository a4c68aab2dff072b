/**
 * Payment-channel state access. Key scheme:
 *
 *   paychan.ch ~<channelId>     Channel
 *
 * Why one key: every transaction on a channel reads and writes its record, so
 * two concurrent closes, updates or settlements of one channel conflict under
 * MVCC and at most one commits: funds move exactly once.
 */
import { decoder, keyPart, NotFoundError, type Ledger } from '@dec/chaincode-kit';
import { channelSchema, type Channel } from './state';

export const PAYCHAN_KEYS = { channel: 'paychan.ch' } as const;

const dChannel = decoder(channelSchema, 'payment channel');

export class PaychanStore {
  constructor(private readonly ledger: Ledger) {}

  async channel(id: string): Promise<Channel | undefined> {
    return this.ledger.get(this.ledger.key(PAYCHAN_KEYS.channel, keyPart('channelId', id)), dChannel);
  }

  async requireChannel(id: string): Promise<Channel> {
    const c = await this.channel(id);
    if (!c) throw new NotFoundError('payment channel', id);
    return c;
  }

  async put(c: Channel): Promise<void> {
    await this.ledger.put(this.ledger.key(PAYCHAN_KEYS.channel, c.id), c);
  }
}
