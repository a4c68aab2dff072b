/**
 * Issue 17, elections and community proposals on the real network, through the
 * REST gateway (the committee members act through their fixture identities):
 * a CallElection decision with small numbers (4 representatives, 3 core
 * members), candidates, DEC-weighted ballots (locked, refused twice), a paged
 * tally that seats the elected committee, which then passes a decision that
 * lets a rate change through; a community round where one proposal passes the
 * 10 % margin and wins (its proposer paid from the reward pool) and one at
 * exactly 10 % fails.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ActorPool, committee, enrollOperator, ensureGenesis, passDecision, type Actor, type CommitteeMember } from '../index';
import { startApiWorld, type ApiWorld } from '../api/api-world';
import type { ApiClient, Reply } from '../fixtures/api-client';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const DEC = (whole: number): string => (BigInt(whole) * 10n ** 18n).toString();
const GOV = '/api/v1/energy/governance';

async function retrying(call: () => Promise<Reply>, what: string): Promise<Record<string, unknown>> {
  let last: Reply | undefined;
  for (let i = 0; i < 40; i++) {
    last = await call();
    if (last.status === 200) return last.body as Record<string, unknown>;
    if (![404, 409, 503].includes(last.status)) break;
    await sleep(500);
  }
  throw new Error(`${what}: HTTP ${last?.status} ${JSON.stringify(last?.body)}`);
}
const tx = async <T = Record<string, unknown>>(who: ApiClient, path: string, body: unknown): Promise<T> => (await retrying(() => who.post(path, body), path)).result as T;
/** Waits until the chaincode's clock (the client's proposal time) is past `iso`. */
const until = async (iso: string): Promise<void> => sleep(Math.max(0, Date.parse(iso) - Date.now()) + 1500);

interface Standing { eid: string; votes: string }
interface Election { electionId: string; status: string; closesAt: string; tally: { ballots: number; pages: number }; result?: { representatives: Standing[]; coreMembers: string[]; secretaryGeneral?: string } }
interface Round { roundId: string; status: string; closesAt: string; winner?: string; rewardPaidTo?: string }
interface Proposal { proposalId: string; result?: { for: string; against: string; approved: boolean } }

