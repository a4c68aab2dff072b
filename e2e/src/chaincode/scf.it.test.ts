/**
 * The scf chaincode on the real `scf` channel, driven by users enrolled at
 * their orgs' Fabric CAs with the roles the chaincode checks: the figure-13
 * flow, private financing terms (transient in, hash on the channel, readable
 * only on member peers), key-level endorsement of a financed receivable, and a
 * real double-financing race decided by MVCC at validation.
 */
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ActorPool, runId, type Actor } from '../index';

const H = (c: string) => c.repeat(64).slice(0, 64);
const salt = () => randomBytes(16).toString('hex');

interface Fin {
  financing: { id: string; status: string; collection: string };
  termsHash: string;
}

/** What financing:Offer / Accept return (and commit, with an alert) when a regulator rule refuses them. */
interface Refusal {
  refused: true;
  rule: string;
  detail: string;
  alertId: string;
  transaction: string;
  financingId: string;
}

/**
 * A submit waits for the commit on the submitter's own peer only; another org's
 * peer may be a block behind. Before another org's peer reads (or endorses on)
 * what was just written, wait until `read` through that peer satisfies `ok`.
 */
async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean = () => true): Promise<T> {
  let last: unknown;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const value = await read();
      if (ok(value)) return value;
      last = value;
    } catch (e) {
      last = e;
    }
    await sleep(100);
  }
  throw new Error(`never became visible: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
}

/** The chaincode's message(s) inside a Fabric Gateway error, or the error itself. */
function errorText(e: unknown): string {
  if (!(e instanceof Error)) return `not an error: ${JSON.stringify(e)}`;
  const details = (e as { details?: { message: string }[] }).details ?? [];
  return [e.message, ...details.map((d) => d.message)].join(' | ');
}

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
  after(() => pool.close());

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

    await supplier.submit('scf', 'financing:Accept', { financingId, termsHash: offered.termsHash }, { endorsingOrganizations: ['SupplierMSP', 'BankMSP'] });
    await bank.submit('scf', 'financing:RecordAdvance', { financingId, evidenceHash: H('4') }, { endorsingOrganizations: ['BankMSP', 'SupplierMSP'] });

    const asRegulator = await regulator.evaluate<{ terms: { advanceRateBps: number; advance: string } }>('scf', 'financing:GetTerms', { financingId });
    expect(asRegulator.terms.advanceRateBps).to.equal(7000);
    expect(asRegulator.terms.advance).to.equal(((partA * 7000n) / 10000n).toString());
    // The lessor is not a party: refused by the chaincode.
    const lessorErr = await lessor.evaluate('scf', 'financing:GetTerms', { financingId }).catch((e: Error) => e);
    expect(String((lessorErr as { details?: { message: string }[] }).details?.[0]?.message ?? lessorErr)).to.match(/ACCESS_DENIED/);
    // A regulator asking through LessorMSP's peer, which is not in the collection, gets nothing.
    const viaNonMember = await regulatorViaLessorPeer.evaluate('scf', 'financing:GetTerms', { financingId }).catch((e: Error) => e);
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
        return lessor.contract('scf').newProposal('financing:Accept', { arguments: [JSON.stringify({ financingId, termsHash })], endorsingOrganizations: ['LessorMSP', 'BankMSP'] }).endorse();
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


/**
 * The white paper's flow end to end on the real network, each step by the
 * identity that does it in practice: application -> lease -> supplier payment ->
 * receivable -> bank financing -> split to the supplier -> order financing
 * (PO, confirmation, financing, sub-supplier derived order) -> rent collection ->
 * repayment (bank first, then the holder; pledge released). Then what the
 * regulator sees: refusal alerts, every asset's key history, and no way to
 * change business state; and that the platform org (not on `scf`) sees nothing.
 */
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
  after(() => pool.close());

  const terms = (advanceRateBps: number) => ({ advanceRateBps, discountBps: 120, maturityDate: '2027-12-31', salt: salt() });

  async function finance(financingId: string, assetType: string, assetId: string, holder: Actor, pair: string[], rateBps: number): Promise<void> {
    await bank.submit('scf', 'financing:Offer', { financingId, assetType, assetId }, { transient: { terms: terms(rateBps) }, endorsingOrganizations: pair });
    const { termsHash } = await eventually(() => holder.evaluate<Fin>('scf', 'financing:Get', { financingId }));
    const accepted = await holder.submit<Fin['financing']>('scf', 'financing:Accept', { financingId, termsHash }, { endorsingOrganizations: pair });
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
    await lessor.submit('scf', 'receivables:Split', { receivableId: leaseId, amounts: [faceA.toString(), (total - faceA).toString()] }, { endorsingOrganizations: ['LessorMSP', 'BankMSP'] });
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
      { transient: { assignment: { consideration: '20000000' } }, endorsingOrganizations: ['LessorMSP', 'SupplierMSP'] },
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
    // The order's key-level policy names the seller's org, so SupplierMSP must endorse the confirmation.
    await lessor.submit('scf', 'orders:Confirm', { orderId }, { endorsingOrganizations: ['LessorMSP', 'SupplierMSP'] });
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
    }, { endorsingOrganizations: ['SupplierMSP', 'BankMSP'] });
    expect(derived).to.include({ buyer: `SupplierMSP:${supplierEid}`, seller: `SupplierMSP:${subEid}` });
    await eventually(() => bank.evaluate('scf', 'orders:Get', { orderId: derivedId }));
    await supplier.submit('scf', 'orders:Confirm', { orderId: derivedId }, { endorsingOrganizations: ['SupplierMSP', 'BankMSP'] });
    await eventually(() => bank.evaluate<{ status: string }>('scf', 'orders:Get', { orderId: derivedId }), (o) => o.status === 'confirmed');
    await finance(`FD${id}`, 'order', derivedId, subSupplier, ['BankMSP', 'SupplierMSP'], 5000);

    // The supplier repays its order loan directly; the bank records it (amount private), the pledge is released.
    const { terms: t } = await bank.evaluate<{ terms: { advance: string } }>('scf', 'financing:GetTerms', { financingId: `FO${id}` });
    const repaid = await bank.submit<{ status: string }>('scf', 'financing:RecordRepayment', { financingId: `FO${id}`, evidenceHash: H('b') }, {
      transient: { repayment: { amount: t.advance } },
      endorsingOrganizations: ['BankMSP', 'SupplierMSP'],
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
    const partial = await bank.submit<{ status: string }>('scf', 'financing:Settle', { financingId: `FA${id}` }, { endorsingOrganizations: ['BankMSP', 'LessorMSP'] });
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

    const done = await lessor.submit<{ status: string }>('scf', 'financing:Settle', { financingId: `FA${id}` }, { endorsingOrganizations: ['LessorMSP', 'BankMSP'] });
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
