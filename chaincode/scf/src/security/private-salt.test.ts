/**
 * Issue 13 item 3: every private record carries a random salt from the
 * transient map, so nobody can recover it from the value hash every channel
 * member sees (an exposure or a settlement has few likely values). A write
 * without the salt is refused with a ValidationError naming `transient.salt`,
 * and changes nothing.
 */
import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { H, party, SALT, Scf, who } from '../test-support/fixtures';

const terms = { advanceRateBps: 7_000, discountBps: 150, maturityDate: '2027-03-01', salt: SALT };
const saltA = 'a'.repeat(32);
const saltB = 'b'.repeat(32);

async function offered(): Promise<{ s: Scf; termsHash: string }> {
  const s = new Scf();
  await s.approvedLease('L1', '1000000');
  await s.call('receivables:Issue', who.lessor, { leaseId: 'L1' });
  await s.call('financing:Offer', who.bank, { financingId: 'F1', assetType: 'receivable', assetId: 'L1' }, { terms });
  const { termsHash } = await s.result<{ termsHash: string }>('financing:Get', who.lessor, { financingId: 'F1' });
  return { s, termsHash };
}

function privateRecords(s: Scf): [string, Record<string, unknown>][] {
  return [...s.h.world.privateState.entries()].map(([k, v]) => [k, JSON.parse(Buffer.from(v).toString()) as Record<string, unknown>]);
}

function hashOf(s: Scf, objectType: string): string {
  const entry = [...s.h.world.privateState.entries()].find(([k]) => k.includes(`\u0000${objectType}\u0000`));
  if (!entry) throw new Error(`no private ${objectType}`);
  return createHash('sha256').update(entry[1]).digest('hex');
}

describe('scf private records are salted (issue 13 item 3)', () => {
  it('refuses financing:Accept without transient.salt, naming the field, and writes nothing', async () => {
    const { s, termsHash } = await offered();
    const before = s.snapshot();
    expect((await s.error('financing:Accept', who.lessor, { financingId: 'F1', termsHash }, { salt: undefined })).message).to.equal(
      'VALIDATION: transient.salt: is required in the transient map: this transaction writes a private record',
    );
    expect((await s.error('financing:Accept', who.lessor, { financingId: 'F1', termsHash }, { salt: 'not-hex' })).message).to.match(/^VALIDATION: transient\.salt: must be 32-128 lowercase hex/);
    expect(s.snapshot()).to.equal(before);
  });

  it('salts every private record of a financing (terms, exposure, settlement)', async () => {
    const { s, termsHash } = await offered();
    await s.call('financing:Accept', who.lessor, { financingId: 'F1', termsHash }, { salt: saltA });
    const records = privateRecords(s);
    expect(records.map(([k]) => k.split('\u0000')[2]).sort()).to.deep.equal(['exposure', 'settlement', 'terms']);
    for (const [key, value] of records) expect(value.salt, key).to.match(/^[0-9a-f]{64}$/);
    // One salt per record: the transaction's salt is never stored as such, and no two records share one.
    expect(new Set(records.map(([, v]) => v.salt)).size).to.equal(records.length);
    expect(JSON.stringify(records)).not.to.contain(saltA);
  });

  it('gives the same exposure and settlement different hashes under different salts', async () => {
    const runs = await Promise.all(
      [saltA, saltB, saltA].map(async (salt) => {
        const { s, termsHash } = await offered();
        await s.call('financing:Accept', who.lessor, { financingId: 'F1', termsHash }, { salt });
        return { exposure: hashOf(s, 'exposure'), settlement: hashOf(s, 'settlement') };
      }),
    );
    expect(runs[0]?.exposure).not.to.equal(runs[1]?.exposure);
    expect(runs[0]?.settlement).not.to.equal(runs[1]?.settlement);
    // Deterministic for one salt, as every endorser must compute the same write.
    expect(runs[0]).to.deep.equal(runs[2]);
  });

  it('refuses a receivable assignment record without transient.salt, and salts it when given', async () => {
    const s = new Scf();
    await s.approvedLease('L1', '1000000');
    await s.call('receivables:Issue', who.lessor, { leaseId: 'L1' });
    const before = s.snapshot();
    const move = { receivableId: 'L1', to: party.supplier };
    const assignment = { consideration: '900000' };
    expect((await s.error('receivables:Transfer', who.lessor, move, { assignment, salt: undefined })).message).to.match(/^VALIDATION: transient\.salt: is required with transient\.assignment/);
    expect(s.snapshot()).to.equal(before);
    await s.call('receivables:Transfer', who.lessor, move, { assignment, salt: saltA });
    const [[, record]] = privateRecords(s) as [[string, Record<string, unknown>]];
    expect(record).to.include({ consideration: '900000' });
    expect(record.salt).to.match(/^[0-9a-f]{64}$/);
  });

  it('salts a refusal detail and the repayment records of orders', async () => {
    const { s } = await offered();
    await s.call('rules:SetRules', who.regulator, { concentrationLimit: '100' });
    const refused = await s.refused('financing:Offer', who.bank, { financingId: 'F2', assetType: 'receivable', assetId: 'L1' }, { terms: { ...terms, salt: SALT } });
    const detail = privateRecords(s).find(([k]) => k.includes(refused.result.alertId));
    expect(detail?.[1].salt).to.match(/^[0-9a-f]{64}$/);
    expect(H('x')).to.have.length(64);
  });
});
