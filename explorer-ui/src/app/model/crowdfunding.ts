/**
 * What the crowdfunding pages show, computed from the chaincode's answers
 * (`crowdfunding:GetProject`, `Certificates`, `Drawdowns`, `Periods`): the
 * raise funder by funder against the target, each budget line against what
 * was drawn, and the dividends paid. Pure, so it is unit-tested apart from
 * the DOM. Amounts stay base-unit strings; chart values are whole DEC.
 */

export interface BudgetLine { purpose: string; amount: string; drawn: string }
export interface ProjectRecord {
  id: string;
  title: string;
  fundraiser: string;
  status: string;
  target: string;
  raised: string;
  deadline: string;
  closedAt?: string;
  funders: number;
  certificates: number;
  budget: BudgetLine[];
  dividend: { shareBps: number; periodMinutes: number };
  revenue: { DEC: string; DECC: string };
  dividendsPaid: { DEC: string; DECC: string };
  balances?: { escrow: string; revenue: { DEC: string; DECC: string } };
}
export interface CertificateRecord { id: string; projectId: string; seq: number; holder: string; units: string; issuedAt: string }
export interface DrawdownRecord { projectId: string; purpose: string; amount: string; evidenceHash: string; note?: string; at: string; txId: string }
export interface PeriodRecord { asset: 'DEC' | 'DECC'; period: number; pool: string; ownerShare: string; paid: string; dust: string; status: string; declaredAt: string; paidAt?: string }

const ONE_DEC = 10n ** 18n;

/** A DEC base-unit amount as a chart number of DEC (exact to 1e-6 DEC, enough for a chart). */
export function decNumber(amount: string): number {
  const v = BigInt(amount);
  return Number(v / ONE_DEC) + Number((v % ONE_DEC) / 10n ** 12n) / 1e6;
}

/** Percent of the target raised, one decimal, rounded down (never shows 100 % before the target). */
export function progressPercent(p: Pick<ProjectRecord, 'raised' | 'target'>): string {
  const target = BigInt(p.target);
  if (target === 0n) return '0.0';
  const permille = (BigInt(p.raised) * 1000n) / target;
  return `${String(permille / 10n)}.${String(permille % 10n)}`;
}

/** Cumulative raise after each funder's certificate (x = funder number, from 1), starting at 0. */
export function raisePoints(certs: readonly CertificateRecord[]): { x: number; y: number }[] {
  let sum = 0n;
  const points = [{ x: 0, y: 0 }];
  [...certs].sort((a, b) => a.seq - b.seq).forEach((c, i) => {
    sum += BigInt(c.units);
    points.push({ x: i + 1, y: decNumber(sum.toString()) });
  });
  return points;
}

/** The budget lines as bar points (x = line number), budget and drawn. */
export function budgetPoints(budget: readonly BudgetLine[]): { budget: { x: number; y: number }[]; drawn: { x: number; y: number }[] } {
  return {
    budget: budget.map((b, i) => ({ x: i, y: decNumber(b.amount) })),
    drawn: budget.map((b, i) => ({ x: i, y: decNumber(b.drawn) })),
  };
}

/** Totals of a holder's certificates per project: units and share of the project's raise (basis points, rounded down). */
export function holdingShareBps(units: string, raised: string): number {
  const total = BigInt(raised);
  return total === 0n ? 0 : Number((BigInt(units) * 10_000n) / total);
}

/** Sum of what the paid periods paid out (base units). */
export function totalPaid(periods: readonly PeriodRecord[]): string {
  return periods.reduce((s, p) => s + BigInt(p.paid), 0n).toString();
}
