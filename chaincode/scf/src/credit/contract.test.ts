import { expect } from 'chai';
import { H, party, Scf, who } from '../test-support/fixtures';
import { SCORE_BASE, WEIGHTS } from './method';

const TX = 'f'.repeat(64);
const A = `asg:${'a'.repeat(32)}`;

interface Full { access: 'full'; score: number; facts: Record<string, number>; recent: { kind: string; channel: string; txId: string; key: string }[] }

/** The energy channel's answers to the scf chaincode's cross-channel queries (the e2e suite runs the real energy chaincode). */
function energyLedger(s: Scf): Map<string, Record<string, unknown>> {
  const facts = new Map<string, Record<string, unknown>>();
  const assignment = { id: A, meter: 'MTR-1', assignor: 'P-1', beneficiary: 'P-2', cap: '1000000000', paid: '0', ref: 'L1', status: 'active' };
  s.h.world.linkedChaincodes.set('energy/energy', (args) => {
    const input = JSON.parse(args[1] ?? '{}') as Record<string, unknown>;
    const found =
      args[0] === 'market:GetAssignment' ? assignment
      : args[0] === 'identity:Get' ? { eid: input.eid, mspId: 'LessorMSP', status: 'active' }
      : facts.get(`${String(input.subject)}/${String(input.txId)}/${String(input.n)}`);
    if (!found) return Promise.resolve({ status: 500, message: 'NOT_FOUND: no such record', payload: new Uint8Array() });
    return Promise.resolve({ status: 200, message: '', payload: Buffer.from(JSON.stringify(found)) });
  });
  return facts;
}

async function score(s: Scf): Promise<Full> {
  return s.result<Full>('credit:Get', who.regulator, { subject: party.projectCompany });
}

