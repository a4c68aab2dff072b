/**
 * The crowdfunding audit's minimum credit score (issue 18): the fundraiser's
 * standing is read from scf (here, the linked scf chaincode of the in-memory
 * world answers as scf's `credit:Standing` would) and recorded on the plan; an
 * audit that requires it approves only when the standing meets the minimum.
 * Refusals change nothing.
 */
import { expect } from 'chai';
import { operator, user } from '../test-support/energy-world';
import { CrowdfundingWorld } from './cf-world';
import type { Project } from './state';

/** The scf answer for the world's fundraiser (whether its scf party meets minCrowdfundingScore), or a NOT_FOUND when `standing` is undefined. */
function scfAnswers(w: CrowdfundingWorld, standing: { meets: boolean } | undefined): void {
  w.h.world.linkedChaincodes.set('scf/scf', (args) => {
    const { eid } = JSON.parse(args[1] ?? '{}') as { eid: string };
    if (args[0] !== 'credit:Standing' || !standing) return Promise.resolve({ status: 500, message: `NOT_FOUND: scf party bound to energy eID ${eid}`, payload: new Uint8Array() });
    const answer = { eid, subject: 'LessorMSP:PC-1', minimum: 650, rulesVersion: 3, method: 'dec-credit-v1', factCount: 4, scoreTxId: 'f'.repeat(64), ...standing };
    return Promise.resolve({ status: 200, message: '', payload: Buffer.from(JSON.stringify(answer)) });
  });
}

function state(w: CrowdfundingWorld): string {
  return JSON.stringify([...w.h.world.state.entries()].map(([k, v]) => `${k}=${Buffer.from(v).toString('hex')}`).sort());
}

describe('crowdfunding audit: minimum credit score of the fundraiser, read from scf', () => {
  const relay = user('scf-member', 'LessorMSP');

  async function submitted(): Promise<{ w: CrowdfundingWorld; p: Project }> {
    const w = new CrowdfundingWorld();
    await w.setup();
    return { w, p: await w.cfCall<Project>('SubmitPlan', w.fundraiser, w.plan()) };
  }

  it('refuses to approve without a standing when the audit requires one, and changes nothing; rejecting still works', async () => {
    const { w, p } = await submitted();
    const before = state(w);
    expect((await w.cfFails('AuditPlan', operator, { projectId: p.id, approve: true, requireCreditStanding: true })).message).to.match(
      /^RULE_VIOLATION: crowdfunding-audit: cannot approve: fundraiser-credit-score \(no credit standing attested from scf/,
    );
    expect((await w.cfFails('AuditPlan', operator, { projectId: p.id, approve: true, requireCreditStanding: 'yes' })).message).to.match(/^VALIDATION: request.requireCreditStanding/);
    expect(state(w)).to.equal(before);
    const rejected = await w.cfCall<Project>('AuditPlan', operator, { projectId: p.id, approve: false, requireCreditStanding: true });
    expect(rejected.audit?.checks.find((c) => c.name === 'fundraiser-credit-score')?.ok).to.equal(false);
  });

  it('records nothing when scf cannot answer (no bound party, or a peer not on scf)', async () => {
    const { w, p } = await submitted();
    const before = state(w);
    expect((await w.cfFails('AttestCreditStanding', relay, { projectId: p.id })).message).to.match(/^CONFLICT: the scf credit standing could not be read on this peer/);
    scfAnswers(w, undefined);
    expect((await w.cfFails('AttestCreditStanding', relay, { projectId: p.id })).message).to.match(new RegExp(`^NOT_FOUND: scf party bound to energy eID ${w.fundraiserEid}`));
    expect((await w.cfFails('AttestCreditStanding', relay, { projectId: 'proj:xyz' })).message).to.match(/^VALIDATION: request.projectId/);
    expect(state(w)).to.equal(before);
  });

  it('refuses to approve a fundraiser below the minimum, approves one that meets it, and records where the standing comes from', async () => {
    const { w, p } = await submitted();
    scfAnswers(w, { meets: false });
    const below = await w.cfCall<Project>('AttestCreditStanding', relay, { projectId: p.id });
    expect(below.creditStanding).to.include({ subject: 'LessorMSP:PC-1', meets: false, minimum: 650, rulesVersion: 3 });
    expect(below.creditStanding).to.not.have.property('score');
    const before = state(w);
    expect((await w.cfFails('AuditPlan', operator, { projectId: p.id, approve: true, requireCreditStanding: true })).message).to.match(/fundraiser-credit-score \(credit score is below the crowdfunding minimum 650/);
    expect(state(w)).to.equal(before);

    scfAnswers(w, { meets: true }); // the score rose to the minimum or above on scf: anyone re-attests
    await w.cfCall('AttestCreditStanding', relay, { projectId: p.id });
    const audited = await w.cfCall<Project>('AuditPlan', operator, { projectId: p.id, approve: true, requireCreditStanding: true });
    expect(audited.status).to.equal('audited');
    const check = audited.audit?.checks.find((c) => c.name === 'fundraiser-credit-score');
    expect(check?.ok).to.equal(true);
    expect(check?.detail).to.match(/^credit score meets the crowdfunding minimum 650 \(scf rules v3, score of LessorMSP:PC-1 as of scf tx f{64}, attested in tx /);
    // Once audited, the standing is part of the decision: it no longer changes.
    const after = state(w);
    expect((await w.cfFails('AttestCreditStanding', relay, { projectId: p.id })).message).to.match(/^CONFLICT: project .* is audited, not submitted/);
    expect(state(w)).to.equal(after);
  });

  it('an audit that does not require it is unchanged (no credit check)', async () => {
    const { w, p } = await submitted();
    const audited = await w.cfCall<Project>('AuditPlan', operator, { projectId: p.id, approve: true });
    expect(audited.audit?.checks.map((c) => c.name)).to.not.include('fundraiser-credit-score');
  });
});
