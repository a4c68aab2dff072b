/**
 * The dividend rounding rule with many holders (pure logic): every period's
 * pool is paid out as floor shares plus a remainder carried into the next
 * period, so over any number of pages and periods no base unit is lost or
 * created; periods run in order and are paid once.
 */
import { expect } from 'chai';
import type { EnergyEnv } from '../common/env';
import { declare, holderShare, payPage, splitRevenue } from './dividends';
import { certificateId, type Certificate, type Project } from './state';

const env = (now: string): EnergyEnv => ({ txId: 'tx', now, actor: { mspId: 'PlatformMSP', id: 'op', attribute: () => undefined } });

/** 257 holders with awkward, deterministic unit counts (a linear congruential sequence). */
function holders(n: number): Certificate[] {
  let x = 12345n;
  return Array.from({ length: n }, (_, seq) => {
    x = (x * 1103515245n + 12345n) % 2147483648n;
    return { id: certificateId('proj:' + '0'.repeat(32), seq), projectId: 'proj:' + '0'.repeat(32), seq, holder: `h${seq % 50}`, units: (x + 1n).toString(), issuedAt: '' };
  });
}

function project(certs: Certificate[]): Project {
  const raised = certs.reduce((s, c) => s + BigInt(c.units), 0n).toString();
  const zero = { DEC: '0', DECC: '0' };
  return {
    id: 'proj:' + '0'.repeat(32), fundraiser: 'f', title: 't', target: raised, minSubscription: '1', maxSubscription: raised, deadline: '2026-01-01T00:00:00.000Z',
    closeOnTarget: false, budget: [], dividend: { shareBps: 7333, periodMinutes: 30 * 1440 }, documents: [], status: 'succeeded', submittedAt: '', closedAt: '2026-01-01T00:00:00.000Z',
    raised, refunded: '0', certificates: certs.length, funders: certs.length, refundCursor: 0, progressReports: 0,
    revenue: zero, dividendsPaid: zero, ownerShare: zero, carried: zero, lastPeriod: { DEC: 0, DECC: 0 },
  };
}

function runPeriod(p: Project, certs: Certificate[], n: number, accrued: bigint, pageSize: number): { project: Project; paid: bigint; pool: bigint; owner: bigint; perCert: bigint[] } {
  const now = new Date(Date.parse('2026-01-01T00:00:00.000Z') + n * 30 * 86_400_000).toISOString();
  const d = declare(p, 'DECC', n, accrued, env(now)).state;
  let proj = d.project;
  let period = d.period;
  let paid = 0n;
  const perCert: bigint[] = [];
  while (period.status !== 'paid') {
    const to = Math.min(proj.certificates, period.nextSeq + pageSize);
    const page = payPage(proj, period, certs.slice(period.nextSeq, to), to, env(now)).state;
    for (const x of page.payouts) {
      paid += x.amount;
      perCert.push(x.amount);
    }
    proj = page.project;
    period = page.period;
  }
  expect(BigInt(period.paid)).to.equal(paid);
  expect(paid + BigInt(period.dust)).to.equal(BigInt(period.pool));
  return { project: proj, paid, pool: BigInt(period.pool), owner: BigInt(period.ownerShare), perCert };
}

describe('crowdfunding dividends: rounding rule', () => {
  it('splits revenue by floor for the holders, the rest to the fundraiser', () => {
    expect(splitRevenue(1_000_001n, 8000)).to.deep.equal({ holders: 800_000n, owner: 200_001n });
    expect(splitRevenue(1n, 9999)).to.deep.equal({ holders: 0n, owner: 1n });
    expect(holderShare(10n, 1n, 3n)).to.equal(3n);
  });

  it('with 257 holders over 4 periods and pages of 37, pays every unit of revenue to holders, fundraiser or the carried remainder', () => {
    const certs = holders(257);
    let p = project(certs);
    const revenues = [999_999_999_999n, 7n, 1_000_003n, 123_456_789_012_345_678_901n];
    let totalPaid = 0n;
    let totalOwner = 0n;
    let revenueAccount = 0n;
    for (const [i, fresh] of revenues.entries()) {
      revenueAccount += fresh;
      const r = runPeriod(p, certs, i + 1, revenueAccount, 37);
      revenueAccount -= r.owner + r.paid;
      totalPaid += r.paid;
      totalOwner += r.owner;
      p = r.project;
      expect(BigInt(p.carried.DECC)).to.equal(revenueAccount);
      expect(revenueAccount < BigInt(certs.length)).to.equal(true);
      const units = certs.map((c) => BigInt(c.units));
      r.perCert.forEach((amount, k) => expect(amount).to.equal((r.pool * (units[k] ?? 0n)) / BigInt(p.raised)));
    }
    const sum = revenues.reduce((s, x) => s + x, 0n);
    expect(totalPaid + totalOwner + revenueAccount).to.equal(sum);
    expect(p.dividendsPaid.DECC).to.equal(totalPaid.toString());
    expect(p.lastPeriod.DECC).to.equal(4);
  });

  it('refuses a period twice, out of order, before it ends, or while another is being paid', () => {
    const certs = holders(3);
    const p = project(certs);
    const later = '2026-12-01T00:00:00.000Z';
    expect(() => declare(p, 'DEC', 2, 10n, env(later))).to.throw(/request\.period: must be the next period, 1/);
    expect(() => declare(p, 'DEC', 1, 10n, env('2026-01-15T00:00:00.000Z'))).to.throw(/request\.period: period 1 ends at/);
    const open = declare(p, 'DEC', 1, 10n, env(later)).state.project;
    expect(() => declare(open, 'DECC', 1, 10n, env(later))).to.throw(/still being paid/);
    const paid = runPeriod(p, certs, 1, 10n, 2).project;
    expect(() => declare({ ...paid, lastPeriod: { ...paid.lastPeriod, DEC: 1 } }, 'DEC', 1, 10n, env(later))).to.throw(/request\.period: period 1 of DEC was already declared/);
  });
});
