/**
 * Issue 13 item 2 on the real network: a receivable part, purchase order or
 * warehouse receipt carries a key-level endorsement policy, and Fabric checks
 * ONLY that policy for the key. It must therefore need the asset's parties
 * (holder; seller and buyer; owner and issuer; plus the pledgee bank while
 * pledged) AND a majority of the channel in total, so that neither one org
 * running a modified chaincode server, nor two colluding parties, can endorse
 * a new value alone. Each transaction is endorsed by a chosen set of orgs and
 * committed; Fabric's validation code says whether the set sufficed.
 */
import { waitForBlock } from '@dec/fabric-client';
import { expect } from 'chai';
import { ActorPool, runId, type Actor } from '../index';
import { eventually, H, salt } from '../chaincode/scf-support';

const VALID = 0;
const ENDORSEMENT_POLICY_FAILURE = 10;
const ALL = ['BankMSP', 'LessorMSP', 'SupplierMSP', 'RegulatorMSP'];

/**
 * Endorses `fn` on exactly `orgs`' peers, submits, and returns Fabric's validation code,
 * once every member's peer holds the block (the next step may be endorsed on any of them).
 */
async function committedCode(actor: Actor, fn: string, input: unknown, orgs: string[], transient: Record<string, unknown> = {}): Promise<number> {
  const transientData = Object.fromEntries(Object.entries(transient).map(([k, v]) => [k, JSON.stringify(v)]));
  const proposal = actor.contract('scf').newProposal(fn, { arguments: [JSON.stringify(input)], transientData, endorsingOrganizations: orgs });
  const status = await (await (await proposal.endorse()).submit()).getStatus();
  await waitForBlock(actor.network('scf'), ALL, status.blockNumber);
  return status.code;
}

