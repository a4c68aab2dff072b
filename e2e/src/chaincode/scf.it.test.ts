/**
 * The scf chaincode on the real `scf` channel, driven by users enrolled at
 * their orgs' Fabric CAs with the roles the chaincode checks: the figure-13
 * flow, private financing terms (transient in, hash on the channel, readable
 * only on member peers), key-level endorsement of a financed receivable, and a
 * real double-financing race decided by MVCC at validation.
 */
import { expect } from 'chai';
import { ActorPool, runId, type Actor } from '../index';
import { errorText, eventually, H, salt, type Fin, type Refusal } from './scf-support';


describe('scf chaincode on the real network', function () {
  const pool = new ActorPool();
  let projectCompany: Actor, lessor: Actor, bank: Actor, supplier: Actor, regulator: Actor, regulatorViaLessorPeer: Actor;
  const id = runId();
  const leaseId = `L${id}`;
  const supplierEid = `sup${id}`;
  let partA: bigint;

  before(async () => {
    [projectCompany, lessor, bank, supplier, regulator, regulatorViaLessorPeer] = await Promise.all([
      pool.enroll('LessorMSP', 'pc', { role: 'project-company', eid: `pc${id}` }),
      pool.enroll('LessorMSP', 'lessor', { role: 'lessor-officer' }),
      pool.enroll('BankMSP', 'bank', { role: 'bank-officer' }),
      pool.enroll('SupplierMSP', 'supplier', { role: 'supplier', eid: supplierEid }),
      pool.enroll('RegulatorMSP', 'regulator', { role: 'regulator' }),
      pool.enroll('RegulatorMSP', 'regulator2', { role: 'regulator' }, 'LessorMSP'),
    ]);
  });
  after(() => {
    pool.close();
  });

  it('runs apply -> approve -> pay supplier -> receivable -> split -> transfer upstream', async () => {
    await projectCompany.submit('scf', 'leasing:Apply', {
      leaseId,
      stationId: `ST-${id}`,
      constructionApprovalHash: H('c'),
      equipment: [{ description: 'PV module 450W', quantity: 2000 }],
      supplier: `SupplierMSP:${supplierEid}`,
      amount: '120000000',
    });
    const lease = await lessor.submit('scf', 'leasing:Approve', { leaseId, principal: '120000000', rateBps: 600, termMonths: 12, firstDueDate: '2027-01-01' });
    expect(lease.status).to.equal('approved');
    await lessor.submit('scf', 'leasing:RecordSupplierPayment', { leaseId, amount: '120000000', evidenceHash: H('1') });

    const root = await lessor.submit<{ amount: string; holder: string }>('scf', 'receivables:Issue', { leaseId });
    expect(root.holder).to.equal('LessorMSP');
    const total = BigInt(root.amount);
    partA = total / 2n;
    await lessor.submit('scf', 'receivables:Split', { receivableId: leaseId, amounts: [partA.toString(), (total - partA).toString()] });
    await lessor.submit('scf', 'receivables:Transfer', { receivableId: `${leaseId}.1`, to: `SupplierMSP:${supplierEid}` });

    const tree = await eventually(
      () => regulator.evaluate<{ id: string; amount: string; holder: string }[]>('scf', 'receivables:Tree', { rootId: leaseId }),
      (parts) => parts.some((p) => p.holder !== 'LessorMSP'),
    );
    const leaves = tree.filter((p) => p.id !== leaseId);
    expect(leaves.map((p) => p.holder).sort()).to.deep.equal(['LessorMSP', `SupplierMSP:${supplierEid}`]);
    expect(leaves.reduce((s, p) => s + BigInt(p.amount), 0n)).to.equal(total);
  });

  it('finances a part with private terms: hash on the channel, terms only on member peers', async () => {
    const financingId = `F${id}a`;
    const terms = { advanceRateBps: 7000, discountBps: 150, maturityDate: '2027-12-31', salt: salt() };
    // Terms go to the Bank-Supplier collection, so members of it endorse.
    await bank.submit('scf', 'financing:Offer', { financingId, assetType: 'receivable', assetId: `${leaseId}.1` }, { transient: { terms }, endorsingOrganizations: ['BankMSP', 'SupplierMSP'] });
    const offered = await eventually(() => supplier.evaluate<Fin>('scf', 'financing:Get', { financingId }));
    expect(offered.financing.collection).to.equal('termsBankSupplier');
    expect(offered.termsHash).to.match(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(offered)).not.to.include('7000');

    // Accept pledges the part: its key policy needs the holder's org and a channel majority (3 of 4).
    await supplier.submit('scf', 'financing:Accept', { financingId, termsHash: offered.termsHash }, { transient: { salt: salt() }, endorsingOrganizations: ['SupplierMSP', 'BankMSP', 'RegulatorMSP'] });
    await bank.submit('scf', 'financing:RecordAdvance', { financingId, evidenceHash: H('4') }, { endorsingOrganizations: ['BankMSP', 'SupplierMSP'] });

    const asRegulator = await regulator.evaluate<{ terms: { advanceRateBps: number; advance: string } }>('scf', 'financing:GetTerms', { financingId });
    expect(asRegulator.terms.advanceRateBps).to.equal(7000);
    expect(asRegulator.terms.advance).to.equal(((partA * 7000n) / 10000n).toString());
    // The lessor is not a party: refused by the chaincode.
    const lessorErr = await lessor.evaluate('scf', 'financing:GetTerms', { financingId }).catch((e: unknown) => e);
    expect(errorText(lessorErr)).to.match(/ACCESS_DENIED/);
    // A regulator asking through LessorMSP's peer, which is not in the collection, gets nothing.
    const viaNonMember = await regulatorViaLessorPeer.evaluate('scf', 'financing:GetTerms', { financingId }).catch((e: unknown) => e);
    expect(viaNonMember).to.be.instanceOf(Error);
  });

  it('rejects at validation a change to a receivable part not endorsed by its holder org (key-level policy)', async () => {
    const part = `${leaseId}.2`; // held by the lessor: its key policy names LessorMSP
    // The chaincode allows the lessor to transfer it, and 2 of 4 orgs endorse, which
    // satisfies the chaincode policy, but not the part's key-level policy.
    const tx = await lessor
      .contract('scf')
      .newProposal('receivables:Transfer', { arguments: [JSON.stringify({ receivableId: part, to: `SupplierMSP:${supplierEid}` })], endorsingOrganizations: ['BankMSP', 'SupplierMSP'] })
      .endorse();
    const status = await (await tx.submit()).getStatus();
    expect(status.code).to.equal(10); // ENDORSEMENT_POLICY_FAILURE
    const after = await regulator.evaluate<{ receivable: { holder: string } }>('scf', 'receivables:Get', { receivableId: part });
    expect(after.receivable.holder).to.equal('LessorMSP');
  });

  it('refuses a second financing of the same part by committing only an alert, which the regulator lists', async () => {
    const refused = await bank.submit<Refusal>('scf', 'financing:Offer', { financingId: `F${id}b`, assetType: 'receivable', assetId: `${leaseId}.1` }, {
      transient: { terms: { advanceRateBps: 5000, discountBps: 100, maturityDate: '2027-12-31', salt: salt() } },
      endorsingOrganizations: ['BankMSP', 'SupplierMSP'],
    });
    expect(refused).to.include({ refused: true, rule: 'double-financing', financingId: `F${id}b` });
    const alerts = await eventually(
      () => regulator.evaluate<{ alertId: string; reportedBy: string; confirmed: boolean }[]>('scf', 'rules:ListAlerts'),
      (list) => list.some((a) => a.alertId === refused.alertId),
    );
    expect(alerts.find((a) => a.alertId === refused.alertId)).to.include({ reportedBy: 'chaincode', confirmed: true });
    // Nothing else was written: the refused financing does not exist.
    expect(errorText(await supplier.evaluate('scf', 'financing:Get', { financingId: `F${id}b` }).catch((e: unknown) => e))).to.match(/NOT_FOUND/);
  });

  it('lets only one of two racing acceptances of the same asset commit (MVCC on the financing lock)', async () => {
    const asset = `${leaseId}.2`; // held by the lessor
    const ids = [`F${id}c`, `F${id}d`];
    for (const financingId of ids) {
      await bank.submit('scf', 'financing:Offer', { financingId, assetType: 'receivable', assetId: asset }, {
        transient: { terms: { advanceRateBps: 6000, discountBps: 100, maturityDate: '2027-12-31', salt: salt() } },
        endorsingOrganizations: ['BankMSP', 'LessorMSP'],
      });
    }
    // Both acceptances are endorsed against the same state before either commits.
    const endorsed = await Promise.all(
      ids.map(async (financingId) => {
        const { termsHash } = await eventually(() => lessor.evaluate<Fin>('scf', 'financing:Get', { financingId }));
        const transientData = { salt: JSON.stringify(salt()) };
        return lessor.contract('scf').newProposal('financing:Accept', { arguments: [JSON.stringify({ financingId, termsHash })], transientData, endorsingOrganizations: ['LessorMSP', 'BankMSP', 'RegulatorMSP'] }).endorse();
      }),
    );
    const codes = await Promise.all(endorsed.map(async (tx) => (await (await tx.submit()).getStatus()).code));
    expect(codes.filter((c) => c === 0)).to.have.length(1);
    // The loser is invalidated either by MVCC_READ_CONFLICT (11) on the lock, or,
    // because Fabric checks endorsement before MVCC, by ENDORSEMENT_POLICY_FAILURE
    // (10): the winner changed the part's key-level policy (pledgee bank added).
    expect(codes.filter((c) => c === 10 || c === 11)).to.have.length(1);
    for (const reader of [regulator, bank]) {
      const states = await eventually(
        () => Promise.all(ids.map((financingId) => reader.evaluate<Fin>('scf', 'financing:Get', { financingId }))),
        (fs) => fs.some((f) => f.financing.status === 'accepted'),
      );
      expect(states.map((s) => s.financing.status).sort()).to.deep.equal(['accepted', 'offered']);
    }
    // The loser wrote nothing, not even an alert: the bank reports it with rules:RaiseAlert, which the chaincode confirms.
    const loser = ids[codes.findIndex((c) => c !== 0)]!;
    const alert = await bank.submit<{ confirmed: boolean | null; reportedBy: string }>('scf', 'rules:RaiseAlert', { rule: 'double-financing', assetType: 'receivable', assetId: asset, financingId: loser, suspect: 'LessorMSP', detail: 'acceptance lost the race at validation' }, { endorsingOrganizations: ['BankMSP', 'RegulatorMSP'] });
    expect(alert).to.include({ confirmed: true, reportedBy: 'BankMSP' });
  });
});
