/**
 * The white paper's flow end to end on the real network, each step by the
 * identity that does it in practice: application -> lease -> supplier payment ->
 * receivable -> bank financing -> split to the supplier -> order financing
 * (PO, confirmation, financing, sub-supplier derived order) -> rent collection ->
 * repayment (bank first, then the holder; pledge released). Then what the
 * regulator sees: refusal alerts, every asset's key history, and no way to
 * change business state; and that the platform org (not on `scf`) sees nothing.
 */
import { expect } from 'chai';
import { ActorPool, runId, type Actor } from '../index';
import { errorText, eventually, H, salt, type Fin, type Refusal } from './scf-support';

describe('scf white paper flow on the real network', function () {
  const pool = new ActorPool();
  let projectCompany: Actor, lessor: Actor, bank: Actor, supplier: Actor, subSupplier: Actor, regulator: Actor;
  let platform: Actor, platformViaBankPeer: Actor;
  const id = runId();
  const leaseId = `W${id}`;
  const supplierEid = `sup${id}`;
  const subEid = `sub${id}`;
  const partA = `${leaseId}.1`; // kept and financed by the lessor
  const partB = `${leaseId}.2`; // passed upstream to the supplier
  const orderId = `PO${id}`;
  const derivedId = `PO${id}s`;
  let faceA: bigint;
  let advanceA: bigint;

  before(async () => {
    [projectCompany, lessor, bank, supplier, subSupplier, regulator, platform, platformViaBankPeer] = await Promise.all([
      pool.enroll('LessorMSP', 'pc', { role: 'project-company', eid: `pc${id}` }),
      pool.enroll('LessorMSP', 'lessor', { role: 'lessor-officer' }),
      pool.enroll('BankMSP', 'bank', { role: 'bank-officer' }),
      pool.enroll('SupplierMSP', 'supplier', { role: 'supplier', eid: supplierEid }),
      pool.enroll('SupplierMSP', 'subsupplier', { role: 'supplier', eid: subEid }),
      pool.enroll('RegulatorMSP', 'regulator', { role: 'regulator' }),
      // A platform identity even claiming a role the chaincode knows.
      pool.enroll('PlatformMSP', 'platform', { role: 'regulator' }),
      pool.enroll('PlatformMSP', 'platform2', { role: 'bank-officer' }, 'BankMSP'),
    ]);
  });
  after(() => {
    pool.close();
  });

  const terms = (advanceRateBps: number) => ({ advanceRateBps, discountBps: 120, maturityDate: '2027-12-31', salt: salt() });

  async function finance(financingId: string, assetType: string, assetId: string, holder: Actor, pair: string[], rateBps: number): Promise<void> {
    await bank.submit('scf', 'financing:Offer', { financingId, assetType, assetId }, { transient: { terms: terms(rateBps) }, endorsingOrganizations: pair });
    const { termsHash } = await eventually(() => holder.evaluate<Fin>('scf', 'financing:Get', { financingId }));
    // Accept pledges the asset: its key policy needs the holder and a channel majority, here the pair's collection (pair + regulator).
    const accepted = await holder.submit<Fin['financing']>('scf', 'financing:Accept', { financingId, termsHash }, { transient: { salt: salt() }, endorsingOrganizations: [...pair, 'RegulatorMSP'] });
    expect(accepted.status).to.equal('accepted');
    await eventually(() => bank.evaluate<Fin>('scf', 'financing:Get', { financingId }), (f) => f.financing.status === 'accepted');
    await bank.submit('scf', 'financing:RecordAdvance', { financingId, evidenceHash: H('a') }, { endorsingOrganizations: pair });
    await eventually(() => regulator.evaluate<Fin>('scf', 'financing:Get', { financingId }), (f) => f.financing.status === 'advanced');
    await eventually(() => holder.evaluate<Fin>('scf', 'financing:Get', { financingId }), (f) => f.financing.status === 'advanced');
  }

  it('application -> lease -> supplier payment -> receivable', async () => {
    await projectCompany.submit('scf', 'leasing:Apply', {
      leaseId,
      stationId: `ST-${id}`,
      constructionApprovalHash: H('c'),
      equipment: [{ description: 'PV module 450W', quantity: 1000 }, { description: 'Inverter 100kW', quantity: 5 }],
      supplier: `SupplierMSP:${supplierEid}`,
      amount: '60000000',
    });
    const lease = await lessor.submit<{ status: string }>('scf', 'leasing:Approve', { leaseId, principal: '60000000', rateBps: 600, termMonths: 3, firstDueDate: '2027-01-01' });
    expect(lease.status).to.equal('approved');
    const paid = await lessor.submit<{ supplierPaid: string }>('scf', 'leasing:RecordSupplierPayment', { leaseId, amount: '60000000', evidenceHash: H('1') });
    expect(paid.supplierPaid).to.equal('60000000');
    const root = await lessor.submit<{ amount: string; holder: string; debtor: string }>('scf', 'receivables:Issue', { leaseId });
    expect(root).to.include({ holder: 'LessorMSP', debtor: `LessorMSP:pc${id}` });
    const total = BigInt(root.amount);
    faceA = (total * 6n) / 10n;
    await eventually(() => bank.evaluate('scf', 'receivables:Get', { receivableId: leaseId }));
    await lessor.submit('scf', 'receivables:Split', { receivableId: leaseId, amounts: [faceA.toString(), (total - faceA).toString()] }, { endorsingOrganizations: ['LessorMSP', 'BankMSP', 'RegulatorMSP'] });
  });

  it('bank financing of the lessor part, and the other part split off to the supplier', async () => {
    const backing = await eventually(() => bank.evaluate<{ lease: { supplierPaid: string } }>('scf', 'receivables:Backing', { receivableId: partA }));
    expect(backing.lease.supplierPaid).to.equal('60000000');
    await finance(`FA${id}`, 'receivable', partA, lessor, ['BankMSP', 'LessorMSP'], 7000);
    const a = await regulator.evaluate<{ receivable: { status: string; pledge: { bank: string } } }>('scf', 'receivables:Get', { receivableId: partA });
    expect(a.receivable).to.deep.include({ status: 'financed' });
    expect(a.receivable.pledge.bank).to.equal('BankMSP');
    advanceA = BigInt((await regulator.evaluate<{ terms: { advance: string } }>('scf', 'financing:GetTerms', { financingId: `FA${id}` })).terms.advance);
    expect(advanceA).to.equal((faceA * 7000n) / 10000n);

    const moved = await lessor.submit<{ receivable: { holder: string; holders: string[] }; privateTerms: { collection: string } }>(
      'scf',
      'receivables:Transfer',
      { receivableId: partB, to: `SupplierMSP:${supplierEid}` },
      { transient: { assignment: { consideration: '20000000' }, salt: salt() }, endorsingOrganizations: ['LessorMSP', 'SupplierMSP', 'RegulatorMSP'] },
    );
    expect(moved.receivable.holders).to.deep.equal(['LessorMSP', `SupplierMSP:${supplierEid}`]);
    expect(moved.privateTerms.collection).to.equal('termsLessorSupplier');
  });

  it('order financing: the supplier registers a PO, the lessor confirms, the bank finances it; a sub-supplier derives an order', async () => {
    const po = await supplier.submit<{ buyer: string; status: string }>('scf', 'orders:Register', {
      orderId,
      leaseId,
      items: [{ description: 'Inverter 100kW', model: 'INV-100', quantity: 5 }],
      amount: '5000000',
      dueDate: '2027-03-01',
    });
    expect(po).to.include({ buyer: 'LessorMSP', status: 'registered' });
    await eventually(() => lessor.evaluate('scf', 'orders:Get', { orderId }));
    // A registered order's key-level policy names the seller's and the buyer's orgs and a channel majority (3 of 4).
    await lessor.submit('scf', 'orders:Confirm', { orderId }, { endorsingOrganizations: ['LessorMSP', 'SupplierMSP', 'BankMSP'] });
    await finance(`FO${id}`, 'order', orderId, supplier, ['BankMSP', 'SupplierMSP'], 6000);
    expect(await regulator.evaluate('scf', 'orders:Get', { orderId })).to.include({ status: 'financed' });
    await eventually(() => supplier.evaluate<{ status: string }>('scf', 'orders:Get', { orderId }), (o) => o.status === 'financed');

    // The sub-supplier's derived order to the supplier, confirmed by the supplier, financed on its own.
    const derived = await subSupplier.submit<{ buyer: string; seller: string }>('scf', 'orders:Register', {
      orderId: derivedId,
      parentOrderId: orderId,
      items: [{ description: 'IGBT module', quantity: 40 }],
      amount: '1200000',
      dueDate: '2027-02-01',
    }, { endorsingOrganizations: ['SupplierMSP', 'BankMSP', 'RegulatorMSP'] });
    expect(derived).to.include({ buyer: `SupplierMSP:${supplierEid}`, seller: `SupplierMSP:${subEid}` });
    await eventually(() => bank.evaluate('scf', 'orders:Get', { orderId: derivedId }));
    await supplier.submit('scf', 'orders:Confirm', { orderId: derivedId }, { endorsingOrganizations: ['SupplierMSP', 'BankMSP', 'RegulatorMSP'] });
    await eventually(() => bank.evaluate<{ status: string }>('scf', 'orders:Get', { orderId: derivedId }), (o) => o.status === 'confirmed');
    await finance(`FD${id}`, 'order', derivedId, subSupplier, ['BankMSP', 'SupplierMSP'], 5000);

    // The supplier repays its order loan directly; the bank records it (amount private), the pledge is released.
    const { terms: t } = await bank.evaluate<{ terms: { advance: string } }>('scf', 'financing:GetTerms', { financingId: `FO${id}` });
    const repaid = await bank.submit<{ status: string }>('scf', 'financing:RecordRepayment', { financingId: `FO${id}`, evidenceHash: H('b') }, {
      transient: { repayment: { amount: t.advance }, salt: salt() },
      endorsingOrganizations: ['BankMSP', 'SupplierMSP', 'RegulatorMSP'],
    });
    expect(repaid.status).to.equal('repaid');
    await eventually(() => regulator.evaluate<{ status: string }>('scf', 'orders:Get', { orderId }), (o) => o.status === 'repaid');
  });

  it('rent collection repays the bank first, then the holder; the receivable is repaid and its pledge released', async () => {
    const { schedule } = await bank.evaluate<{ schedule: { n: number; rent: string }[] }>('scf', 'leasing:Get', { leaseId });
    expect(schedule).to.have.length(3);
    await lessor.submit('scf', 'leasing:RecordRentCollected', { leaseId, instalment: 1, amount: schedule[0]!.rent, evidenceHash: H('5') });
    const early = await lessor.evaluate<{ toBank: string; toHolder: string; bankOutstanding: string }>('scf', 'financing:Waterfall', { financingId: `FA${id}` });
    expect(early.toHolder).to.equal('0');
    expect(BigInt(early.toBank) + BigInt(early.bankOutstanding)).to.equal(advanceA);
    await eventually(() => bank.evaluate<{ collected: string }>('scf', 'leasing:Get', { leaseId }), (l) => l.collected === schedule[0]!.rent);
    const partial = await bank.submit<{ status: string }>('scf', 'financing:Settle', { financingId: `FA${id}` }, { transient: { salt: salt() }, endorsingOrganizations: ['BankMSP', 'LessorMSP'] });
    expect(partial.status).to.equal('advanced');

    for (const row of schedule.slice(1)) {
      await lessor.submit('scf', 'leasing:RecordRentCollected', { leaseId, instalment: row.n, amount: row.rent, evidenceHash: H('6') });
    }
    await eventually(() => regulator.evaluate<{ status: string }>('scf', 'leasing:Get', { leaseId }), (l) => l.status === 'completed');
    await eventually(() => bank.evaluate<{ status: string }>('scf', 'leasing:Get', { leaseId }), (l) => l.status === 'completed');
    await eventually(() => lessor.evaluate<Fin>('scf', 'financing:Get', { financingId: `FA${id}` }), (f) => f.financing.status === 'advanced');
    const end = await regulator.evaluate<{ collected: string; toBank: string; toHolder: string }>('scf', 'financing:Waterfall', { financingId: `FA${id}` });
    expect(end.collected).to.equal(faceA.toString());
    expect(BigInt(end.toBank)).to.equal(advanceA);
    expect(BigInt(end.toHolder)).to.equal(faceA - advanceA);

    const done = await lessor.submit<{ status: string }>('scf', 'financing:Settle', { financingId: `FA${id}` }, { transient: { salt: salt() }, endorsingOrganizations: ['LessorMSP', 'BankMSP', 'RegulatorMSP'] });
    expect(done.status).to.equal('repaid');
    await eventually(() => regulator.evaluate<Fin>('scf', 'financing:Get', { financingId: `FA${id}` }), (f) => f.financing.status === 'repaid');
    await eventually(() => bank.evaluate<Fin>('scf', 'financing:Get', { financingId: `FA${id}` }), (f) => f.financing.status === 'repaid');
    const a = await bank.evaluate<{ receivable: { status: string; pledge: { releasedAt?: string } } }>('scf', 'receivables:Get', { receivableId: partA });
    expect(a.receivable.status).to.equal('repaid');
    expect(a.receivable.pledge.releasedAt).to.be.a('string');
    const settlement = await regulator.evaluate<{ settlement: { bankRepaid: string; holderReceived: string } }>('scf', 'financing:GetTerms', { financingId: `FA${id}` });
    expect(settlement.settlement).to.deep.include({ bankRepaid: advanceA.toString(), holderReceived: (faceA - advanceA).toString() });
  });

  it('refuses rule violations by committing alerts the regulator lists; private figures stay in the pair collection', async () => {
    // Double financing of the repaid part (repaid, but never financeable again).
    const twice = await bank.submit<Refusal>('scf', 'financing:Offer', { financingId: `FX${id}`, assetType: 'receivable', assetId: partA }, {
      transient: { terms: terms(5000) },
      endorsingOrganizations: ['BankMSP', 'LessorMSP'],
    });
    expect(twice).to.include({ refused: true, rule: 'double-financing', transaction: 'financing:Offer' });
    // Above the advance cap (8000 bps by default) on the supplier's part.
    const over = await bank.submit<Refusal>('scf', 'financing:Offer', { financingId: `FY${id}`, assetType: 'receivable', assetId: partB }, {
      transient: { terms: terms(9100) },
      endorsingOrganizations: ['BankMSP', 'SupplierMSP'],
    });
    expect(over).to.include({ refused: true, rule: 'max-advance-rate' });
    expect(JSON.stringify(over)).not.to.contain('9100');

    const alerts = await eventually(
      () => regulator.evaluate<{ alertId: string; rule: string; assetId: string; reportedBy: string }[]>('scf', 'rules:ListAlerts'),
      (list) => list.some((a) => a.alertId === over.alertId),
    );
    const mine = alerts.filter((a) => a.alertId === twice.alertId || a.alertId === over.alertId);
    expect(mine.map((a) => [a.rule, a.assetId, a.reportedBy]).sort()).to.deep.equal([
      ['double-financing', partA, 'chaincode'],
      ['max-advance-rate', partB, 'chaincode'],
    ]);
    expect(JSON.stringify(mine)).not.to.contain('9100');
    const detail = await regulator.evaluate<{ privateDetail: { detail: string } }>('scf', 'rules:GetAlert', { alertId: over.alertId });
    expect(detail.privateDetail.detail).to.contain('9100');
    // Business state is untouched: neither refused financing exists, part B is still active.
    for (const financingId of [`FX${id}`, `FY${id}`]) {
      expect(errorText(await regulator.evaluate('scf', 'financing:Get', { financingId }).catch((e: unknown) => e))).to.match(/NOT_FOUND/);
    }
    expect((await regulator.evaluate<{ receivable: { status: string } }>('scf', 'receivables:Get', { receivableId: partB })).receivable.status).to.equal('active');
  });

  it("shows the regulator every asset's key history, and refuses the regulator's attempts to change business state", async () => {
    type Audit = { history: { txId: string; value: { status: string } }[] };
    const part = await regulator.evaluate<Audit>('scf', 'audit:History', { assetType: 'receivable', assetId: partA });
    expect(part.history.map((h) => h.value.status).reverse()).to.deep.equal(['active', 'financed', 'repaid']);
    const fin = await regulator.evaluate<Audit>('scf', 'audit:History', { assetType: 'financing', assetId: `FA${id}` });
    expect(fin.history.map((h) => h.value.status).reverse()).to.deep.equal(['offered', 'accepted', 'advanced', 'advanced', 'repaid']);
    const order = await regulator.evaluate<Audit>('scf', 'audit:History', { assetType: 'order', assetId: orderId });
    expect(order.history.map((h) => h.value.status).reverse()).to.deep.equal(['registered', 'confirmed', 'financed', 'financed', 'repaid']);
    const lease = await regulator.evaluate<Audit>('scf', 'audit:History', { assetType: 'lease', assetId: leaseId });
    expect(lease.history.length).to.be.greaterThan(5);
    // A party reads its own asset's history; a non-party is refused.
    expect((await bank.evaluate<Audit>('scf', 'audit:History', { assetType: 'receivable', assetId: partA })).history).to.have.length(3);
    expect(errorText(await subSupplier.evaluate('scf', 'audit:History', { assetType: 'receivable', assetId: partA }).catch((e: unknown) => e))).to.match(/ACCESS_DENIED/);

    const attempts: [string, unknown][] = [
      ['receivables:Transfer', { receivableId: partB, to: `SupplierMSP:${subEid}` }],
      ['financing:Settle', { financingId: `FA${id}` }],
      ['leasing:RecordRentCollected', { leaseId, instalment: 1, amount: '1', evidenceHash: H('7') }],
      ['orders:Confirm', { orderId }],
    ];
    for (const [fn, input] of attempts) {
      const err = await regulator.submit('scf', fn, input, { endorsingOrganizations: ['RegulatorMSP', 'BankMSP'] }).catch((e: unknown) => e);
      expect(errorText(err), fn).to.match(new RegExp(`ACCESS_DENIED: ${fn}: caller RegulatorMSP role=regulator may not call it`));
    }
    const after = await regulator.evaluate<Audit>('scf', 'audit:History', { assetType: 'receivable', assetId: partB });
    expect(after.history[0]?.value.status).to.equal('active');
    expect(after.history).to.have.length(2); // created by the split, transferred to the supplier
  });

  it('shows the platform org, which is not on the scf channel, nothing: neither through its own peer nor through a member peer', async () => {
    const cases = [
      // Its own peer never joined scf.
      [platform, 'own peer', /failed to get config for channel \[scf\]/],
      // A member's peer refuses the proposal before any chaincode runs: PlatformMSP is not an org of scf.
      [platformViaBankPeer, 'BankMSP peer', /access denied: channel \[scf\] creator org unknown/],
    ] as const;
    for (const [actor, via, reason] of cases) {
      for (const [fn, input] of [['receivables:Get', { receivableId: partA }], ['financing:Get', { financingId: `FA${id}` }]] as const) {
        const text = errorText(await actor.evaluate('scf', fn, input).catch((e: unknown) => e));
        expect(text, `${fn} via ${via}`).to.match(reason);
        expect(text, `${fn} via ${via}`).not.to.contain(partA);
      }
    }
    // Nor can it write anything.
    const write = await platformViaBankPeer.submit('scf', 'network:Probe', { note: 'platform' }, { endorsingOrganizations: ['BankMSP', 'LessorMSP'] }).catch((e: unknown) => e);
    expect(errorText(write)).to.match(/creator org unknown/);
  });
});
