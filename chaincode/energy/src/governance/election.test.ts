import { expect } from 'chai';
import { committeeCallers as cc, dec, EnergyWorld, operator, user } from '../test-support/energy-world';
import type { Ballot, Election } from './election-state';
import type { Committee } from './state';

const SECOND = 1000;
const DAY = 86_400_000;

describe('governance: elections (8.3.3, 8.4.1)', () => {
  let w: EnergyWorld;
  let gov: { sg: string; b: string; c: string };
  const cand = [user('cand0'), user('cand1'), user('cand2'), user('cand3'), user('cand4')];
  const voters = [user('voter0'), user('voter1'), user('voter2'), user('voter3'), user('voter4'), user('voter5')];
  let C: string[];
  let V: string[];

  beforeEach(async () => {
    w = new EnergyWorld();
    await w.genesis();
    gov = await w.committee();
    C = [];
    for (const c of cand) C.push(await w.onboard(c));
    V = [];
    for (const v of voters) {
      const eid = await w.onboard(v);
      await w.fundDec(eid, 100);
      V.push(eid);
    }
  });

  async function refused(tx: string, caller: Parameters<EnergyWorld['tx']>[2], input: unknown, message: RegExp): Promise<void> {
    const before = w.stateFingerprint();
    expect((await w.fails('governance', tx, caller, input)).message).to.match(message);
    expect(w.stateFingerprint(), `${tx} wrote state`).to.equal(before);
  }

  const rules = { representatives: 4, coreMembers: 3, termDays: 30, votingSeconds: 60 };
  async function open(r: Record<string, number> = rules): Promise<Election> {
    const decisionId = await w.decide({ kind: 'CallElection', rules: r } as never);
    return w.call<Election>('governance', 'OpenElection', user('anyone'), { decisionId });
  }
  const stand = (i: number, electionId: string) => w.call('governance', 'StandForElection', cand[i]!, { electionId, candidate: C[i] });
  const ballot = (i: number, electionId: string, candidate: string, whole: number) =>
    w.call<Ballot>('governance', 'CastBallot', voters[i]!, { electionId, voter: V[i], candidate, amount: dec(whole) });
  async function tallyAll(electionId: string, pageSize = 2): Promise<Election> {
    for (;;) {
      const e = await w.call<Election>('governance', 'TallyElection', user('anyone'), { electionId, pageSize });
      if (e.status !== 'tallying') return e;
    }
  }

  it('opens only by a passed CallElection decision (applied once) or from 60 days before the term ends', async () => {
    await refused('OpenElection', user('anyone'), {}, /^RULE_VIOLATION: election-not-due/);
    const decisionId = await w.decide({ kind: 'CallElection', rules } as never);
    const e = await w.call<Election>('governance', 'OpenElection', user('anyone'), { decisionId });
    expect(e).to.include({ term: 2, status: 'open' });
    expect(e.rules).to.deep.equal(rules);
    await refused('OpenElection', user('anyone'), { decisionId }, /^CONFLICT: decision .* has already been applied/);
    // the seated core members stand automatically
    const candidates = await w.call<{ items: { eid: string; via: string }[] }>('governance', 'ListCandidates', user('anyone'), { electionId: e.electionId });
    expect(candidates.items.map((c) => c.via)).to.deep.equal(['incumbent', 'incumbent', 'incumbent']);
  });

  it('without a decision: refused until 60 days before the end of a two-year term, then opens with the paper\'s numbers', async () => {
    w.h.advance(669 * DAY);
    await refused('OpenElection', user('anyone'), {}, /^RULE_VIOLATION: election-not-due/);
    w.h.advance(2 * DAY);
    const e = await w.call<Election>('governance', 'OpenElection', user('anyone'), {});
    expect(e.rules).to.deep.equal({ representatives: 101, coreMembers: 9, termDays: 730, votingSeconds: 14 * 86_400 });
    await refused('OpenElection', user('anyone'), {}, /^CONFLICT: election .* is already under way/);
  });

  it('elects the top N representatives and top M core members, ties broken by the lower eID; the result replaces the bootstrap committee', async () => {
    const e = await open();
    for (let i = 0; i < 5; i++) await stand(i, e.electionId);
    // votes: C0 50, C1 30+20=50 (tie with C0), C2 40, C3 10, C4 5, gov.b (incumbent) 0
    await ballot(0, e.electionId, C[0]!, 50);
    await ballot(1, e.electionId, C[1]!, 30);
    await ballot(2, e.electionId, C[1]!, 20);
    await ballot(3, e.electionId, C[2]!, 40);
    await ballot(4, e.electionId, C[3]!, 10);
    await ballot(5, e.electionId, C[4]!, 5);
    await refused('TallyElection', user('anyone'), { electionId: e.electionId }, /^RULE_VIOLATION: voting-window: .* is open until/);
    w.h.advance(60 * SECOND);
    const done = await tallyAll(e.electionId, 2);
    expect(done.status).to.equal('seated');
    expect(done.tally.pages).to.equal(4); // 6 ballots in pages of 2, then the empty page that finishes
    const tied = [C[0]!, C[1]!].sort();
    expect(done.result?.representatives.map((s) => s.eid)).to.deep.equal([...tied, C[2], C[3]]);
    expect(done.result?.coreMembers).to.deep.equal([...tied, C[2]]);
    expect(done.result?.secretaryGeneral).to.equal(tied[0]);
    const { committee } = await w.call<{ committee: Committee }>('governance', 'GetCommittee', user('anyone'));
    expect(committee).to.include({ term: 2, source: 'election', secretaryGeneral: tied[0], sgConsecutiveTerms: 1 });
    expect(committee.members).to.deep.equal([...tied, C[2]]);
    // recompute from the ballots
    const ballots = await w.call<{ items: Ballot[] }>('governance', 'ListBallots', user('anyone'), { electionId: e.electionId, pageSize: 100 });
    const sums = new Map<string, bigint>();
    for (const b of ballots.items) sums.set(b.candidate, (sums.get(b.candidate) ?? 0n) + BigInt(b.weight));
    for (const s of done.result?.representatives ?? []) expect(sums.get(s.eid)).to.equal(BigInt(s.votes));
    // the old committee can no longer decide; the elected one can
    await refused('ProposeDecision', cc.sg, { proposer: gov.sg, title: 't', effect: { kind: 'PostRate', deccPerDec: '2' } }, /^ACCESS_DENIED: request\.proposer .* is not a core member/);
    await refused('TallyElection', user('anyone'), { electionId: e.electionId }, /^CONFLICT: election .* is already seated/);
    await w.expectInvariants();
  });

  it('refuses ballots outside the window, twice, for a non-candidate, and by someone else; unlocks after the close', async () => {
    const e = await open();
    await stand(0, e.electionId);
    await refused('CastBallot', voters[0]!, { electionId: e.electionId, voter: V[0], candidate: C[1], amount: dec(1) }, /^RULE_VIOLATION: not-a-candidate/);
    await refused('CastBallot', voters[1]!, { electionId: e.electionId, voter: V[0], candidate: C[0], amount: dec(1) }, /^ACCESS_DENIED/);
    const b = await ballot(0, e.electionId, C[0]!, 60);
    await refused('CastBallot', voters[0]!, { electionId: e.electionId, voter: V[0], candidate: C[0], amount: dec(1) }, /^CONFLICT: request\.voter .* has already voted/);
    // the locked DEC cannot be moved to vote again through a transfer
    expect(await w.balance(V[0]!, 'DEC')).to.equal(BigInt(dec(40)));
    expect((await w.fails('token', 'Transfer', voters[0]!, { from: V[0], to: V[1], asset: 'DEC', amount: dec(41) })).message).to.match(/INSUFFICIENT|insufficient|balance/i);
    expect((await w.fails('token', 'ReleaseHold', voters[0]!, { holdId: b.holdId })).message).to.match(/^ACCESS_DENIED: .* locked by a governance vote/);
    expect((await w.fails('token', 'ExpireHold', voters[0]!, { holdId: b.holdId })).message).to.match(/^CONFLICT: hold .* does not expire until/);
    await w.call('token', 'Transfer', voters[0]!, { from: V[0], to: V[1], asset: 'DEC', amount: dec(40) });
    await ballot(1, e.electionId, C[0]!, 140); // weights follow the DEC actually held and locked
    w.h.advance(60 * SECOND);
    await refused('CastBallot', voters[2]!, { electionId: e.electionId, voter: V[2], candidate: C[0], amount: dec(1) }, /^RULE_VIOLATION: voting-window/);
    await refused('StandForElection', cand[1]!, { electionId: e.electionId, candidate: C[1] }, /^RULE_VIOLATION: voting-window/);
    await w.call('token', 'ExpireHold', voters[0]!, { holdId: b.holdId });
    expect(await w.balance(V[0]!, 'DEC')).to.equal(BigInt(dec(60)));
    await w.expectInvariants();
  });

  it('refuses a candidate holding more than 20 % of all DEC (at the boundary exactly 20 % may stand)', async () => {
    const e = await open();
    const plan = await w.decide({ kind: 'EcologyPlan', year: 2026, amount: dec(127_600_001) });
    const release = (batchId: string, to: string, whole: number) => w.call('token', 'ReleaseBatch', operator, { pool: 'ecology', batchId, payouts: [{ to, amount: dec(whole) }], decisionId: plan });
    await release('cap0', C[0]!, 63_800_000);
    await stand(0, e.electionId);
    await release('cap1', C[1]!, 63_800_001);
    await refused('StandForElection', cand[1]!, { electionId: e.electionId, candidate: C[1] }, /^RULE_VIOLATION: candidate-cap: request\.candidate .* more than 20 %/);
    await refused('StandForElection', cand[0]!, { electionId: e.electionId, candidate: C[0] }, /^CONFLICT: .* already stands/);
  });

  it('fails (the committee stays) when fewer than M candidates received votes', async () => {
    const e = await open();
    await stand(0, e.electionId);
    await ballot(0, e.electionId, C[0]!, 10);
    await ballot(1, e.electionId, gov.b, 10);
    w.h.advance(60 * SECOND);
    const done = await tallyAll(e.electionId);
    expect(done.status).to.equal('failed');
    expect(done.result?.reason).to.match(/2 candidates received votes; 3 core members are needed/);
    const { committee } = await w.call<{ committee: Committee }>('governance', 'GetCommittee', user('anyone'));
    expect(committee).to.include({ term: 1, source: 'bootstrap' });
    expect(committee.openElection).to.equal(undefined);
  });

  it('the secretary general serves at most two consecutive terms', async () => {
    async function electWith(top: string[]): Promise<Election> {
      const e = await open();
      for (let i = 0; i < 5; i++) if (top.includes(C[i]!)) await stand(i, e.electionId).catch(() => undefined);
      for (const [k, eid] of top.entries()) await ballot(k, e.electionId, eid, 30 - k);
      w.h.advance(60 * SECOND);
      return tallyAll(e.electionId);
    }
    // term 2 and 3 elect C0 first: secretary general twice; term 4 passes it to the next-ranked core member
    const top = [C[0]!, C[1]!, C[2]!];
    const t2 = await electWith(top);
    expect(t2.result?.secretaryGeneral).to.equal(C[0]);
    // the elected committee calls the next election: C0 (two votes) and C1
    const decide = async (): Promise<string> => {
      const d = await w.call<{ decisionId: string }>('governance', 'ProposeDecision', cand[0]!, { proposer: C[0], title: 'next', effect: { kind: 'CallElection', rules } });
      await w.call('governance', 'VoteDecision', cand[0]!, { decisionId: d.decisionId, member: C[0], approve: true });
      await w.call('governance', 'VoteDecision', cand[1]!, { decisionId: d.decisionId, member: C[1], approve: true });
      return d.decisionId;
    };
    const next = async (): Promise<Election> => {
      const e = await w.call<Election>('governance', 'OpenElection', user('anyone'), { decisionId: await decide() });
      for (let k = 0; k < 3; k++) await w.call('token', 'ExpireHold', operator, { holdId: (await w.call<{ items: Ballot[] }>('governance', 'ListBallots', user('anyone'), { electionId: t2.electionId })).items[k]!.holdId }).catch(() => undefined);
      for (const [k, eid] of top.entries()) await w.call('governance', 'CastBallot', voters[k + 3]!, { electionId: e.electionId, voter: V[k + 3], candidate: eid, amount: dec(30 - k) }).catch(async () => {
        await w.call('governance', 'CastBallot', voters[k]!, { electionId: e.electionId, voter: V[k], candidate: eid, amount: dec(1) });
      });
      w.h.advance(60 * SECOND);
      return tallyAll(e.electionId);
    };
    const t3 = await next();
    expect(t3.result?.secretaryGeneral).to.equal(C[0]);
    expect((await w.call<{ committee: Committee }>('governance', 'GetCommittee', user('anyone'))).committee.sgConsecutiveTerms).to.equal(2);
    const t4 = await next();
    expect(t4.result?.coreMembers[0]).to.equal(C[0]);
    expect(t4.result?.secretaryGeneral).to.equal(t4.result?.coreMembers[1]);
  });
});
