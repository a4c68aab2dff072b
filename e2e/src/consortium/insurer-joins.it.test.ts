/**
 * Growing and shrinking the running consortium (issue 12): InsurerMSP creates
 * its crypto in its own folder and hands out only its public definition; the
 * scf members' admins each sign the config update as a file; too few
 * signatures are refused by the orderer with the orgs still needed named; with
 * a majority the insurer joins, sets its anchor peer (its own admin alone), is
 * named in a new chaincode definition and transacts through its own peer; then
 * it is removed the same way and can no longer submit, and nothing it tried
 * changed the ledger. The suite leaves scf as it found it: the removal restores
 * the topology's endorsement policy and the insurer's folder is deleted.
 */
import { PeerClients, type Gateway } from '@dec/fabric-client';
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ActorPool, eventually, failure, parse, runId, type Actor } from '../index';
import { consortium, exchangeDir, gatewayUser, joiningGatewayOrg, ok, phase } from './consortium-cli';

const OLD_MEMBERS = ['BankMSP', 'LessorMSP', 'SupplierMSP', 'RegulatorMSP'];

/** After a failure half-way: the definition back to the topology's members and InsurerMSP out of scf (no-op when it is not a member). */
async function removeIfStillMember(file: (name: string) => string): Promise<void> {
  const still = await consortium('propose-remove', 'scf', '--as', 'BankMSP', '--org', 'InsurerMSP', '--out', file('cleanup.pb'));
  if (still.code !== 0) return;
  console.log('      [cleanup] InsurerMSP was still a member of scf: removing it');
  await ok('definition', 'scf', '--chaincode', 'scf', '--members', OLD_MEMBERS.join(','));
  const signers = ['BankMSP', 'LessorMSP', 'SupplierMSP'];
  for (const m of signers) await ok('sign', file('cleanup.pb'), '--org', m, '--out', file(`cleanup.${m}.json`));
  await ok('submit', file('cleanup.pb'), '--as', 'BankMSP', ...signers.map((m) => file(`cleanup.${m}.json`)));
}

