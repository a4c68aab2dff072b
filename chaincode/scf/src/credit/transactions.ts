/**
 * The credit lines of the scf transaction map (spread into src/transactions.ts).
 * Scores are never written by a caller: facts are counted by the transactions
 * that record the behaviour (leasing, collection) or, for energy facts, by
 * `credit:CountEnergyFact` after reading the fact on the energy ledger, so any
 * member may relay it.
 */
import { BUSINESS_ROLES, LESSOR, PROJECT_COMPANY, READERS, SUPPLIER } from '../access/policy';
import { closeRequestInput, energyFactInput, financingRequestInput, standingInput, subjectInput } from './inputs';

export const CREDIT_TRANSACTIONS = {
  'credit:CountEnergyFact': {
    kind: 'submit',
    input: energyFactInput,
    grants: BUSINESS_ROLES,
    rule: 'the fact must be on the energy ledger and its eID bound to an scf party; counted once',
    summary: 'Count a credit fact recorded on energy for the scf party bound to its eID (relay: any business member)',
  },
  'credit:RequestFinancing': {
    kind: 'submit',
    input: financingRequestInput,
    grants: [PROJECT_COMPANY, SUPPLIER, LESSOR],
    summary: 'Ask a bank for financing; while open, that bank may read the caller\'s score',
  },
  'credit:CloseRequest': { kind: 'submit', input: closeRequestInput, grants: [PROJECT_COMPANY, SUPPLIER, LESSOR], rule: 'only the requesting party', summary: 'Close a financing request (the bank no longer sees the score)' },
  'credit:Get': {
    kind: 'evaluate',
    input: subjectInput,
    grants: READERS,
    rule: 'the regulator or the party itself (breakdown); a bank with an open financing request from the party (score only)',
    summary: "A party's credit score (and breakdown for the regulator and the party)",
  },
  'credit:Standing': {
    kind: 'evaluate',
    input: standingInput,
    grants: READERS,
    rule: 'answers only whether the party bound to the eID meets the regulator\'s minCrowdfundingScore, never the score',
    summary: 'Whether an energy eID\'s scf party meets the crowdfunding minimum score (read by the energy chaincode for the crowdfunding audit)',
  },
} as const;