describe('scf key-level endorsement needs the parties and a channel majority (real network)', function () {
  const pool = new ActorPool();
  let projectCompany: Actor, lessor: Actor, bank: Actor, supplier: Actor, regulator: Actor, logistics: Actor;
  const id = runId();
  const leaseId = `K${id}`;
  const supplierEid = `sup${id}`;
  const supplierParty = `SupplierMSP:${supplierEid}`;

  const holderOf = async (receivableId: string): Promise<string> =>
    (await regulator.evaluate<{ receivable: { holder: string } }>('scf', 'receivables:Get', { receivableId })).receivable.holder;

  before(async () => {
    [projectCompany, lessor, bank, supplier, regulator, logistics] = await Promise.all([
      pool.enroll('LessorMSP', 'pc', { role: 'project-company', eid: `pc${id}` }),
      pool.enroll('LessorMSP', 'lessor', { role: 'lessor-officer' }),
      pool.enroll('BankMSP', 'bank', { role: 'bank-officer' }),
      pool.enroll('SupplierMSP', 'supplier', { role: 'supplier', eid: supplierEid }),
      pool.enroll('RegulatorMSP', 'regulator', { role: 'regulator' }),
      pool.enroll('LessorMSP', 'logistics', { role: 'logistics', eid: `log${id}` }),
    ]);
    const all = { endorsingOrganizations: ALL };
    await projectCompany.submit('scf', 'leasing:Apply', { leaseId, stationId: `ST-${id}`, constructionApprovalHash: H('c'), equipment: [{ description: 'PV module', quantity: 10 }], supplier: supplierParty, amount: '3000000' }, all);
    await lessor.submit('scf', 'leasing:Approve', { leaseId, principal: '3000000', rateBps: 600, termMonths: 12, firstDueDate: '2027-01-01' }, all);
    await lessor.submit('scf', 'leasing:RecordSupplierPayment', { leaseId, amount: '3000000', evidenceHash: H('1') }, all);
    const root = await lessor.submit<{ amount: string }>('scf', 'receivables:Issue', { leaseId }, all);
    const third = BigInt(root.amount) / 3n;
    await lessor.submit('scf', 'receivables:Split', { receivableId: leaseId, amounts: [third, third, BigInt(root.amount) - 2n * third].map(String) }, all);
    await eventually(() => holderOf(`${leaseId}.3`));
  });
  after(() => {
    pool.close();
  });

  it('receivables:Transfer: the holder alone, or with one other org, is invalidated; without the holder too; holder + majority commits', async () => {
    const part = `${leaseId}.1`;
    const move = { receivableId: part, to: supplierParty };
    expect(await committedCode(lessor, 'receivables:Transfer', move, ['LessorMSP'])).to.equal(ENDORSEMENT_POLICY_FAILURE);
    expect(await committedCode(lessor, 'receivables:Transfer', move, ['LessorMSP', 'BankMSP'])).to.equal(ENDORSEMENT_POLICY_FAILURE);
    expect(await committedCode(lessor, 'receivables:Transfer', move, ['BankMSP', 'SupplierMSP', 'RegulatorMSP'])).to.equal(ENDORSEMENT_POLICY_FAILURE);
    expect(await holderOf(part)).to.equal('LessorMSP');
    expect(await committedCode(lessor, 'receivables:Transfer', move, ['LessorMSP', 'BankMSP', 'RegulatorMSP'])).to.equal(VALID);
    await eventually(() => holderOf(part), (h) => h === supplierParty);
    // The new holder's org alone cannot move it on either.
    const onward = { receivableId: part, to: `SupplierMSP:other${id}` };
    expect(await committedCode(supplier, 'receivables:Transfer', onward, ['SupplierMSP'])).to.equal(ENDORSEMENT_POLICY_FAILURE);
    expect(await holderOf(part)).to.equal(supplierParty);
  });

  it('the gateway plans endorsement for the key policy by itself (no orgs named, as the REST gateway submits)', async () => {
    const part = `${leaseId}.2`;
    await lessor.submit('scf', 'receivables:Transfer', { receivableId: part, to: supplierParty });
    await eventually(() => holderOf(part), (h) => h === supplierParty);
  });

  it("orders:Confirm (the buyer's act): seller alone or buyer alone is invalidated; without the buyer's org too; buyer + majority commits", async () => {
    const orderId = `PO${id}`;
    await supplier.submit('scf', 'orders:Register', { orderId, leaseId, items: [{ description: 'PV module', quantity: 10 }], amount: '900000', dueDate: '2027-06-30' }, { endorsingOrganizations: ALL });
    const status = async (): Promise<string> => (await regulator.evaluate<{ status: string }>('scf', 'orders:Get', { orderId })).status;
    await eventually(status);
    for (const orgs of [['SupplierMSP'], ['LessorMSP'], ['SupplierMSP', 'BankMSP', 'RegulatorMSP']]) {
      expect(await committedCode(lessor, 'orders:Confirm', { orderId }, orgs), orgs.join('+')).to.equal(ENDORSEMENT_POLICY_FAILURE);
    }
    expect(await status()).to.equal('registered');
    expect(await committedCode(lessor, 'orders:Confirm', { orderId }, ['LessorMSP', 'SupplierMSP', 'BankMSP'])).to.equal(VALID);
    await eventually(status, (s) => s === 'confirmed');
  });

  it('warehouse ConsentRelease / Release of a pledged receipt: one org, or the two parties alone, are invalidated; with a majority they commit', async () => {
    const receiptId = `WR${id}`;
    const financingId = `WF${id}`;
    const pair = ['BankMSP', 'SupplierMSP', 'RegulatorMSP']; // members of termsBankSupplier
    await logistics.submit('scf', 'warehouse:IssueReceipt', { receiptId, owner: supplierParty, goods: [{ description: 'PV module', quantity: 5 }], value: '400000', location: 'Hefei' }, { endorsingOrganizations: ALL });
    const receipt = async (): Promise<{ status: string; releaseConsent?: unknown }> => regulator.evaluate('scf', 'warehouse:Get', { receiptId });
    await eventually(receipt);
    await bank.submit('scf', 'financing:Offer', { financingId, assetType: 'receipt', assetId: receiptId }, { transient: { terms: { advanceRateBps: 5000, discountBps: 100, maturityDate: '2027-12-31', salt: salt() }, salt: salt() }, endorsingOrganizations: pair });
    const { termsHash } = await eventually(() => supplier.evaluate<{ termsHash: string }>('scf', 'financing:Get', { financingId }));
    await supplier.submit('scf', 'financing:Accept', { financingId, termsHash }, { transient: { salt: salt() }, endorsingOrganizations: pair });
    await eventually(receipt, (r) => r.status === 'financed');

    // Pledged: the owner's org (Supplier) and the bank's are required, plus one more (here the issuer's, Lessor).
    for (const orgs of [['BankMSP'], ['BankMSP', 'SupplierMSP']]) {
      expect(await committedCode(bank, 'warehouse:ConsentRelease', { receiptId }, orgs), orgs.join('+')).to.equal(ENDORSEMENT_POLICY_FAILURE);
    }
    expect((await receipt()).releaseConsent).to.equal(undefined);
    expect(await committedCode(bank, 'warehouse:ConsentRelease', { receiptId }, ['BankMSP', 'SupplierMSP', 'LessorMSP'])).to.equal(VALID);
    await eventually(receipt, (r) => r.releaseConsent !== undefined);

    for (const orgs of [['LessorMSP'], ['LessorMSP', 'SupplierMSP']]) {
      expect(await committedCode(logistics, 'warehouse:Release', { receiptId }, orgs), orgs.join('+')).to.equal(ENDORSEMENT_POLICY_FAILURE);
    }
    expect((await receipt()).status).to.equal('financed');
    expect(await committedCode(logistics, 'warehouse:Release', { receiptId }, ['LessorMSP', 'SupplierMSP', 'BankMSP'])).to.equal(VALID);
    await eventually(receipt, (r) => r.status === 'released');
  });
});