describe('consortium: InsurerMSP joins scf and is removed again', function () {
  this.timeout(300_000);
  const id = runId();
  // Made in before(): a fresh run's root hook wipes the run folder after the suite is declared.
  let dir = '';
  const file = (name: string): string => path.join(dir, name);
  const pool = new ActorPool();
  const clients = new PeerClients();
  let insurer: Gateway | undefined;
  let bank: Actor;

  before(async () => {
    dir = exchangeDir(id);
    bank = await pool.enroll('BankMSP', 'bank', { role: 'bank-officer' });
  });
  after(async () => {
    insurer?.close();
    clients.close();
    pool.close();
    // Whatever happened above, leave no insurer behind (a no-op when the removal test ran).
    await removeIfStillMember(file);
    await consortium('org-stop', '--org', 'InsurerMSP', '--purge');
  });

  it("the insurer's admin creates its crypto on its own host and exports only its public MSP definition", async () => {
    await phase('org-create (cryptogen, CA, configtxgen -printOrg)', () => ok('org-create', '--org', 'InsurerMSP', '--out', file('insurer.json')));
    const definition = readFileSync(file('insurer.json'), 'utf8');
    expect((JSON.parse(definition) as { values: { MSP: { value: { config: { name: string } } } } }).values.MSP.value.config.name).to.equal('InsurerMSP');
    expect(definition).not.to.match(/PRIVATE KEY/);
  });

  it('too few signatures: the orderer refuses, the command names the orgs that still must sign, and nothing changes', async () => {
    await ok('propose-add', 'scf', '--as', 'BankMSP', '--org', 'InsurerMSP', '--definition', file('insurer.json'), '--out', file('add.pb'));
    await ok('sign', file('add.pb'), '--org', 'BankMSP', '--out', file('add.BankMSP.json'));
    const refused = await phase('submit with 1 of 3 signatures', () => consortium('submit', file('add.pb'), '--as', 'BankMSP', file('add.BankMSP.json')));
    expect(refused.code).to.equal(1);
    expect(refused.output).to.include('the orderer refused the config update of scf');
    expect(refused.output).to.include("1 sub-policies were satisfied, but this policy requires 3 of the 'Admins' sub-policies");
    expect(refused.output).to.include('still needed: 2 more of LessorMSP, RegulatorMSP, SupplierMSP');
    // Nothing changed: the insurer is still not a member, so there is nothing to remove.
    const notMember = await consortium('propose-remove', 'scf', '--as', 'BankMSP', '--org', 'InsurerMSP', '--out', file('none.pb'));
    expect(notMember.output).to.include('InsurerMSP is not a member');
  });

  it('a signature file for another update, or edited to claim another org, is refused before anything is sent', async () => {
    const forged = JSON.parse(readFileSync(file('add.BankMSP.json'), 'utf8')) as Record<string, string>;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file('forged.json'), JSON.stringify({ ...forged, mspId: 'LessorMSP' }));
    const r = await consortium('submit', file('add.pb'), '--as', 'BankMSP', file('forged.json'));
    expect(r.code).to.equal(1);
    expect(r.output).to.include('field mspId says LessorMSP but the signature was made by BankMSP');
  });

  it('with a majority of the admins signing, InsurerMSP joins scf, its peer joins and its admin alone sets its anchor peer', async () => {
    await phase('Lessor and Supplier admins sign', async () => {
      await ok('sign', file('add.pb'), '--org', 'LessorMSP', '--out', file('add.LessorMSP.json'));
      await ok('sign', file('add.pb'), '--org', 'SupplierMSP', '--out', file('add.SupplierMSP.json'));
    });
    const submitted = await phase('submit with 3 of 4', () => ok('submit', file('add.pb'), '--as', 'BankMSP', ...['BankMSP', 'LessorMSP', 'SupplierMSP'].map((m) => file(`add.${m}.json`))));
    expect(submitted).to.include('committed, signed by BankMSP, LessorMSP, SupplierMSP');
    await phase('insurer peer joins scf (fetch block 0, join)', () => ok('join', 'scf', '--org', 'InsurerMSP'));
    await phase('anchor peer update (insurer admin only)', async () => {
      await ok('propose-anchors', 'scf', '--org', 'InsurerMSP', '--out', file('anchors.pb'));
      await ok('sign', file('anchors.pb'), '--org', 'InsurerMSP', '--out', file('anchors.InsurerMSP.json'));
      expect(await ok('submit', file('anchors.pb'), '--as', 'InsurerMSP', file('anchors.InsurerMSP.json'))).to.include('signed by InsurerMSP');
    });
  });

  it('the scf definition names the insurer (next sequence, same collections), and an insurer user transacts through its own peer', async () => {
    await phase('definition with 5 members (approve x5, commit)', () => ok('definition', 'scf', '--chaincode', 'scf', '--members', [...OLD_MEMBERS, 'InsurerMSP'].join(',')));
    insurer = await phase('insurer user enrolled at the insurer CA', () => gatewayUser(clients, joiningGatewayOrg('insurer'), `insurer-${id}`, { role: 'insurer' }));
    const contract = insurer.getNetwork('scf').getContract('scf');
    const me = parse<{ mspId: string; attributes: Record<string, string> }>(await contract.evaluateTransaction('network:WhoAmI'));
    expect(me.mspId).to.equal('InsurerMSP');
    await phase('insurer submits network:Probe', () => contract.submitTransaction('network:Probe', JSON.stringify({ note: `joined-${id}` })));
    const last = await bank.evaluate<{ note?: string }>('scf', 'network:LastProbe', 'InsurerMSP');
    expect(last.note).to.equal(`joined-${id}`);
  });

  it('an insurer user of InsurerMSP runs insurance:Underwrite end to end', async () => {
    const lessor = await pool.enroll('LessorMSP', 'lessor', { role: 'lessor-officer' });
    const pc = await pool.enroll('LessorMSP', 'pc', { role: 'project-company', eid: `pc${id}` });
    const leaseId = `INS${id}`;
    await pc.submit('scf', 'leasing:Apply', { leaseId, stationId: `ST-${id}`, constructionApprovalHash: 'c'.repeat(64), equipment: [{ description: 'PV module 450W', quantity: 10 }], supplier: `SupplierMSP:sup${id}`, amount: '1000000' });
    await lessor.submit('scf', 'leasing:Approve', { leaseId, principal: '1000000', rateBps: 600, termMonths: 12, firstDueDate: '2027-01-01' });
    if (!insurer) throw new Error('the previous test enrolls the insurer');
    const contract = insurer.getNetwork('scf').getContract('scf');
    // The insurer's gateway endorses on its own peer first, which may be a block behind the lessor's.
    await eventually(async () => parse<{ status: string }>(await contract.evaluateTransaction('leasing:Get', JSON.stringify({ leaseId }))), (l) => l.status === 'approved');
    const policy = { policyId: `P${id}`, leaseId, insured: `LessorMSP:pc${id}`, equipment: [{ description: 'PV module 450W', quantity: 10 }], coverage: '1000000', premium: '5000', startDate: '2026-01-01', endDate: '2030-12-31' };
    // The endorsers' reasons, not just "failed to endorse", when the chaincode refuses.
    const result = parse<{ insurer: string }>(await contract.submitTransaction('insurance:Underwrite', JSON.stringify(policy)).catch(async (e: unknown) => {
      throw new Error(`insurance:Underwrite by InsurerMSP refused: ${await failure(Promise.reject(e instanceof Error ? e : new Error(String(e))))}`);
    }));
    expect(result.insurer).to.equal(`InsurerMSP:insurer-${id}`);
  });

  it('removed the same way (definition without it, majority signs), its user can no longer submit, and nothing it tried changed', async () => {
    await phase('definition back to the 4 members', () => ok('definition', 'scf', '--chaincode', 'scf', '--members', OLD_MEMBERS.join(',')));
    await ok('propose-remove', 'scf', '--as', 'BankMSP', '--org', 'InsurerMSP', '--out', file('remove.pb'));
    const signers = ['BankMSP', 'LessorMSP', 'SupplierMSP'];
    for (const m of signers) await ok('sign', file('remove.pb'), '--org', m, '--out', file(`remove.${m}.json`));
    await phase('removal submitted (3 of 5)', () => ok('submit', file('remove.pb'), '--as', 'BankMSP', ...signers.map((m) => file(`remove.${m}.json`))));

    if (!insurer) throw new Error('the join test enrolls the insurer');
    const contract = insurer.getNetwork('scf').getContract('scf');
    const refusal = await failure(contract.submitTransaction('network:Probe', JSON.stringify({ note: `after-removal-${id}` })));
    // Refused at endorsement (creator org unknown to the other peers), or, when its own peer still
    // endorses, never committed: the orderer no longer delivers scf blocks to a removed org, so the
    // client's wait for the commit status runs out (DEADLINE_EXCEEDED). Either way the ledger check
    // below proves nothing it tried changed.
    expect(refusal).to.match(/access denied|creator org unknown|not satisfied|unknown|denied|DEADLINE_EXCEEDED/i);
    const last = await bank.evaluate<{ note?: string }>('scf', 'network:LastProbe', 'InsurerMSP');
    expect(last.note).to.equal(`joined-${id}`);
    await ok('org-stop', '--org', 'InsurerMSP', '--purge');
  });
});
