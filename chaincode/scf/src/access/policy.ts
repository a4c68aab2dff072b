/**
 * Every access rule of the scf chaincode, in one place. Each transaction's first
 * statement is `authorize(ctx, '<contract>:<Transaction>')`, which checks the
 * caller's MSP ID and its certificate attribute `role` against the table below
 * before any input is parsed or state read. Object-level rules (only the holder
 * of a receivable may split it, only the bank that offered may record the
 * advance, ...) are checked afterwards with `requireParty`, because they need state.
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
import { AccessDeniedError, type DecContext } from '@dec/chaincode-kit';
import { MSP, SCF_MEMBERS } from '../common/constants';

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

interface Grant {
  msps: readonly string[];
  role: Role;
}

const PROJECT_COMPANY: Grant = { msps: [MSP.lessor], role: ROLE.projectCompany };
const LESSOR: Grant = { msps: [MSP.lessor], role: ROLE.lessorOfficer };
const BANK: Grant = { msps: [MSP.bank], role: ROLE.bankOfficer };
const SUPPLIER: Grant = { msps: [MSP.supplier], role: ROLE.supplier };
const REGULATOR: Grant = { msps: [MSP.regulator], role: ROLE.regulator };
const LOGISTICS: Grant = { msps: SCF_MEMBERS, role: ROLE.logistics };
const INSURER: Grant = { msps: SCF_MEMBERS, role: ROLE.insurer };
/** Every recognised identity on the channel may read public business records (the channel shows them anyway). */
const READERS: Grant[] = [PROJECT_COMPANY, LESSOR, BANK, SUPPLIER, REGULATOR, LOGISTICS, INSURER];

/** Who may call what. Keys are wire names `<contract>:<Transaction>`. */
export const POLICY = {
  // leasing
  'leasing:Apply': [PROJECT_COMPANY],
  'leasing:Approve': [LESSOR],
  'leasing:Reject': [LESSOR],
  'leasing:RecordSupplierPayment': [LESSOR],
  'leasing:RecordRentCollected': [LESSOR],
  'leasing:AssessArrears': [LESSOR, BANK],
  'leasing:Get': READERS,
  // receivables (object rule: only the holder splits or transfers)
  'receivables:Issue': [LESSOR],
  'receivables:Split': [LESSOR, SUPPLIER],
  'receivables:Transfer': [LESSOR, SUPPLIER],
  'receivables:Get': READERS,
  'receivables:Tree': READERS,
  'receivables:Backing': READERS,
  // financing of receivables, orders and receipts (object rules: holder accepts, offering bank records)
  'financing:Offer': [BANK],
  'financing:Accept': [LESSOR, SUPPLIER],
  'financing:Decline': [LESSOR, SUPPLIER],
  'financing:RecordAdvance': [BANK],
  'financing:RecordRepayment': [BANK],
  'financing:Settle': [BANK, LESSOR, SUPPLIER],
  'financing:Get': READERS,
  'financing:GetTerms': [BANK, LESSOR, SUPPLIER, REGULATOR],
  'financing:Waterfall': [BANK, LESSOR, SUPPLIER, REGULATOR],
  // orders (object rule: only the named buyer confirms)
  'orders:Register': [SUPPLIER],
  'orders:Confirm': [LESSOR, SUPPLIER],
  'orders:Get': READERS,
  // warehouse (object rules: issuing logistics party releases, pledgee bank consents)
  'warehouse:IssueReceipt': [LOGISTICS],
  'warehouse:ConsentRelease': [BANK],
  'warehouse:Release': [LOGISTICS],
  'warehouse:Get': READERS,
  // insurance (object rules: the insured files, the underwriting insurer assesses and pays)
  'insurance:Underwrite': [INSURER],
  'insurance:FileClaim': [LESSOR, PROJECT_COMPANY, SUPPLIER],
  'insurance:AssessClaim': [INSURER],
  'insurance:PayClaim': [INSURER],
  'insurance:GetPolicy': READERS,
  'insurance:GetClaim': READERS,
  // regulator rules: only the regulator changes rules; banks and the regulator record alerts
  'rules:SetRules': [REGULATOR],
  'rules:GetRules': READERS,
  'rules:CheckFinancing': READERS,
  'rules:RaiseAlert': [BANK, REGULATOR],
  'rules:ListAlerts': [BANK, REGULATOR],
  'rules:GetAlert': [BANK, REGULATOR],
  // audit: key history of any asset; object rule: its parties or the regulator
  'audit:History': READERS,
} as const satisfies Record<string, readonly Grant[]>;
export type TxName = keyof typeof POLICY;

/** The authorised caller: its org, role and the party it acts as. */
export interface Actor {
  msp: string;
  role: Role;
  party: string;
}

const INSTITUTION_ROLES: readonly Role[] = [ROLE.lessorOfficer, ROLE.bankOfficer, ROLE.regulator];
const COMPANY_ID = /^[A-Za-z0-9_.@-]{1,128}$/;

/** Checks the table for `tx`; throws AccessDeniedError, else returns who is acting. */
export function authorize(ctx: DecContext, tx: TxName): Actor {
  const msp = ctx.caller.mspId;
  const role = ctx.caller.attribute('role');
  const grants: readonly Grant[] = POLICY[tx];
  const grant = grants.find((g) => g.role === role && g.msps.includes(msp));
  if (!grant) {
    const allowed = grants.map((g) => `${g.msps.length === SCF_MEMBERS.length ? 'any member' : g.msps.join('|')} role=${g.role}`);
    throw new AccessDeniedError(`${tx}: caller ${msp} role=${role ?? '(none)'} may not call it; allowed: ${allowed.join(', ')}`);
  }
  return { msp, role: grant.role, party: partyOf(ctx, msp, grant.role) };
}

function partyOf(ctx: DecContext, msp: string, role: Role): string {
  if (INSTITUTION_ROLES.includes(role)) return msp;
  const company = ctx.caller.attribute('eid') ?? ctx.caller.attribute('hf.EnrollmentID');
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
