/**
 * The collection domain's lines of the scf transaction map (spread into
 * src/transactions.ts). The relay may be run by the lessor or by a bank that
 * finances the receivable: what it submits is checked against the energy ledger,
 * so whoever runs it can only delay income, never invent it.
 */
import { BANK, LESSOR, READERS } from '../access/policy';
import { collectionRef, linkInput, syncInput } from './inputs';

export const COLLECTION_TRANSACTIONS = {
  'collection:Link': {
    kind: 'submit',
    input: linkInput,
    grants: [LESSOR],
    rule: "the energy assignment's ref must name the lease",
    summary: 'Link a lease to the energy revenue assignment that pays its rent (lessor officer)',
  },
  'collection:Sync': {
    kind: 'submit',
    input: syncInput,
    grants: [LESSOR, BANK],
    rule: 'recorded only up to what the energy ledger shows paid, once',
    summary: 'Record income an energy assignment has paid as rent collected (relay: lessor or bank officer)',
  },
  'collection:Get': { kind: 'evaluate', input: collectionRef, grants: READERS, summary: "A lease's energy income link, collected rent and arrears" },
} as const;
