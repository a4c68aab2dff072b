/**
 * The input checks no OpenAPI schema can state: calendar validity and rules
 * across fields or elements. A schema-valid request can still be refused
 * (400, naming the field) for exactly these reasons, and for no other; the
 * README lists them, and the fuzzing run (e2e/src/schemathesis) accepts a
 * refusal only when its message is one of these.
 */
export const INEXPRESSIBLE_CHECKS: readonly string[] = [
  // Calendar validity: 2026-02-30 has the shape of a date and is not one.
  'is not a calendar date',
  'is not a valid calendar time',
  // Across elements: the split of the genesis supply.
  'must sum to 10000 basis points',
  // Across fields.
  'must change quantityWh, limitPrice or expiresAt',
  'must be after startDate',
  'must change at least one rule',
  // Across fields: a paging bookmark is an opaque cursor of one query (meter, kind, range); the
  // chaincode refuses one taken from another query.
  'does not belong to this query',
  // Governance (issue 17): across fields and elements of a committee or a decision's effect.
  'must be one of the members',
  'must not list a member twice',
  'must set DEC or DECC fees',
];

/**
 * Refinements the chaincode input schemas carry as functions although a
 * pattern, enum or bound could state them: the document is looser than the
 * API there until the chaincode attaches the constraint (`.meta({ pattern })`
 * or a `.regex()` in place of the refinement). Owned by the chaincode; listed
 * so a new one fails the test beside this file instead of slipping through.
 */
export const EXPRESSIBLE_BUT_UNSTATED: readonly string[] = [
  'must be greater than zero',
  'must be greater than 0',
  'must be a participant eID (eid:p:<32 hex>) or one of sys:ecology, sys:team, sys:others, sys:reserve, sys:fees, sys:rewards',
  'must be one of 1, 5, 15, 30, 60',
  'must belong to an scf channel member org',
  'must be a supplier company SupplierMSP:<id>',
  'must be LessorMSP or a supplier company SupplierMSP:<id>',
  // The ledger layer refuses U+0000 and U+10FFFF inside a composite-key part (Fabric's delimiters);
  // every ID field could state it as a pattern.
  'contains a character that cannot be part of a key',
];
