/**
 * Social rewards through the contract on the in-memory ledger: rewards for
 * sharing, discussing and inviting up to the per-user daily cap (the last one
 * cut, then refused, a new day resets), never for one's own content or twice;
 * tips; stakes upheld (stake + 2× from the pool, at most the pool) or lost,
 * by the platform alone before a committee exists and by a committee decision
 * after. Every refusal writes nothing.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import type { TestCaller } from '@dec/chaincode-kit/testing';
import { failure } from '@dec/chaincode-kit/testing';
import { dec, EnergyWorld, operator, user } from '../test-support/energy-world';
import { SocialContract } from './contract';
import { COMMENT_REWARD, DAILY_CAP, INVITE_REWARD, SHARE_REWARD } from './logic';
import type { Content, Stake } from './state';

const h = (s: string): string => createHash('sha256').update(s).digest('hex');
const DAY = 86_400_000;

class SocialWorld extends EnergyWorld {
  readonly social = new SocialContract();
  async so<T = Record<string, unknown>>(method: string, caller: TestCaller, input?: unknown): Promise<T> {
    return (await this.h.invoke(this.social, method, caller, input === undefined ? [] : [JSON.stringify(input)])).result as T;
  }
  soFails(method: string, caller: TestCaller, input: unknown): Promise<Error> {
    return failure(this.so(method, caller, input), `social:${method}`);
  }
}

describe('social contract', () => {
  let w: SocialWorld;
  let a: { caller: TestCaller; eid: string };
  let b: { caller: TestCaller; eid: string };
  const person = async (name: string): Promise<{ caller: TestCaller; eid: string }> => {
    const caller = user(name, 'BankMSP');
    const eid = await w.onboard(caller, ['consumer']);
    await w.fundDec(eid, 100);
    return { caller, eid };
  };
  beforeEach(async () => {
    w = new SocialWorld();
    await w.genesis();
    await w.postRate('100');
    await w.call('token', 'FundRewardPool', operator, { from: 'sys:others', decAmount: dec(10) });
    a = await person('alice');
    b = await person('bob');
    await w.so('Post', a.caller, { author: a.eid, contentHash: h('a-post') });
  });

  it('rewards sharing and discussing someone else\'s content once each; never one\'s own', async () => {
    const shared = await w.so<Content>('Share', b.caller, { author: b.eid, contentHash: h('b-share'), parent: h('a-post') });
    expect(shared.reward).to.equal(SHARE_REWARD.toString());
    const said = await w.so<Content>('Comment', b.caller, { author: b.eid, contentHash: h('b-comment'), parent: h('a-post') });
    expect(said.reward).to.equal(COMMENT_REWARD.toString());
    expect(await w.balance(b.eid, 'DECC')).to.equal(SHARE_REWARD + COMMENT_REWARD);
    const before = w.stateFingerprint();
    expect((await w.soFails('Share', b.caller, { author: b.eid, contentHash: h('b-share-2'), parent: h('a-post') })).message).to.match(/request\.parent: has already been rewarded as a share/);
    expect((await w.soFails('Share', a.caller, { author: a.eid, contentHash: h('a-self'), parent: h('a-post') })).message).to.match(/request\.parent: must be someone else's content/);
    expect((await w.soFails('Share', a.caller, { author: b.eid, contentHash: h('x'), parent: h('a-post') })).message).to.match(/not bound/);
    expect((await w.soFails('Comment', b.caller, { author: b.eid, contentHash: h('y'), parent: h('unknown') })).message).to.match(/not found|does not exist|no content/i);
    expect(w.stateFingerprint()).to.equal(before);
    await w.expectInvariants();
  });

  it('caps a user\'s rewards per UTC day: the last reward is cut to the cap, then refused; a new day starts again', async () => {
    const n = Number(DAILY_CAP / SHARE_REWARD);
    for (let i = 0; i < n + 1; i++) await w.so('Post', a.caller, { author: a.eid, contentHash: h(`a-${i}`) });
    await w.so('Comment', b.caller, { author: b.eid, contentHash: h('b-c'), parent: h('a-0') });
    for (let i = 1; i < n; i++) await w.so('Share', b.caller, { author: b.eid, contentHash: h(`b-s-${i}`), parent: h(`a-${i}`) });
    const last = await w.so<Content>('Share', b.caller, { author: b.eid, contentHash: h(`b-s-${n}`), parent: h(`a-${n}`) });
    expect(last.reward).to.equal((SHARE_REWARD - COMMENT_REWARD).toString());
    const day = w.h.nowMs;
    const earned = await w.so<{ earned: string }>('Earned', b.caller, { user: b.eid, period: new Date(day).toISOString().slice(0, 10) });
    expect(earned.earned).to.equal(DAILY_CAP.toString());
    const before = w.stateFingerprint();
    expect((await w.soFails('Share', b.caller, { author: b.eid, contentHash: h('b-over'), parent: h('a-post') })).message).to.match(/request\.author: has earned the daily reward cap/);
    expect(w.stateFingerprint()).to.equal(before);
    w.h.advance(DAY);
    expect((await w.so<Content>('Share', b.caller, { author: b.eid, contentHash: h('b-next-day'), parent: h('a-post') })).reward).to.equal(SHARE_REWARD.toString());
    expect(await w.balance(b.eid, 'DECC')).to.equal(DAILY_CAP + SHARE_REWARD);
    await w.expectInvariants();
  });

  it('pays the inviter once per invitee, named by the invitee', async () => {
    await w.so('AcceptInvite', b.caller, { invitee: b.eid, inviter: a.eid });
    expect(await w.balance(a.eid, 'DECC')).to.equal(INVITE_REWARD);
    expect((await w.soFails('AcceptInvite', b.caller, { invitee: b.eid, inviter: a.eid })).message).to.match(/request\.invitee: has already accepted/);
    expect((await w.soFails('AcceptInvite', a.caller, { invitee: b.eid, inviter: a.eid })).message).to.match(/not bound/);
    expect((await w.soFails('AcceptInvite', a.caller, { invitee: a.eid, inviter: a.eid })).message).to.match(/request\.inviter: must not be the invitee/);
  });

  it('tips move DECC between users; not beyond the balance', async () => {
    await w.call('token', 'MintDecc', a.caller, { account: a.eid, decAmount: dec(1) });
    await w.so('Tip', a.caller, { from: a.eid, to: b.eid, amount: '42', contentHash: h('b-thing') });
    expect(await w.balance(b.eid, 'DECC')).to.equal(42n);
    expect(await w.balance(a.eid, 'DECC')).to.equal(100n * 100n - 42n);
    await w.soFails('Tip', a.caller, { from: a.eid, to: b.eid, amount: '100000' });
    expect((await w.soFails('Tip', a.caller, { from: a.eid, to: a.eid, amount: '1' })).message).to.match(/request\.to/);
    await w.expectInvariants();
  });

  it('stakes: a lost stake feeds the pool; an upheld one returns with 2× from the pool (at most the pool), by the platform alone', async () => {
    w = new SocialWorld(); // no committee seated (posting a rate seats one)
    await w.genesis();
    a = await person('alice');
    b = await person('bob');
    const lost = await w.so<Stake>('Stake', a.caller, { staker: a.eid, kind: 'report', target: h('spam'), evidenceHash: h('ev'), amount: dec(3) });
    expect(await w.balance(a.eid, 'DEC')).to.equal(BigInt(dec(97)));
    expect((await w.soFails('ResolveStake', a.caller, { stakeId: lost.id, upheld: true })).message).to.match(/platform operator|not allowed|denied/i);
    await w.so('ResolveStake', operator, { stakeId: lost.id, upheld: false });
    expect((await w.so<{ amount: string }>('StakePool', operator)).amount).to.equal(dec(3));
    expect((await w.soFails('ResolveStake', operator, { stakeId: lost.id, upheld: true })).message).to.match(/already rejected/);
    const good = await w.so<Stake>('Stake', b.caller, { staker: b.eid, kind: 'recommend', target: h('a-post'), evidenceHash: h('ev2'), amount: dec(1) });
    const upheld = await w.so<Stake>('ResolveStake', operator, { stakeId: good.id, upheld: true });
    expect(upheld).to.include({ status: 'upheld', reward: dec(2) });
    expect(await w.balance(b.eid, 'DEC')).to.equal(BigInt(dec(102)));
    const big = await w.so<Stake>('Stake', b.caller, { staker: b.eid, kind: 'recommend', target: h('a-post'), evidenceHash: h('ev3'), amount: dec(5) });
    expect((await w.so<Stake>('ResolveStake', operator, { stakeId: big.id, upheld: true })).reward).to.equal(dec(1));
    expect((await w.so<{ amount: string }>('StakePool', operator)).amount).to.equal('0');
    await w.expectInvariants();
  });

  it('once a committee is seated, a stake is resolved only by its passed decision, once', async () => {
    const s = await w.so<Stake>('Stake', a.caller, { staker: a.eid, kind: 'report', target: h('spam'), evidenceHash: h('ev'), amount: dec(2) });
    await w.committee();
    expect((await w.soFails('ResolveStake', operator, { stakeId: s.id, upheld: true })).message).to.match(/request\.decisionId: is required/);
    const decisionId = await w.decide({ kind: 'ResolveStake', stakeId: s.id, upheld: false });
    expect((await w.soFails('ResolveStake', operator, { stakeId: s.id, upheld: true, decisionId })).message).to.match(/request\.upheld: does not match the decision/);
    const done = await w.so<Stake>('ResolveStake', operator, { stakeId: s.id, upheld: false, decisionId });
    expect(done).to.include({ status: 'rejected', decisionId });
    await w.expectInvariants();
  });
});
