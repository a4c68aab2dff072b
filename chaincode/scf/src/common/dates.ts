/**
 * Calendar arithmetic on YYYY-MM-DD strings with integers only, so every
 * endorser computes the same due dates whatever its time zone.
 */
import { daysInMonth } from './schemas';

function parse(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function format(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `date` plus `months` calendar months; the day is clamped to the month's end (Jan 31 + 1 = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parse(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return format(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Days since 1970-01-01 (Date.UTC is a pure function of its arguments, not the clock). */
export function dayNumber(date: string): number {
  const [y, m, d] = parse(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The calendar date (UTC) of an ISO timestamp such as ctx.ledger.txTime. */
export function dateOf(isoTimestamp: string): string {
  return isoTimestamp.slice(0, 10);
}
