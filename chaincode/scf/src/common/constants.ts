/**
 * Channel facts the scf chaincode depends on. The network topology defines the
 * same names; if one changes there it must change here, so they live in one place.
 */

/** The organisations on channel `scf`. */
export const MSP = {
  bank: 'BankMSP',
  lessor: 'LessorMSP',
  supplier: 'SupplierMSP',
  regulator: 'RegulatorMSP',
} as const;
export type MspId = (typeof MSP)[keyof typeof MSP];
export const SCF_MEMBERS: readonly string[] = Object.values(MSP);

/**
 * Private data collections for financing terms. Each is shared by exactly two
 * business orgs and the regulator; the channel sees only the hashes Fabric keeps.
 */
export const COLLECTIONS = {
  termsBankLessor: { name: 'termsBankLessor', members: [MSP.bank, MSP.lessor, MSP.regulator] },
  termsBankSupplier: { name: 'termsBankSupplier', members: [MSP.bank, MSP.supplier, MSP.regulator] },
  termsLessorSupplier: { name: 'termsLessorSupplier', members: [MSP.lessor, MSP.supplier, MSP.regulator] },
} as const;
export type CollectionName = keyof typeof COLLECTIONS;

/** The collection two distinct business orgs share, or undefined when there is none. */
export function collectionFor(mspA: string, mspB: string): CollectionName | undefined {
  if (mspA === mspB) return undefined;
  for (const c of Object.values(COLLECTIONS)) {
    const members: readonly string[] = c.members;
    if (members.includes(mspA) && members.includes(mspB)) return c.name;
  }
  return undefined;
}

/** Names of transient-map fields the contracts read (private inputs never travel as arguments). */
export const TRANSIENT = {
  /** financing:Offer — { advanceRateBps, discountBps, maturityDate } */
  terms: 'terms',
  /** financing:RecordRepayment — { amount } */
  repayment: 'repayment',
  /** receivables:Transfer (lessor -> supplier only, optional) — { consideration, paymentDueDate? } */
  assignment: 'assignment',
  /**
   * Every transaction that writes a private record (financing:Accept, Settle,
   * RecordRepayment; receivables:Transfer with an assignment) — random hex from
   * the client; see common/salt.ts. financing:Offer salts with `terms.salt`.
   */
  salt: 'salt',
} as const;

/** Basis points in one whole. */
export const BPS = 10_000n;
