/**
 * Issue 17 on the real network through the REST gateway: disclosure (a report
 * published with the on-chain figures the chaincode computes, a late one
 * flagged) and the 8.6.4 spending approvals (the operator refused alone above
 * 1,000,000 DECC of value; allowed once the secretary general and the finance
 * director approved the spend, exactly once). The committee members approve
 * through their fixture identities, as in elections.it.test.ts.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ActorPool, committee, enrollOperator, ensureGenesis, passDecision, type Actor, type CommitteeMember } from '../index';
import { startApiWorld, type ApiWorld } from '../api/api-world';
import type { ApiClient, Reply } from '../fixtures/api-client';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const GOV = '/api/v1/energy/governance';
const TOKEN = '/api/v1/energy/token';

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

interface Summary { decTotalSupply: string; pools: { ecology: string; team: string; others: string }; reserveDec: string; fees: { DEC: string; DECC: string }; rewardPoolDecc: string; complete: boolean }
interface Disclosure { disclosureId: string; late: boolean; dueBy: string; documentHash: string; summary: Summary }
interface Spend { spendId: string; status: string }

describe('governance: disclosure and spending approvals through the gateway (issue 17)', function () {
  this.timeout(300_000);
  const pool = new ActorPool();
  let world: ApiWorld;
  let operatorActor: Actor;
  let operator: ApiClient;
  let members: CommitteeMember[];

  before(async () => {
    operatorActor = await enrollOperator(pool);
    await ensureGenesis(operatorActor);
    members = await committee(pool, operatorActor);
    world = await startApiWorld();
    operator = await world.newUser('PlatformMSP', 'gov-sp-operator', { role: 'operator' });
  });

  after(async () => {
    await world.close();
    pool.close();
  });

  const balance = async (account: string, asset: 'DEC' | 'DECC'): Promise<bigint> => BigInt((await tx<{ balance: string }>(operator, `${TOKEN}/balance`, { account, asset })).balance);

  it('publishes a report with the figures the chaincode computes, and flags a late one', async () => {
    const event = new Date(Date.now() - 60_000).toISOString();
    const hash = sha256(`report-${world.run}`);
    const report = await tx<Disclosure>(operator, `${GOV}/publish-disclosure`, { kind: 'temporary', period: event, documentHash: hash, title: `e2e temporary report ${world.run}` });
    expect(report).to.include({ late: false, documentHash: hash });
    // the figures are the ledger's own at publication (nothing else moves these accounts during this test)
    expect(report.summary.pools.others).to.equal((await balance('sys:others', 'DEC')).toString());
    expect(report.summary.pools.ecology).to.equal((await balance('sys:ecology', 'DEC')).toString());
    expect(report.summary.reserveDec).to.equal((await balance('sys:reserve', 'DEC')).toString());
    expect(report.summary.rewardPoolDecc).to.equal((await balance('sys:rewards', 'DECC')).toString());
    expect(report.summary.decTotalSupply).to.equal((319_000_000n * 10n ** 18n).toString());
    const read = (await world.regulator.post<{ result: Disclosure }>(`${GOV}/get-disclosure`, { disclosureId: report.disclosureId })).body.result;
    expect(read.summary).to.deep.equal(report.summary);

    const late = await tx<Disclosure>(operator, `${GOV}/publish-disclosure`, { kind: 'temporary', period: new Date(Date.now() - 3 * 86_400_000).toISOString(), documentHash: sha256(`late-${world.run}`), title: 'e2e late report' });
    expect(late.late).to.equal(true);
    expect(Date.parse(late.dueBy)).to.be.below(Date.now());
    const notYet = await operator.post<{ error: { message: string } }>(`${GOV}/publish-disclosure`, { kind: 'annual', period: '2999', documentHash: hash, title: 'future' });
    expect(notYet.status, JSON.stringify(notYet.body)).to.equal(422);
    expect(notYet.body.error.message).to.match(/period-not-ended/);
  });

  it('refuses the operator alone above 1,000,000 DECC of value; the secretary general and the finance director let exactly that spend through, once', async () => {
    const [sg, director, payee] = members as [CommitteeMember, CommitteeMember, CommitteeMember];
    // 2,000,000 DECC of value at the posted rate (1 DECC per DEC before any rate): between the officers' and the committee's levels
    const rate = (await tx<{ rate: { rateE18: string } | null }>(operator, `${TOKEN}/get-rate`, {}).catch(() => ({ rate: null }))).rate;
    const rateE18 = BigInt(rate?.rateE18 ?? (10n ** 18n).toString());
    const amount = ((2_000_000n * 10n ** 36n) / rateE18).toString();
    const batch = (extra: Record<string, unknown> = {}) => ({ pool: 'others', batchId: `gov-sp-${world.run}-${Object.keys(extra).join('')}`, payouts: [{ to: payee.eid, amount }], ...extra });
    const othersBefore = await balance('sys:others', 'DEC');

    const alone = await operator.post<{ error: { message: string } }>(`${TOKEN}/release-batch`, batch());
    expect(alone.status, JSON.stringify(alone.body)).to.equal(400);
    expect(alone.body.error.message).to.match(/request\.approvalId: is required/);

    const appoint = await passDecision(pool, operatorActor, { kind: 'AppointFinanceDirector', eid: director.eid });
    await tx(operator, `${GOV}/appoint-finance-director`, { decisionId: appoint });
    const spend = await tx<Spend>(operator, `${GOV}/request-spend`, { op: 'ReleaseBatch', source: 'sys:others', asset: 'DEC', amount, note: `e2e ${world.run}` });
    await sg.actor.submit('energy', 'governance:ApproveSpend', { spendId: spend.spendId, approver: sg.eid });
    const half = await operator.post<{ error: { message: string } }>(`${TOKEN}/release-batch`, batch({ approvalId: spend.spendId }));
    expect(half.status, JSON.stringify(half.body)).to.equal(422);
    expect(half.body.error.message).to.match(/spend-approved/);
    await director.actor.submit('energy', 'governance:ApproveSpend', { spendId: spend.spendId, approver: director.eid });
    expect(await balance('sys:others', 'DEC')).to.equal(othersBefore);

    const payeeBefore = await balance(payee.eid, 'DEC');
    await tx(operator, `${TOKEN}/release-batch`, batch({ approvalId: spend.spendId }));
    expect(await balance(payee.eid, 'DEC')).to.equal(payeeBefore + BigInt(amount));
    expect(await balance('sys:others', 'DEC')).to.equal(othersBefore - BigInt(amount));
    const again = await operator.post<{ error: { message: string } }>(`${TOKEN}/release-batch`, { ...batch({ approvalId: spend.spendId }), batchId: `gov-sp-${world.run}-again` });
    expect(again.status, JSON.stringify(again.body)).to.equal(409);
    expect(again.body.error.message).to.match(/has already been used/);
    expect((await tx<Spend>(world.regulator, `${GOV}/get-spend`, { spendId: spend.spendId })).status).to.equal('used');
  });
});
