import { expect } from 'chai';
import { committeeCallers as cc, dec, EnergyWorld, operator, user } from '../test-support/energy-world';
import type { Decision } from './state';

const alice = user('alice');
const HOUR = 3_600_000;

describe('governance: committee decisions and powers that follow them', () => {
  let w: EnergyWorld;
  let A: string;
  let gov: { sg: string; b: string; c: string };

  beforeEach(async () => {
    w = new EnergyWorld();
    A = await w.onboard(alice);
    await w.genesis();
    gov = await w.committee();
  });

  async function refused(contract: 'token' | 'governance', tx: string, caller: Parameters<EnergyWorld['tx']>[2], input: unknown, message: RegExp): Promise<void> {
    const before = w.stateFingerprint();
    expect((await w.fails(contract, tx, caller, input)).message).to.match(message);
    expect(w.stateFingerprint(), `${tx} wrote state`).to.equal(before);
  }

  const propose = async (effect: unknown, votingHours?: number): Promise<string> =>
    (await w.call<Decision>('governance', 'ProposeDecision', cc.sg, { proposer: gov.sg, title: 't', effect, ...(votingHours ? { votingHours } : {}) })).decisionId;
  const vote = (caller: typeof cc.sg, member: string, decisionId: string, approve = true): Promise<Decision> =>
    w.call<Decision>('governance', 'VoteDecision', caller, { decisionId, member, approve });

  describe('the bootstrap committee', () => {
    it('is seated once, by the platform operator only', async () => {
      expect((await w.call<{ committee: { members: string[]; secretaryGeneral: string } }>('governance', 'GetCommittee', alice)).committee).to.include({ secretaryGeneral: gov.sg });
      await refused('governance', 'BootstrapCommittee', operator, { members: [gov.sg, gov.b, A], secretaryGeneral: A }, /^CONFLICT: the committee is already seated/);
      await refused('governance', 'BootstrapCommittee', alice, { members: [gov.sg, gov.b, A], secretaryGeneral: A }, /^ACCESS_DENIED/);
    });

    it('refuses bad input naming the field: too few, duplicates, a secretary general outside, an inactive member', async () => {
      const fresh = new EnergyWorld();
      const e = [await fresh.onboard(user('m1')), await fresh.onboard(user('m2')), await fresh.onboard(user('m3'))];
      const pending = (await fresh.call<{ eid: string }>('identity', 'Register', user('m4'), { kycHash: 'a'.repeat(64), roles: ['funder'] })).eid;
      const cases: [unknown, RegExp][] = [
        [{ members: e.slice(0, 2), secretaryGeneral: e[0] }, /^VALIDATION: request\.members: must list at least 3/],
        [{ members: [e[0], e[0], e[1]], secretaryGeneral: e[0] }, /^VALIDATION: request\.members: must not list a member twice/],
        [{ members: e, secretaryGeneral: pending }, /^VALIDATION: request\.secretaryGeneral: must be one of the members/],
        [{ members: [e[0], e[1], pending], secretaryGeneral: e[0] }, /^ACCESS_DENIED: request\.members\[2\] .* is pending/],
      ];
      for (const [input, message] of cases) {
        const before = fresh.stateFingerprint();
        expect((await fresh.fails('governance', 'BootstrapCommittee', operator, input)).message).to.match(message);
        expect(fresh.stateFingerprint()).to.equal(before);
      }
    });
  });

  describe('proposals and votes', () => {
    it('only a core member, as the holder of its eID, proposes and votes', async () => {
      await refused('governance', 'ProposeDecision', alice, { proposer: A, title: 't', effect: { kind: 'PostRate', deccPerDec: '2' } }, /^ACCESS_DENIED: request\.proposer .* is not a core member/);
      await refused('governance', 'ProposeDecision', alice, { proposer: gov.sg, title: 't', effect: { kind: 'PostRate', deccPerDec: '2' } }, /^ACCESS_DENIED: caller is not bound/);
      const id = await propose({ kind: 'PostRate', deccPerDec: '2' });
      await refused('governance', 'VoteDecision', alice, { decisionId: id, member: A, approve: true }, /^ACCESS_DENIED: request\.member .* is not a core member/);
      await refused('governance', 'VoteDecision', cc.b, { decisionId: id, member: gov.sg, approve: true }, /^ACCESS_DENIED: caller is not bound/);
    });

    it('the secretary general alone (2 of 4) does not pass; with one more member (3 of 4) it passes', async () => {
      const id = await propose({ kind: 'PostRate', deccPerDec: '2' });
      expect(await vote(cc.sg, gov.sg, id)).to.include({ status: 'open', yes: 2, totalWeight: 4 });
      expect(await vote(cc.c, gov.c, id)).to.include({ status: 'passed', yes: 3 });
      await refused('governance', 'VoteDecision', cc.b, { decisionId: id, member: gov.b, approve: false }, /^CONFLICT: decision .* is passed; votes are closed/);
    });

    it('a tie (two members for, the secretary general against) is rejected and cannot be applied', async () => {
      const id = await propose({ kind: 'PostRate', deccPerDec: '2' });
      await vote(cc.b, gov.b, id);
      await vote(cc.c, gov.c, id);
      expect(await vote(cc.sg, gov.sg, id, false)).to.include({ status: 'rejected', yes: 2, no: 2 });
      await refused('token', 'PostRate', operator, { deccPerDec: '2', decisionId: id }, /^RULE_VIOLATION: decision-passed: .* is rejected, not passed/);
    });

    it('refuses a second vote of the same member and a vote after the window closed', async () => {
      const id = await propose({ kind: 'PostRate', deccPerDec: '2' }, 1);
      await vote(cc.b, gov.b, id);
      await refused('governance', 'VoteDecision', cc.b, { decisionId: id, member: gov.b, approve: true }, /^CONFLICT: request\.member .* has already voted/);
      w.h.advance(HOUR);
      await refused('governance', 'VoteDecision', cc.sg, { decisionId: id, member: gov.sg, approve: true }, /^RULE_VIOLATION: voting-window/);
    });
  });

  describe('powers follow decisions: the operator alone is refused', () => {
    it('PostRate needs a passed decision with that very rate, applied once', async () => {
      await refused('token', 'PostRate', operator, { deccPerDec: '2' }, /^VALIDATION: request\.decisionId/);
      const open = await propose({ kind: 'PostRate', deccPerDec: '2' });
      await refused('token', 'PostRate', operator, { deccPerDec: '2', decisionId: open }, /is open, not passed/);
      const id = await w.decide({ kind: 'PostRate', deccPerDec: '2' });
      await refused('token', 'PostRate', operator, { deccPerDec: '3', decisionId: id }, /^VALIDATION: request\.deccPerDec: does not match the decision/);
      await w.call('token', 'PostRate', operator, { deccPerDec: '2.0', decisionId: id });
      expect(await w.call('token', 'GetRate', alice)).to.include({ deccPerDec: '2' });
      expect(await w.call('governance', 'GetDecision', alice, { decisionId: id })).to.include({ status: 'applied' });
      await refused('token', 'PostRate', operator, { deccPerDec: '2', decisionId: id }, /^CONFLICT: decision .* has already been applied/);
    });

    it('SetFees needs a decision with the same fees; a decision of another kind does not do', async () => {
      const rate = await w.decide({ kind: 'PostRate', deccPerDec: '2' });
      await refused('token', 'SetFees', operator, { DEC: { bps: 10, min: '0' }, decisionId: rate }, /^VALIDATION: request\.decisionId: .* decides PostRate, not SetFees/);
      const id = await w.decide({ kind: 'SetFees', DEC: { bps: 10, min: '0' } });
      await refused('token', 'SetFees', operator, { DEC: { bps: 10, min: '0' }, DECC: { bps: 1, min: '0' }, decisionId: id }, /^VALIDATION: request\.DECC: does not match/);
      await w.call('token', 'SetFees', operator, { DEC: { bps: 10, min: '0' }, decisionId: id });
      expect(await w.call('token', 'GetFees', alice)).to.nested.include({ 'DEC.bps': 10 });
    });

    it('a slash above 10,000 DEC (one base unit more) needs a decision naming account, beneficiary and amount; smaller ones do not', async () => {
      await w.fundDec(A, 20_000);
      await w.call('token', 'LockDeposit', alice, { account: A, amount: dec(20_000) });
      await w.call('token', 'SlashDeposit', operator, { account: A, to: 'sys:fees', amount: dec(10_000), reason: 'small' });
      await refused('token', 'SlashDeposit', operator, { account: A, to: 'sys:fees', amount: (BigInt(dec(10_000)) + 1n).toString(), reason: 'big' }, /^VALIDATION: request\.decisionId: is required/);
      const id = await w.decide({ kind: 'SlashDeposit', account: A, to: 'sys:fees', amount: dec(5_000) });
      await refused('token', 'SlashDeposit', operator, { account: A, to: 'sys:fees', amount: dec(4_000), reason: 'big', decisionId: id }, /^VALIDATION: request\.amount: does not match/);
      await w.call('token', 'SlashDeposit', operator, { account: A, to: 'sys:fees', amount: dec(5_000), reason: 'decided', decisionId: id });
      await refused('token', 'SlashDeposit', operator, { account: A, to: 'sys:fees', amount: dec(5_000), reason: 'again', decisionId: id }, /already been applied/);
    });

    it('the ecology pool pays only within the plan of the year, never beyond it; the others pool follows the spending approvals (spending.test.ts)', async () => {
      const batch = (batchId: string, amount: string, decisionId?: string) => ({ pool: 'ecology', batchId, payouts: [{ to: A, amount }], ...(decisionId ? { decisionId } : {}) });
      await refused('token', 'ReleaseBatch', operator, batch('e0', '1'), /^VALIDATION: request\.decisionId: is required/);
      const old = await w.decide({ kind: 'EcologyPlan', year: 2025, amount: '100' });
      await refused('token', 'ReleaseBatch', operator, batch('e1', '1', old), /^RULE_VIOLATION: ecology-plan-year/);
      const plan = await w.decide({ kind: 'EcologyPlan', year: 2026, amount: '100' });
      await w.call('token', 'ReleaseBatch', operator, batch('e2', '60', plan));
      await refused('token', 'ReleaseBatch', operator, batch('e3', '41', plan), /^RULE_VIOLATION: ecology-plan-amount: release beyond the approved plan: 101 of 100/);
      await w.call('token', 'ReleaseBatch', operator, batch('e4', '40', plan));
      expect(await w.call('governance', 'GetDecision', alice, { decisionId: plan })).to.include({ status: 'applied', released: '100' });
      const next = await w.decide({ kind: 'EcologyPlan', year: 2027, amount: '1' });
      await refused('token', 'ReleaseBatch', operator, { pool: 'others', batchId: 'o1', payouts: [{ to: A, amount: '1' }], decisionId: next }, /^VALIDATION: request\.decisionId: decision .* decides EcologyPlan, not Spend/);
      await w.expectInvariants();
    });
  });
});
