/**
 * Issue 13 item 4: rules:CheckFinancing reveals nothing about a bank's
 * exposure to a counterparty unless the caller is party to that pair (the bank
 * or the holder) or the regulator. Anyone else gets the concentration rule in
 * `unchecked`, without figures, even when its peer could read the collection.
 */
import { expect } from 'chai';
import { SALT, Scf, who } from '../test-support/fixtures';

const terms = { advanceRateBps: 7_000, discountBps: 150, maturityDate: '2027-03-01', salt: SALT };

interface Check {
  allowed: boolean;
  violations: { rule: string; message: string }[];
  unchecked: string[];
}

/** BankMSP has 700,000 outstanding to the lessor (L1 financed at 70 %); the limit is 710,000, which a 70 % advance on L1.2 (about 32,000 face) passes. */
async function exposed(): Promise<Scf> {
  const s = new Scf();
  await s.approvedLease('L1', '1000000');
  await s.call('receivables:Issue', who.lessor, { leaseId: 'L1' });
  await s.call('receivables:Split', who.lessor, { receivableId: 'L1', amounts: ['1000000', String(BigInt((await s.result<{ receivable: { amount: string } }>('receivables:Get', who.lessor, { receivableId: 'L1' })).receivable.amount) - 1_000_000n)] });
  await s.call('financing:Offer', who.bank, { financingId: 'F1', assetType: 'receivable', assetId: 'L1.1' }, { terms });
  const { termsHash } = await s.result<{ termsHash: string }>('financing:Get', who.lessor, { financingId: 'F1' });
  await s.call('financing:Accept', who.lessor, { financingId: 'F1', termsHash });
  await s.call('rules:SetRules', who.regulator, { concentrationLimit: '710000' });
  return s;
}

const ask = { assetType: 'receivable', assetId: 'L1.2', advanceRateBps: 7_000, bank: 'BankMSP' };

describe('scf rules:CheckFinancing privacy (issue 13 item 4)', () => {
  it('tells a caller outside the pair nothing about the exposure', async () => {
    const s = await exposed();
    for (const outsider of [who.supplier, who.insurer, who.logistics, who.projectCompany]) {
      const check = await s.result<Check>('rules:CheckFinancing', outsider, ask);
      expect(check.violations.map((v) => v.rule), outsider.name).to.deep.equal([]);
      expect(check.unchecked).to.deep.equal(['concentration-limit']);
      expect(JSON.stringify(check)).not.to.match(/700000|outstanding/);
    }
  });

  it('checks the concentration for the bank, the holder and the regulator', async () => {
    const s = await exposed();
    for (const insider of [who.bank, who.lessor, who.regulator]) {
      const check = await s.result<Check>('rules:CheckFinancing', insider, ask);
      expect(check.violations.map((v) => v.rule), insider.name).to.deep.equal(['concentration-limit']);
      expect(check.unchecked).to.deep.equal([]);
    }
  });
});
