/**
 * The two limits of 8.3.3 at their boundaries: the 20 % cap applied again at
 * the tally (a candidate whose holdings grew past it after standing is skipped
 * and listed; exactly 20 % is ranked; DEC the candidate locked in its own
 * ballot still counts), and the secretary general's two consecutive terms.
 */
import { expect } from 'chai';
import { envAt } from '../test-support/env';
import { dec, EnergyWorld, operator, user } from '../test-support/energy-world';
import { chooseSecretaryGeneral, finish } from './election-logic';
import { electionSchema, type Election } from './election-state';
import type { Committee } from './state';

const SECOND = 1000;
const eid = (n: number): string => `eid:p:${n.toString(16).padStart(32, '0')}`;

describe('governance: the 20 % cap at the tally (8.3.3)', () => {
  let w: EnergyWorld;
  const cand = [user('capc0'), user('capc1'), user('capc2'), user('capc3')];
  const voters = [user('capv0'), user('capv1'), user('capv2'), user('capv3')];
  let C: string[];
  let V: string[];
  let plan: string;

  beforeEach(async () => {
    w = new EnergyWorld();
    await w.genesis();
    await w.committee();
    C = [];
    for (const c of cand) C.push(await w.onboard(c));
    V = [];
    for (const v of voters) {
      const e = await w.onboard(v);
      await w.fundDec(e, 100);
      V.push(e);
    }
    plan = await w.decide({ kind: 'EcologyPlan', year: 2026, amount: dec(200_000_000) });
  });

  const release = (batchId: string, to: string, whole: number) => w.call('token', 'ReleaseBatch', operator, { pool: 'ecology', batchId, payouts: [{ to, amount: dec(whole) }], decisionId: plan });

  async function elect(votes: number[], between: (electionId: string) => Promise<void>): Promise<Election> {
    const decisionId = await w.decide({ kind: 'CallElection', rules: { representatives: 4, coreMembers: 3, termDays: 30, votingSeconds: 60 } } as never);
    const e = await w.call<Election>('governance', 'OpenElection', user('anyone'), { decisionId });
    for (let i = 0; i < 4; i++) await w.call('governance', 'StandForElection', cand[i]!, { electionId: e.electionId, candidate: C[i] });
    for (const [i, v] of votes.entries()) await w.call('governance', 'CastBallot', voters[i]!, { electionId: e.electionId, voter: V[i], candidate: C[i], amount: dec(v) });
    await between(e.electionId);
    w.h.advance(60 * SECOND);
    for (;;) {
      const done = await w.call<Election>('governance', 'TallyElection', user('anyone'), { electionId: e.electionId, pageSize: 1 });
      if (done.status !== 'tallying') return done;
    }
  }

  it('skips a candidate that grew above 20 % after standing; exactly 20 % is ranked', async () => {
    const done = await elect([50, 40, 30, 20], async () => {
      await release('grow0', C[0]!, 63_800_001);
      await release('grow1', C[1]!, 63_800_000);
    });
    expect(done.status).to.equal('seated');
    expect(done.result?.representatives.map((s) => s.eid)).to.deep.equal([C[1], C[2], C[3]]);
    expect(done.result?.coreMembers).to.deep.equal([C[1], C[2], C[3]]);
    expect(done.result?.secretaryGeneral).to.equal(C[1]);
    expect(done.result?.skipped).to.deep.equal([{ eid: C[0], votes: dec(50), held: dec(63_800_001) }]);
    expect(done.tally.weight).to.equal(dec(140)); // the skipped candidate's ballots are still counted in the total
    await w.expectInvariants();
  });

  it('counts DEC the candidate locked in its own ballot (voting cannot hide holdings)', async () => {
    const done = await elect([50, 40, 30, 20], async (electionId) => {
      await release('grow2', C[2]!, 63_800_001);
      await w.call('governance', 'CastBallot', cand[2]!, { electionId, voter: C[2], candidate: C[3], amount: dec(2) });
    });
    expect(await w.balance(C[2]!, 'DEC')).to.equal(BigInt(dec(63_799_999))); // under the cap in its balance alone
    expect(done.result?.skipped).to.deep.equal([{ eid: C[2], votes: dec(30), held: dec(63_800_001) }]);
    expect(done.result?.representatives.map((s) => s.eid)).to.deep.equal([C[0], C[1], C[3]]);
  });
});

describe('governance: the secretary general serves at most two consecutive terms (8.3.3)', () => {
  const previous = (sg: string, served: number | undefined): Committee => ({ term: 1, source: 'bootstrap', members: [eid(0), eid(1), eid(2)], secretaryGeneral: sg, since: '2026-01-01T00:00:00.000Z', txId: 't', sgConsecutiveTerms: served });

  it('a first-term secretary general may be chosen again; after two consecutive terms the next-ranked core member is', () => {
    expect(chooseSecretaryGeneral([eid(0), eid(1), eid(2)], previous(eid(0), 1))).to.equal(eid(0));
    expect(chooseSecretaryGeneral([eid(0), eid(1), eid(2)], previous(eid(0), undefined))).to.equal(eid(0));
    expect(chooseSecretaryGeneral([eid(0), eid(1), eid(2)], previous(eid(0), 2))).to.equal(eid(1));
    // the barred one ranked lower changes nothing
    expect(chooseSecretaryGeneral([eid(1), eid(0), eid(2)], previous(eid(0), 2))).to.equal(eid(1));
  });

  function seat(core: string[], prev: Committee, txId: string): Committee {
    const e = electionSchema.parse({
      electionId: `election:${'0'.repeat(32)}`, term: prev.term + 1, calledBy: 'term-end', rules: { representatives: 3, coreMembers: 3, termDays: 30, votingSeconds: 60 },
      opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2026-01-01T00:01:00.000Z', resultsDueBy: '2026-01-03T00:01:00.000Z', status: 'tallying',
      tally: { ballots: 3, weight: '6', leaders: core.map((x, i) => ({ eid: x, votes: (3 - i).toString() })), pages: 1 },
    });
    return finish(e, prev, envAt('2026-01-01T00:02:00.000Z', txId)).committee;
  }

  it('counts consecutive terms: 1 → 2 → barred → the count restarts for the next one and after a break', () => {
    const t1 = previous(eid(0), 1);
    const t2 = seat([eid(0), eid(1), eid(2)], t1, 'a');
    expect(t2).to.include({ secretaryGeneral: eid(0), sgConsecutiveTerms: 2 });
    expect(seat([eid(0), eid(1), eid(2)], { ...t1, financeDirector: eid(7) }, 'f').financeDirector).to.equal(eid(7)); // the finance director stays
    const t3 = seat([eid(0), eid(1), eid(2)], { ...t2, financeDirector: eid(1) }, 'b');
    expect(t3).to.include({ secretaryGeneral: eid(1), sgConsecutiveTerms: 1 });
    expect(t3.financeDirector).to.equal(undefined); // elected secretary general: no longer the finance director
    // after one term's break eid(0) may serve again, counting from 1
    const t4 = seat([eid(0), eid(1), eid(2)], t3, 'c');
    expect(t4).to.include({ secretaryGeneral: eid(0), sgConsecutiveTerms: 1 });
  });
});
