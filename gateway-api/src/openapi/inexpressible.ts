/**
 * The input checks no OpenAPI schema can state: calendar validity and rules
 * across fields or elements. A schema-valid request can still be refused
 * (400, naming the field) for exactly these reasons, and for no other (every
 * refinement a pattern or enum can express is stated: statedPattern/statedEnum
 * in the chaincode kit); the
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
  // Elections: core members are among the representatives.
  'must not exceed representatives',
];
