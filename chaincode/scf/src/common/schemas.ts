/**
 * Input and state building blocks shared by every domain. IDs are restricted to
 * a safe alphabet without '.', because receivable part IDs are built as
 * `<parent>.<n>` and the root ID is recovered from the part ID.
 */
import { z } from 'zod';
import { alternatives, statedPattern } from '@dec/chaincode-kit/core';
import { SCF_MEMBERS } from './constants';

export const id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 characters of A-Z, a-z, 0-9, _ or -');

/** A receivable ID: a root ID followed by zero or more `.n` part numbers. */
export const receivableId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}(\.[1-9][0-9]{0,2}){0,8}$/, 'must be a receivable ID such as L1 or L1.2.1');

/** SHA-256 of an off-chain document, lowercase hex. */
export const hash = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 hash (64 lowercase hex characters)');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
  }, 'is not a calendar date');

export const text = (max: number): z.ZodString => z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/**
 * A party: an institution (`BankMSP`) or a company inside a member org
 * (`SupplierMSP:sub-supplier-7`). See access/party.ts for how a caller maps to one.
 */
/**
 * A party that acted on the channel, as its certificate made it (an insurer or logistics
 * firm may belong to an org that joined the channel later than the founding members).
 */
export const actingParty = z.string().regex(/^[A-Za-z0-9]+(:[A-Za-z0-9_.@-]{1,128})?$/, 'must be <MSP> or <MSP>:<company id>');

/** The company part of a party: what follows `<MSP>:`. */
const COMPANY = '[A-Za-z0-9_.@-]{1,128}';

/** A party named in an input: one of the founding members' orgs. */
export const party = statedPattern(
  actingParty.refine((p) => SCF_MEMBERS.includes(p.split(':')[0] ?? ''), 'must belong to an scf channel member org'),
  `^(?:${alternatives(SCF_MEMBERS)})(?::${COMPANY})?$`,
);

/** A party that is a company of `msp` (`<msp>:<company id>`), or, with `orMsp`, that institution itself. */
export function companyOf(msp: string, message: string, orMsp?: string): z.ZodType<string> {
  const alone = orMsp === undefined ? '' : `${alternatives([orMsp])}|`;
  return statedPattern(
    party.refine((p) => p === orMsp || p.startsWith(`${msp}:`), message),
    `^(?:${alone}${alternatives([msp])}:${COMPANY})$`,
  );
}

export const bps = (max: number): z.ZodNumber => z.number().int('must be an integer').min(0, 'must be at least 0').max(max, `must be at most ${max}`);

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
