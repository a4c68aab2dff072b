import { expect } from 'chai';
import { committeeCallers as cc, dec, EnergyWorld, operator, user } from '../test-support/energy-world';
import type { Proposal, ProposalBallot, Round } from './proposal-state';
import { approvedByMargin } from './rules';

const SECOND = 1000;
const HASH = 'a'.repeat(64);

describe('governance: community proposals (8.3.4, 8.4)', () => {
  describe('the 10 % margin (of the dissenting votes)', () => {
    it('approves only when for > against × 1.1, exactly', () => {
      expect(approvedByMargin(110n, 100n)).to.equal(false); // exactly 10 % more: not MORE than 10 %
      expect(approvedByMargin(111n, 100n)).to.equal(true);
      expect(approvedByMargin(1_100_000_000_000_000_001n, 1_000_000_000_000_000_000n)).to.equal(true); // one base unit over
      expect(approvedByMargin(1_100_000_000_000_000_000n, 1_000_000_000_000_000_000n)).to.equal(false);
      expect(approvedByMargin(1n, 0n)).to.equal(true);
      expect(approvedByMargin(0n, 0n)).to.equal(false);
      expect(approvedByMargin(100n, 100n)).to.equal(false);
    });
  });

  describe('rounds on the ledger', () => {
    let w: EnergyWorld;
    let gov: { sg: string; b: string; c: string };
    const people = [user('p0'), user('p1'), user('p2'), user('p3'), user('p4')];
    let P: string[];

    beforeEach(async () => {
      w = new EnergyWorld();
      await w.genesis();
      gov = await w.committee();
      await w.postRate('1');
      await w.call('token', 'FundRewardPool', operator, { from: 'sys:others', decAmount: dec(1000) });
      P = [];
      for (const p of people) {
        const eid = await w.onboard(p);
        await w.fundDec(eid, 1000);
        P.push(eid);
      }
    });

    async function refused(tx: string, caller: Parameters<EnergyWorld['tx']>[2], input: unknown, message: RegExp): Promise<void> {
      const before = w.stateFingerprint();
      expect((await w.fails('governance', tx, caller, input)).message).to.match(message);
      expect(w.stateFingerprint(), `${tx} wrote state`).to.equal(before);
    }

    const openRound = (reward = '10000') => w.call<Round>('governance', 'OpenRound', cc.sg, { opener: gov.sg, voteType: 'ecosystem', title: 'how to spend 2027', votingSeconds: 60, reward });
    const submit = (i: number, roundId: string) => w.call<Proposal>('governance', 'SubmitProposal', people[i]!, { roundId, proposer: P[i], title: `proposal ${i.toString()}`, documentHash: HASH });
    const vote = (i: number, proposalId: string, support: boolean, whole: number) =>
      w.call<ProposalBallot>('governance', 'VoteProposal', people[i]!, { proposalId, voter: P[i], support, amount: dec(whole) });
    async function tallyAll(roundId: string): Promise<Round> {
      for (;;) {
        const r = await w.call<Round>('governance', 'TallyRound', user('anyone'), { roundId, pageSize: 2 });
        if (r.status === 'decided') return r;
      }
    }

    it('only a core member opens a round; the four vote types are stated', async () => {
      await refused('OpenRound', people[0]!, { opener: P[0], voteType: 'ecosystem', title: 't' }, /^ACCESS_DENIED: request\.opener .* is not a core member/);
      await refused('OpenRound', cc.sg, { opener: gov.sg, voteType: 'election', title: 't' }, /^VALIDATION: request\.voteType/);
      await refused('OpenRound', cc.sg, { opener: gov.sg, voteType: 'ecosystem', title: 't', reward: '100001' }, /^VALIDATION: request\.reward: must be an integer string of at most 100000/);
      for (const voteType of ['ecosystem', 'crowdfunding', 'other-business']) expect((await w.call<Round>('governance', 'OpenRound', cc.sg, { opener: gov.sg, voteType, title: 't' })).voteType).to.equal(voteType);
    });

    it('the approved proposal with the most affirmative votes wins and its proposer is paid from the reward pool; one failing the margin does not', async () => {
      const r = await openRound();
      const a = await submit(0, r.roundId); // 300 for, 100 against: approved
      const b = await submit(1, r.roundId); // 440 for, 400 against: 10 % exactly... 440 = 400 × 1.1: not approved, though it has the most for
      const c = await submit(2, r.roundId); // 200 for: approved, fewer than a
      await vote(0, a.proposalId, true, 300);
      await vote(1, a.proposalId, false, 100);
      await vote(2, b.proposalId, true, 440);
      await vote(3, b.proposalId, false, 400);
      await vote(4, c.proposalId, true, 200);
      await refused('TallyRound', user('anyone'), { roundId: r.roundId }, /^RULE_VIOLATION: voting-window: .* is open until/);
      w.h.advance(60 * SECOND);
      const before = await w.balance(P[0]!, 'DECC');
      const done = await tallyAll(r.roundId);
      expect(done).to.include({ status: 'decided', winner: a.proposalId, rewardPaidTo: P[0] });
      expect((await w.balance(P[0]!, 'DECC')) - before).to.equal(10000n);
      const results = await w.call<{ items: Proposal[] }>('governance', 'ListProposals', user('anyone'), { roundId: r.roundId });
      const byId = new Map(results.items.map((p) => [p.proposalId, p.result]));
      expect(byId.get(a.proposalId)).to.deep.equal({ for: dec(300), against: dec(100), approved: true });
      expect(byId.get(b.proposalId)).to.deep.equal({ for: dec(440), against: dec(400), approved: false });
      expect(byId.get(c.proposalId)).to.deep.equal({ for: dec(200), against: '0', approved: true });
      await refused('TallyRound', user('anyone'), { roundId: r.roundId }, /^CONFLICT: round .* is already decided/);
      await w.expectInvariants();
    });

    it('no approved proposal: no winner, no reward', async () => {
      const r = await openRound();
      const a = await submit(0, r.roundId);
      await vote(0, a.proposalId, true, 110);
      await vote(1, a.proposalId, false, 100);
      w.h.advance(60 * SECOND);
      const done = await tallyAll(r.roundId);
      expect(done.winner).to.equal(undefined);
      expect(done.rewardPaidTo).to.equal(undefined);
    });

    it('refuses voting twice, outside the window, for someone else; locks DEC until the close and unlocks after', async () => {
      const r = await openRound();
      const a = await submit(0, r.roundId);
      const ballot = await vote(1, a.proposalId, true, 600);
      await refused('VoteProposal', people[1]!, { proposalId: a.proposalId, voter: P[1], support: false, amount: dec(1) }, /^CONFLICT: request\.voter .* has already voted/);
      await refused('VoteProposal', people[2]!, { proposalId: a.proposalId, voter: P[1], support: true, amount: dec(1) }, /^ACCESS_DENIED/);
      // the 400 DEC left can be moved; the 600 locked cannot
      expect((await w.fails('token', 'Transfer', people[1]!, { from: P[1], to: P[2], asset: 'DEC', amount: dec(401) })).message).to.match(/insufficient/i);
      await w.call('token', 'Transfer', people[1]!, { from: P[1], to: P[2], asset: 'DEC', amount: dec(400) });
      await vote(2, a.proposalId, true, 1400); // the receiver votes only with what it holds
      w.h.advance(60 * SECOND);
      await refused('VoteProposal', people[3]!, { proposalId: a.proposalId, voter: P[3], support: true, amount: dec(1) }, /^RULE_VIOLATION: voting-window/);
      await refused('SubmitProposal', people[3]!, { roundId: r.roundId, proposer: P[3], title: 'late', documentHash: HASH }, /^RULE_VIOLATION: voting-window/);
      await w.call('token', 'ExpireHold', people[1]!, { holdId: ballot.holdId });
      expect(await w.balance(P[1]!, 'DEC')).to.equal(BigInt(dec(600)));
      await w.expectInvariants();
    });

    it('ties on affirmative votes go to the lower proposal ID', async () => {
      const r = await openRound('0');
      const a = await submit(0, r.roundId);
      const b = await submit(1, r.roundId);
      await vote(0, a.proposalId, true, 50);
      await vote(1, b.proposalId, true, 50);
      w.h.advance(60 * SECOND);
      const done = await tallyAll(r.roundId);
      expect(done.winner).to.equal([a.proposalId, b.proposalId].sort()[0]);
      expect(done.rewardPaidTo).to.equal(undefined); // a round with no reward pays nothing
    });
  });
});
