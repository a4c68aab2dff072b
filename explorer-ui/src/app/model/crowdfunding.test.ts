/** The crowdfunding page's figures: progress rounds down, the raise accumulates funder by funder, budget bars and holder shares. */
import { expect } from 'chai';
import { budgetPoints, decNumber, holdingShareBps, progressPercent, raisePoints, totalPaid, type CertificateRecord, type PeriodRecord } from './crowdfunding';

const DEC = (n: number): string => (BigInt(n) * 10n ** 18n).toString();
const cert = (seq: number, units: string): CertificateRecord => ({ id: `p/${String(seq)}`, projectId: 'p', seq, holder: `h${String(seq)}`, units, issuedAt: '' });

describe('crowdfunding page model', () => {
  it('shows progress to the target rounded down, never 100 % short of it', () => {
    expect(progressPercent({ raised: DEC(600), target: DEC(1000) })).to.equal('60.0');
    expect(progressPercent({ raised: (BigInt(DEC(1000)) - 1n).toString(), target: DEC(1000) })).to.equal('99.9');
    expect(progressPercent({ raised: DEC(1000), target: DEC(1000) })).to.equal('100.0');
    expect(progressPercent({ raised: '0', target: '0' })).to.equal('0.0');
  });

  it('accumulates the raise in certificate order and converts to whole DEC', () => {
    expect(raisePoints([cert(1, DEC(400)), cert(0, DEC(600))])).to.deep.equal([{ x: 0, y: 0 }, { x: 1, y: 600 }, { x: 2, y: 1000 }]);
    expect(decNumber('1500000000000000000')).to.equal(1.5);
  });

  it('plots budget lines against drawdowns and sums paid dividends', () => {
    expect(budgetPoints([{ purpose: 'panels', amount: DEC(700), drawn: DEC(700) }, { purpose: 'installation', amount: DEC(300), drawn: '0' }])).to.deep.equal({
      budget: [{ x: 0, y: 700 }, { x: 1, y: 300 }],
      drawn: [{ x: 0, y: 700 }, { x: 1, y: 0 }],
    });
    const p = (paid: string): PeriodRecord => ({ asset: 'DEC', period: 1, pool: paid, ownerShare: '0', paid, dust: '0', status: 'paid', declaredAt: '' });
    expect(totalPaid([p('5'), p('7')])).to.equal('12');
    expect(holdingShareBps(DEC(200), DEC(1000))).to.equal(2000);
    expect(holdingShareBps('1', '0')).to.equal(0);
  });
});
