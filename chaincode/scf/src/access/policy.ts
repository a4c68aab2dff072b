/**
 * How the scf chaincode checks who may call what. The table itself is the
 * `grants` of each line of the transaction map (src/transactions.ts): before a
 * transaction's input is parsed or state read, `@Tx` checks the caller's MSP ID
 * and its certificate attribute `role` against those grants (ACCESS below).
 * Object-level rules (only the holder of a receivable may split it, only the
 * bank that offered may record the advance, ...) are named in the map's `rule`
 * and checked by the operation with `requireParty` / `requireReader`, because
 * they need state.
 *
 * Roles (certificate attribute `role`, set when the org's Fabric CA registers the identity):
 *
 * | role             | issued by (MSP)                        | party it acts as              |
 * | ---------------- | -------------------------------------- | ----------------------------- |
 * | project-company  | LessorMSP                              | LessorMSP:<company id>        |
 * | lessor-officer   | LessorMSP                              | LessorMSP                     |
 * | bank-officer     | BankMSP                                | BankMSP                       |
 * | supplier         | SupplierMSP (suppliers, sub-suppliers) | SupplierMSP:<company id>      |
 * | regulator        | RegulatorMSP                           | RegulatorMSP                  |
 * | logistics        | any of the four orgs                   | <MSP>:<company id>            |
 * | insurer          | any of the four orgs                   | <MSP>:<company id>            |
 *
 * <company id> is the certificate attribute `eid`, or else `hf.EnrollmentID`
 * (which Fabric CA puts in every enrollment certificate). Officers of one
 * institution share one party, so any lessor officer may act on the lessor's receivable.
 */
import { AccessDeniedError, type AccessTable, type CallerView } from '@dec/chaincode-kit/core';
import { MSP } from '../common/constants';

export const ROLE = {
  projectCompany: 'project-company',
  lessorOfficer: 'lessor-officer',
  bankOfficer: 'bank-officer',
  supplier: 'supplier',
  regulator: 'regulator',
  logistics: 'logistics',
  insurer: 'insurer',
} as const;
export type Role = (typeof ROLE)[keyof typeof ROLE];

/**
 * Any org the channel admits. Fabric refuses a proposal whose creator's MSP is not in the
 * channel config, so this grant follows the channel: an org that joins later (an insurer, a
 * logistics firm) is granted without a chaincode change, and one that leaves is refused.
 */
export const CHANNEL_MEMBERS = 'channel members';

/** One line of a grant list: callers of these MSPs (or of any channel member) with this `role` attribute. */
export interface Grant {
  readonly msps: readonly string[] | typeof CHANNEL_MEMBERS;
  readonly role: Role;
}

const grantsMsp = (g: Grant, msp: string): boolean => g.msps === CHANNEL_MEMBERS || g.msps.includes(msp);

export const PROJECT_COMPANY: Grant = { msps: [MSP.lessor], role: ROLE.projectCompany };
export const LESSOR: Grant = { msps: [MSP.lessor], role: ROLE.lessorOfficer };
export const BANK: Grant = { msps: [MSP.bank], role: ROLE.bankOfficer };
export const SUPPLIER: Grant = { msps: [MSP.supplier], role: ROLE.supplier };
export const REGULATOR: Grant = { msps: [MSP.regulator], role: ROLE.regulator };
export const LOGISTICS: Grant = { msps: CHANNEL_MEMBERS, role: ROLE.logistics };
export const INSURER: Grant = { msps: CHANNEL_MEMBERS, role: ROLE.insurer };
/** Every recognised identity on the channel may read public business records (the channel shows them anyway). */
export const READERS: readonly Grant[] = [PROJECT_COMPANY, LESSOR, BANK, SUPPLIER, REGULATOR, LOGISTICS, INSURER];
/** Every business role (not the regulator, who writes only rules and alerts): who may trigger a derivation anyone could (a due-date check, relaying a verified fact). */
export const BUSINESS_ROLES: readonly Grant[] = READERS.filter((g) => g !== REGULATOR);

/** The authorised caller: its org, role and the party it acts as. */
export interface Actor {
  msp: string;
  role: Role;
  party: string;
}

const INSTITUTION_ROLES: readonly Role[] = [ROLE.lessorOfficer, ROLE.bankOfficer, ROLE.regulator];
const COMPANY_ID = /^[A-Za-z0-9_.@-]{1,128}$/;

/** Checks `grants` (the map line of `tx`); throws AccessDeniedError, else returns who is acting. */
export function authorize(caller: CallerView, tx: string, grants: readonly Grant[]): Actor {
  const msp = caller.mspId;
  const role = caller.attribute('role');
  const grant = grants.find((g) => g.role === role && grantsMsp(g, msp));
  if (!grant) {
    const allowed = grants.map((g) => `${g.msps === CHANNEL_MEMBERS ? 'any member' : g.msps.join('|')} role=${g.role}`);
    throw new AccessDeniedError(`${tx}: caller ${msp} role=${role ?? '(none)'} may not call it; allowed: ${allowed.join(', ')}`);
  }
  return { msp, role: grant.role, party: partyOf(caller, msp, grant.role) };
}

/** The grants in words: `R` (every role) or the roles. */
export function describeGrants(grants: readonly Grant[]): string {
  if (grants === READERS) return 'R (every role)';
  return grants.map((g) => g.role).join(', ');
}

export const ACCESS: AccessTable<readonly Grant[], Actor> = { authorize, describe: describeGrants };

function partyOf(caller: CallerView, msp: string, role: Role): string {
  if (INSTITUTION_ROLES.includes(role)) return msp;
  const company = caller.attribute('eid') ?? caller.attribute('hf.EnrollmentID');
  if (company === undefined || !COMPANY_ID.test(company)) {
    throw new AccessDeniedError(`role ${role} needs a certificate attribute eid (or hf.EnrollmentID) of 1-128 characters [A-Za-z0-9_.@-]`);
  }
  return `${msp}:${company}`;
}

/** The org a party belongs to: `SupplierMSP:acme` -> `SupplierMSP`. */
export function mspOf(party: string): string {
  return party.split(':')[0] ?? party;
}

/** Object-level rule: `actor` must be `party` (the holder, the buyer, the offering bank, ...). */
export function requireParty(actor: Actor, party: string, what: string): void {
  if (actor.party !== party) throw new AccessDeniedError(`only ${party} (${what}) may do this, not ${actor.party}`);
}

/** Object-level rule: `actor` must be one of `parties`, or the regulator (who reads everything). */
export function requireReader(actor: Actor, parties: string[], what: string): void {
  if (actor.role === ROLE.regulator || parties.includes(actor.party)) return;
  throw new AccessDeniedError(`only ${parties.join(', ')} (${what}) or the regulator may read this, not ${actor.party}`);
}
