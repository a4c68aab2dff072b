/**
 * The rent schedule of a lease: a level-payment (annuity) schedule computed with
 * bigint only, so every endorser gets the same numbers.
 *
 * Rounding, chosen so the schedule is reproducible and sums exactly:
 * - monthly rate = rateBps / 120000 (basis points per year / 12 months / 10000);
 * - level rent L = floor(P·r·(120000+r)^n / (120000·((120000+r)^n − 120000^n))),
 *   or floor(P / n) when the rate is 0 (exact rational arithmetic, then truncated);
 * - each month's interest = floor(balance·r / 120000), truncated in the lessee's favour;
 * - months 1..n−1 repay principal L − interest (never more than the balance left);
 * - the last month repays the whole remaining balance plus its interest, so it
 *   absorbs every truncation (it is a few base units larger than L at most).
 * Hence Σ principal = P exactly, and Σ rent = P + Σ interest exactly.
 */
import { addMonths } from '../common/dates';

export interface ScheduleRow {
  n: number;
  dueDate: string;
  principal: bigint;
  interest: bigint;
  rent: bigint;
}

export interface ScheduleTerms {
  principal: bigint;
  rateBps: number;
  termMonths: number;
  firstDueDate: string;
}

const MONTHLY_DENOMINATOR = 120_000n;

export function levelRent(principal: bigint, rateBps: number, termMonths: number): bigint {
  const n = BigInt(termMonths);
  const r = BigInt(rateBps);
  if (r === 0n) return principal / n;
  const growth = (MONTHLY_DENOMINATOR + r) ** n;
  const base = MONTHLY_DENOMINATOR ** n;
  return (principal * r * growth) / (MONTHLY_DENOMINATOR * (growth - base));
}

export function monthlyInterest(balance: bigint, rateBps: number): bigint {
  return (balance * BigInt(rateBps)) / MONTHLY_DENOMINATOR;
}

export function rentSchedule(terms: ScheduleTerms): ScheduleRow[] {
  const { principal, rateBps, termMonths, firstDueDate } = terms;
  if (principal <= 0n) throw new RangeError('principal must be positive');
  if (!Number.isInteger(termMonths) || termMonths < 1) throw new RangeError('termMonths must be a positive integer');
  const level = levelRent(principal, rateBps, termMonths);
  const rows: ScheduleRow[] = [];
  let balance = principal;
  for (let n = 1; n <= termMonths; n++) {
    const interest = monthlyInterest(balance, rateBps);
    let repaid: bigint;
    if (n === termMonths) repaid = balance;
    else {
      repaid = level - interest;
      if (repaid < 0n) repaid = 0n;
      if (repaid > balance) repaid = balance;
    }
    balance -= repaid;
    rows.push({ n, dueDate: addMonths(firstDueDate, n - 1), principal: repaid, interest, rent: repaid + interest });
  }
  return rows;
}

export function scheduleTotals(rows: ScheduleRow[]): { principal: bigint; interest: bigint; rent: bigint } {
  let principal = 0n;
  let interest = 0n;
  for (const row of rows) {
    principal += row.principal;
    interest += row.interest;
  }
  return { principal, interest, rent: principal + interest };
}
