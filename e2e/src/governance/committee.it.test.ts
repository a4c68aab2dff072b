/**
 * Issue 17 on the real network, through the REST gateway where users reach it:
 * the platform operator alone can no longer change the DECC rate or release
 * from the ecology pool; a committee decision passed by more than half of the
 * committee's votes lets exactly that rate change through, once.
 */
import { expect } from 'chai';
import { ActorPool, enrollOperator, ensureGenesis, failure, passDecision, type Actor, committee, type CommitteeMember } from '../index';
import { startApiWorld, type ApiWorld } from '../api/api-world';
import type { ApiClient } from '../fixtures/api-client';

describe('governance: committee decisions on the real network (issue 17)', function () {
  this.timeout(240_000);
  const pool = new ActorPool();
  let world: ApiWorld;
  let operator: Actor;
  let restOperator: ApiClient;
  let members: CommitteeMember[];

  before(async () => {
    operator = await enrollOperator(pool);
    await ensureGenesis(operator);
    members = await committee(pool, operator);
    world = await startApiWorld();
    restOperator = await world.newUser('PlatformMSP', 'gov-operator', { role: 'operator' });
  });

  after(async () => {
    await world.close();
    pool.close();
  });

  interface DecisionView { status: string; yes: number; totalWeight: number }
  interface Res<T> { result: T; error: { message: string } }
  const decisionOf = async (client: ApiClient, decisionId: string): Promise<DecisionView> => (await client.post<Res<DecisionView>>('/api/v1/energy/governance/get-decision', { decisionId })).body.result;
  const rate = async (): Promise<unknown> => ((await restOperator.get('/api/v1/energy/token/get-rate')).body as { result: unknown }).result;

  it('refuses the operator alone: a rate change or an ecology release without a decision changes nothing', async () => {
    const before = await rate();
    const res = await restOperator.post('/api/v1/energy/token/post-rate', { deccPerDec: '3' });
    expect(res.status, JSON.stringify(res.body)).to.equal(400);
    expect(JSON.stringify(res.body)).to.contain('decisionId');
    const release = await restOperator.post('/api/v1/energy/token/release-batch', { pool: 'ecology', batchId: `gov-${world.run}`, payouts: [{ to: members[0]!.eid, amount: '1' }] });
    expect(release.status, JSON.stringify(release.body)).to.equal(400);
    expect(JSON.stringify(release.body)).to.match(/decisionId.*yearly plan/);
    expect(await rate()).to.deep.equal(before);
  });

  it('a non-member cannot propose, a member cannot vote twice', async () => {
    const outsider = await world.newUser('SupplierMSP', 'gov-outsider');
    const res = await outsider.post('/api/v1/energy/governance/propose-decision', { proposer: members[1]!.eid, title: 'mine', effect: { kind: 'PostRate', deccPerDec: '9' } });
    expect(res.status, JSON.stringify(res.body)).to.equal(403);
    const [sg] = members as [CommitteeMember];
    const { decisionId } = await sg.actor.submit<{ decisionId: string }>('energy', 'governance:ProposeDecision', { proposer: sg.eid, title: 'twice', effect: { kind: 'PostRate', deccPerDec: '9' } });
    await sg.actor.submit('energy', 'governance:VoteDecision', { decisionId, member: sg.eid, approve: true });
    expect(await failure(sg.actor.submit('energy', 'governance:VoteDecision', { decisionId, member: sg.eid, approve: true }))).to.match(/CONFLICT: request\.member .* has already voted/);
    expect(await decisionOf(world.platformUser, decisionId)).to.include({ status: 'open', yes: 2 });
  });

  it('a passed decision lets exactly its rate through, once', async () => {
    const decisionId = await passDecision(pool, operator, { kind: 'PostRate', deccPerDec: '3' });
    expect(await decisionOf(world.regulator, decisionId)).to.include({ status: 'passed', yes: 3, totalWeight: members.length + 1 });
    const wrong = await restOperator.post<Res<unknown>>('/api/v1/energy/token/post-rate', { deccPerDec: '4', decisionId });
    expect(wrong.status, JSON.stringify(wrong.body)).to.equal(400);
    expect(wrong.body.error.message).to.match(/request\.deccPerDec: does not match the decision/);
    const ok = await restOperator.post('/api/v1/energy/token/post-rate', { deccPerDec: '3', decisionId });
    expect(ok.status, JSON.stringify(ok.body)).to.equal(200);
    expect(await rate()).to.include({ deccPerDec: '3' });
    const again = await restOperator.post<Res<unknown>>('/api/v1/energy/token/post-rate', { deccPerDec: '3', decisionId });
    expect(again.status, JSON.stringify(again.body)).to.equal(409);
    expect(again.body.error.message).to.match(/already been applied/);
    expect((await decisionOf(world.regulator, decisionId)).status).to.equal('applied');
  });
});