describe('governance: elections and community proposals through the gateway (issue 17)', function () {
  this.timeout(600_000);
  const pool = new ActorPool();
  let world: ApiWorld;
  let operatorActor: Actor;
  let operator: ApiClient;
  let members: CommitteeMember[];
  const users: { client: ApiClient; eid: string }[] = [];

  before(async () => {
    operatorActor = await enrollOperator(pool);
    await ensureGenesis(operatorActor);
    members = await committee(pool, operatorActor);
    world = await startApiWorld();
    operator = await world.newUser('PlatformMSP', 'gov-el-operator', { role: 'operator' });
    for (let i = 0; i < 6; i++) {
      const client = await world.newUser(i % 2 === 0 ? 'SupplierMSP' : 'BankMSP', `gov-el-${i.toString()}`);
      const reg = await tx<{ eid: string }>(client, '/api/v1/energy/identity/register', { kycHash: sha256(`gov-el-${i.toString()}-${world.run}`), roles: ['consumer'] });
      await tx(operator, '/api/v1/energy/identity/approve', { eid: reg.eid });
      users.push({ client, eid: reg.eid });
    }
    await tx(operator, '/api/v1/energy/token/release-batch', { pool: 'others', batchId: `gov-el-${world.run}`, payouts: users.map((u) => ({ to: u.eid, amount: DEC(1000) })) });
  });

  after(async () => {
    await world.close();
    pool.close();
  });

  it('elects 4 representatives and 3 core members by DEC-weighted ballots; the tally is paged and recomputable; the elected committee is seated', async () => {
    // a run interrupted on a long-lived network may have left its election untallied: finish it first (one at a time)
    const pending = ((await retrying(() => operator.get(`${GOV}/get-committee`), "get committee")).result as { committee: { openElection?: string } }).committee.openElection;
    if (pending !== undefined) {
      await until((await tx<Election>(operator, `${GOV}/get-election`, { electionId: pending })).closesAt);
      await tallied(pending);
    }
    // the secretary general serves at most two consecutive terms: on a long-lived network the top-ranked member may be barred
    const before = ((await retrying(() => operator.get(`${GOV}/get-committee`), 'get committee')).result as { committee: { secretaryGeneral: string; sgConsecutiveTerms?: number } }).committee;
    const sgNow = members[0]!.eid;
    const expectedSg = before.secretaryGeneral === sgNow && (before.sgConsecutiveTerms ?? 1) >= 2 ? members[1]!.eid : sgNow;
    const decisionId = await passDecision(pool, operatorActor, { kind: 'CallElection', rules: { representatives: 4, coreMembers: 3, termDays: 30, votingSeconds: 30 } });
    const voter = (i: number) => users[i]!;
    const election = await tx<Election>(voter(5).client, `${GOV}/open-election`, { decisionId });
    const { electionId } = election;
    const again = await voter(5).client.post(`${GOV}/open-election`, { decisionId });
    expect(again.status, JSON.stringify(again.body)).to.equal(409);
    await tx(voter(5).client, `${GOV}/stand-for-election`, { electionId, candidate: voter(5).eid });
    // the seated members (candidates automatically) keep their seats: the secretary general first
    const ballots: [number, string, number][] = [[0, members[0]!.eid, 300], [1, members[1]!.eid, 200], [2, members[2]!.eid, 150], [3, voter(5).eid, 100], [4, voter(5).eid, 20]];
    for (const [i, candidate, whole] of ballots) await tx(voter(i).client, `${GOV}/cast-ballot`, { electionId, voter: voter(i).eid, candidate, amount: DEC(whole) });
    const twice = await voter(0).client.post(`${GOV}/cast-ballot`, { electionId, voter: voter(0).eid, candidate: members[0]!.eid, amount: DEC(1) });
    expect(twice.status, JSON.stringify(twice.body)).to.equal(409);
    expect(JSON.stringify(twice.body)).to.contain('already voted');
    const early = await operator.post(`${GOV}/tally-election`, { electionId });
    expect(early.status, JSON.stringify(early.body)).to.equal(422);
    await until(election.closesAt);
    const late = await voter(0).client.post(`${GOV}/cast-ballot`, { electionId, voter: voter(0).eid, candidate: members[1]!.eid, amount: DEC(1) });
    expect(late.status, JSON.stringify(late.body)).to.equal(422);
    const done = await tallied(electionId);
    expect(done.status).to.equal('seated');
    expect(done.tally).to.include({ ballots: 5, pages: 3 });
    expect(done.result?.coreMembers).to.deep.equal(members.map((m) => m.eid).slice(0, 3));
    expect(done.result?.secretaryGeneral).to.equal(expectedSg);
    expect(done.result?.representatives.map((s) => s.eid)).to.deep.equal([...members.map((m) => m.eid).slice(0, 3), voter(5).eid]);
    // anyone recomputes the result from the ballots
    await recomputes(electionId, done);
    await seatedAndUnlocks(electionId, expectedSg);
  });

  async function tallied(electionId: string): Promise<Election> {
    let done = await tx<Election>(operator, `${GOV}/tally-election`, { electionId, pageSize: 2 });
    for (let i = 0; i < 10 && done.status === 'tallying'; i++) done = await tx<Election>(operator, `${GOV}/tally-election`, { electionId, pageSize: 2 });
    return done;
  }

  async function recomputes(electionId: string, done: Election): Promise<void> {
    const listed = await tx<{ items: { candidate: string; weight: string }[] }>(users[5]!.client, `${GOV}/list-ballots`, { electionId, pageSize: 100 });
    const sums = new Map<string, bigint>();
    for (const b of listed.items) sums.set(b.candidate, (sums.get(b.candidate) ?? 0n) + BigInt(b.weight));
    for (const s of done.result?.representatives ?? []) expect(sums.get(s.eid)).to.equal(BigInt(s.votes));
  }

  async function seatedAndUnlocks(electionId: string, expectedSg: string): Promise<void> {
    const voter = (i: number) => users[i]!;
    const seated = (await retrying(() => operator.get(`${GOV}/get-committee`), "get committee")).result as { committee: { term: number; source: string; secretaryGeneral: string } };
    expect(seated.committee).to.include({ source: 'election', secretaryGeneral: expectedSg });
    // DEC locked by a ballot returns to the voter after the close
    const before = BigInt((await tx<{ balance: string }>(operator, '/api/v1/energy/token/balance', { account: voter(0).eid, asset: 'DEC' })).balance);
    const holds = await tx<{ items: { id: string; ref?: string; status: string }[] }>(voter(0).client, '/api/v1/energy/token/holds', { account: voter(0).eid });
    const lock = holds.items.find((h) => h.ref === `gov:${electionId}` && h.status === 'open');
    expect(lock, JSON.stringify(holds.items)).to.not.equal(undefined);
    await tx(voter(0).client, '/api/v1/energy/token/expire-hold', { holdId: lock!.id });
    const after = BigInt((await tx<{ balance: string }>(operator, '/api/v1/energy/token/balance', { account: voter(0).eid, asset: 'DEC' })).balance);
    expect(after - before).to.equal(BigInt(DEC(300)));
  }

  it('the elected committee passes a decision that lets a rate change through, once', async () => {
    const decisionId = await passDecision(pool, operatorActor, { kind: 'PostRate', deccPerDec: '1.5' });
    await tx(operator, '/api/v1/energy/token/post-rate', { deccPerDec: '1.5', decisionId });
    const twice = await operator.post('/api/v1/energy/token/post-rate', { deccPerDec: '1.5', decisionId });
    expect(twice.status, JSON.stringify(twice.body)).to.equal(409);
  });

  it('a community proposal passes the 10 % margin and wins (its proposer paid); one at exactly 10 % fails', async () => {
    await tx(operator, '/api/v1/energy/token/fund-reward-pool', { from: 'sys:others', decAmount: DEC(10) });
    const [sg] = members as [CommitteeMember];
    const round = await sg.actor.submit<Round>('energy', 'governance:OpenRound', { opener: sg.eid, voteType: 'ecosystem', title: `e2e round ${world.run}`, votingSeconds: 30, reward: '100' });
    const submit = (i: number, title: string) => tx<Proposal>(users[i]!.client, `${GOV}/submit-proposal`, { roundId: round.roundId, proposer: users[i]!.eid, title, documentHash: sha256(title) });
    const a = await submit(0, `A ${world.run}`);
    const b = await submit(1, `B ${world.run}`);
    const vote = (i: number, proposalId: string, support: boolean, whole: number) => tx(users[i]!.client, `${GOV}/vote-proposal`, { proposalId, voter: users[i]!.eid, support, amount: DEC(whole) });
    await vote(0, a.proposalId, true, 300);
    await vote(1, a.proposalId, false, 100);
    await vote(2, b.proposalId, true, 440);
    await vote(3, b.proposalId, false, 400);
    await until(round.closesAt);
    const decc = async (): Promise<bigint> => BigInt((await tx<{ balance: string }>(operator, '/api/v1/energy/token/balance', { account: users[0]!.eid, asset: 'DECC' })).balance);
    const before = await decc();
    let done: Round = round;
    for (let i = 0; i < 10 && done.status !== 'decided'; i++) done = await tx<Round>(operator, `${GOV}/tally-round`, { roundId: round.roundId, pageSize: 2 });
    expect(done).to.include({ status: 'decided', winner: a.proposalId, rewardPaidTo: users[0]!.eid });
    expect((await decc()) - before).to.equal(100n);
    const pa = await tx<Proposal>(operator, `${GOV}/get-proposal`, { proposalId: a.proposalId });
    const pb = await tx<Proposal>(operator, `${GOV}/get-proposal`, { proposalId: b.proposalId });
    expect(pa.result).to.deep.equal({ for: DEC(300), against: DEC(100), approved: true });
    expect(pb.result).to.deep.equal({ for: DEC(440), against: DEC(400), approved: false });
  });
});