describe('scf credit service', () => {
  it('counts rent repaid on time, repaid late, arrears and default for the project company, in the same transaction', async () => {
    const s = new Scf();
    const lease = await s.approvedLease('L1', '1200000'); // first due 2026-02-01, now 2026-01-10
    const rent = (lease.schedule as { rent: string }[]).map((r) => r.rent);
    expect((await score(s)).score).to.equal(SCORE_BASE);
    await s.call('leasing:RecordRentCollected', who.lessor, { leaseId: 'L1', instalment: 1, amount: rent[0], evidenceHash: H('1') });
    const onTime = await score(s);
    expect(onTime.facts).to.include({ onTimeRent: 1 });
    expect(onTime.score).to.equal(SCORE_BASE + WEIGHTS.onTimeRent[0]);
    expect(onTime.recent[0]).to.include({ kind: 'onTimeRent', channel: 'scf', key: 'lease~L1' });

    s.advanceDays(40); // instalment 2 (due 2026-03-01) not yet due; nothing changes
    expect((await s.call('leasing:AssessArrears', who.supplier, { leaseId: 'L1' })).events).to.have.length(0);
    s.advanceDays(20); // 2026-03-11: instalment 2 is 10 days late
    await s.call('leasing:AssessArrears', who.supplier, { leaseId: 'L1' }); // a due-date check anyone may trigger
    expect((await score(s)).facts).to.include({ arrears: 1 });
    await s.call('leasing:RecordRentCollected', who.lessor, { leaseId: 'L1', instalment: 2, amount: rent[1], evidenceHash: H('2') });
    const late = await score(s);
    expect(late.facts).to.include({ onTimeRent: 1, lateRent: 1, arrears: 1 });
    expect(late.score).to.equal(SCORE_BASE + WEIGHTS.onTimeRent[0] + WEIGHTS.lateRent[0] + WEIGHTS.arrears[0]);

    s.advanceDays(130); // instalment 3 more than 90 days late
    await s.call('leasing:AssessArrears', who.bank, { leaseId: 'L1' });
    expect((await score(s)).facts).to.include({ defaults: 1 });
  });

  it('lets the regulator not trigger arrears (it writes only rules and alerts), and a refused check changes nothing', async () => {
    const s = new Scf();
    await s.approvedLease('L1', '1200000');
    s.advanceDays(60);
    const before = s.snapshot();
    expect((await s.error('leasing:AssessArrears', who.regulator, { leaseId: 'L1' })).message).to.match(/^ACCESS_DENIED/);
    expect((await s.error('leasing:AssessArrears', who.supplier, { leaseId: 'bad id!' })).message).to.match(/^VALIDATION: input.leaseId/);
    expect(s.snapshot()).to.equal(before);
  });

  it('counts an energy fact once for the party bound to its eID, only if the energy ledger shows it', async () => {
    const s = new Scf();
    const facts = energyLedger(s);
    await s.approvedLease('L1', '1200000');
    const id = { subject: 'P-1', txId: TX, n: 1 };
    facts.set(`P-1/${TX}/1`, { ...id, kind: 'marketPenalties', ref: { penalty: '5' }, at: '2026-01-09T00:00:00.000Z' });
    const before = s.snapshot();
    expect((await s.error('credit:CountEnergyFact', who.bank, id)).message).to.match(/^NOT_FOUND: scf party bound to energy eID/); // no lease linked to P-1 yet
    expect(s.snapshot()).to.equal(before);
    await s.call('collection:Link', who.lessor, { leaseId: 'L1', assignmentId: A }); // binds P-1 (the station owner) to the project company
    const forged = { subject: 'P-1', txId: TX, n: 2 };
    const bound = s.snapshot();
    expect((await s.error('credit:CountEnergyFact', who.bank, forged)).message).to.match(/^NOT_FOUND: energy credit fact/);
    expect((await s.error('credit:CountEnergyFact', who.regulator, id)).message).to.match(/^ACCESS_DENIED/);
    expect((await s.error('credit:CountEnergyFact', who.bank, { ...id, n: 0 })).message).to.match(/^VALIDATION: input.n/);
    expect(s.snapshot()).to.equal(bound);
    await s.call('credit:CountEnergyFact', who.supplier, id);
    const counted = await score(s);
    expect(counted.facts).to.include({ marketPenalties: 1 });
    expect(counted.score).to.equal(SCORE_BASE + WEIGHTS.marketPenalties[0]);
    expect(counted.recent[0]).to.include({ channel: 'energy', txId: TX, key: `credit.fact~P-1~${TX}~1` });
    const once = s.snapshot();
    expect((await s.error('credit:CountEnergyFact', who.bank, id)).message).to.match(/^CONFLICT: energy fact .* already counted/);
    expect(s.snapshot()).to.equal(once);
    facts.set(`P-1/${TX}/3`, { subject: 'P-1', txId: TX, n: 3, kind: 'ratings', value: 5, ref: {}, at: 'x' });
    await s.call('credit:CountEnergyFact', who.bank, { subject: 'P-1', txId: TX, n: 3 });
    expect((await score(s)).score).to.equal(SCORE_BASE + WEIGHTS.marketPenalties[0] + 80);
  });

  it('shows the breakdown to the regulator and the party, the score alone to a bank it asked, and nothing to anyone else', async () => {
    const s = new Scf();
    await s.approvedLease('L1', '1200000');
    const ask = { subject: party.projectCompany };
    expect(await s.result('credit:Get', who.projectCompany, ask)).to.include({ access: 'full', score: SCORE_BASE });
    const before = s.snapshot();
    expect((await s.error('credit:Get', who.bank, ask)).message).to.match(/^ACCESS_DENIED: the credit of LessorMSP:PC-1/);
    expect((await s.error('credit:Get', who.supplier, ask)).message).to.match(/^ACCESS_DENIED/);
    expect((await s.error('credit:Get', who.insurer, ask)).message).to.match(/^ACCESS_DENIED/); // a BankMSP identity that is not a bank officer
    expect((await s.error('credit:RequestFinancing', who.projectCompany, { bank: 'SupplierMSP', purpose: 'x' })).message).to.match(/^VALIDATION: input.bank/);
    expect((await s.error('credit:RequestFinancing', who.bank, { bank: 'BankMSP', purpose: 'x' })).message).to.match(/^ACCESS_DENIED/);
    expect((await s.error('credit:CloseRequest', who.projectCompany, { bank: 'BankMSP' })).message).to.match(/^NOT_FOUND: open financing request/);
    expect(s.snapshot()).to.equal(before);

    await s.call('credit:RequestFinancing', who.projectCompany, { bank: 'BankMSP', purpose: 'rent receivable of lease L1' });
    const seen = await s.result('credit:Get', who.bank, ask);
    expect(seen).to.include({ access: 'score', score: SCORE_BASE });
    expect(seen).to.not.have.property('facts');
    expect((await s.error('credit:Get', who.supplier, ask)).message).to.match(/^ACCESS_DENIED/);
    expect((await s.error('credit:RequestFinancing', who.projectCompany, { bank: 'BankMSP', purpose: 'again' })).message).to.match(/^CONFLICT: .* already has an open financing request/);

    await s.call('credit:CloseRequest', who.projectCompany, { bank: 'BankMSP' });
    expect((await s.error('credit:Get', who.bank, ask)).message).to.match(/^ACCESS_DENIED/);
  });
});
