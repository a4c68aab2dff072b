/**
 * Social state access. Key scheme (Fabric composite keys):
 *
 *   so.content ~<contentHash>                  Content
 *   so.acted   ~<author>~<kind>~<parentHash>   { hash }  one reward per user, kind and content
 *   so.earned  ~<user>~<UTC day>               Earned
 *   so.invite  ~<invitee>                      Invite (an invitee accepts once)
 *   so.stake   ~<stakeId>                      Stake
 *   so.pool                                    StakePool
 */
import { decoder, keyPart, type Ledger, type Page } from '@dec/chaincode-kit';
import { z } from 'zod';
import { contentSchema, earnedSchema, inviteSchema, stakePoolSchema, stakeSchema, type Content, type Invite, type Stake, type StakePool } from './state';

const dContent = decoder(contentSchema, 'content');
const dEarned = decoder(earnedSchema, 'earnings');
const dInvite = decoder(inviteSchema, 'invitation');
const dStake = decoder(stakeSchema, 'stake');
const dPool = decoder(stakePoolSchema, 'stake pool');
const dHash = decoder(z.object({ hash: z.string() }), 'action');

export class SocialStore {
  constructor(private readonly ledger: Ledger) {}

  private contentKey(hash: string): string {
    return this.ledger.key('so.content', keyPart('contentHash', hash));
  }

  content(hash: string): Promise<Content | undefined> {
    return this.ledger.get(this.contentKey(hash), dContent);
  }

  requireContent(hash: string): Promise<Content> {
    return this.ledger.require(this.contentKey(hash), dContent, 'content', hash);
  }

  async putContent(c: Content): Promise<void> {
    await this.ledger.put(this.contentKey(c.hash), c);
    if (c.parent) await this.ledger.put(this.actedKey(c.author, c.kind, c.parent), { hash: c.hash });
  }

  private actedKey(author: string, kind: string, parent: string): string {
    return this.ledger.key('so.acted', keyPart('author', author), kind, parent);
  }

  acted(author: string, kind: string, parent: string): Promise<{ hash: string } | undefined> {
    return this.ledger.get(this.actedKey(author, kind, parent), dHash);
  }

  private earnedKey(user: string, period: string): string {
    return this.ledger.key('so.earned', keyPart('user', user), period);
  }

  async earned(user: string, period: string): Promise<bigint> {
    const e = await this.ledger.get(this.earnedKey(user, period), dEarned);
    return BigInt(e?.amount ?? '0');
  }

  async putEarned(user: string, period: string, amount: bigint): Promise<void> {
    await this.ledger.put(this.earnedKey(user, period), { user, period, amount: amount.toString() });
  }

  private inviteKey(invitee: string): string {
    return this.ledger.key('so.invite', keyPart('invitee', invitee));
  }

  invite(invitee: string): Promise<Invite | undefined> {
    return this.ledger.get(this.inviteKey(invitee), dInvite);
  }

  async putInvite(i: Invite): Promise<void> {
    await this.ledger.put(this.inviteKey(i.invitee), i);
  }

  private stakeKey(id: string): string {
    return this.ledger.key('so.stake', keyPart('stakeId', id));
  }

  requireStake(id: string): Promise<Stake> {
    return this.ledger.require(this.stakeKey(id), dStake, 'stake', id);
  }

  async putStake(s: Stake): Promise<void> {
    await this.ledger.put(this.stakeKey(s.id), s);
  }

  pageStakes(pageSize: number, bookmark: string): Promise<Page<Stake>> {
    return this.ledger.page('so.stake', [], pageSize, bookmark, dStake);
  }

  async pool(): Promise<StakePool> {
    return (await this.ledger.get(this.ledger.key('so.pool'), dPool)) ?? { amount: '0', updatedAt: '' };
  }

  async putPool(p: StakePool): Promise<void> {
    await this.ledger.put(this.ledger.key('so.pool'), p);
  }
}
