/**
 * The governance lines of the energy transaction map (spread into
 * src/transactions.ts): the committee and its decisions (white paper 8.3.3).
 */
import type { TxSpec } from '@dec/chaincode-kit/core';
import { ANYONE, PLATFORM_OPERATOR, type Grant } from '../access/policy';
import * as governance from './inputs';

export const GOVERNANCE_TRANSACTIONS = {
  'governance:BootstrapCommittee': { kind: 'submit', input: governance.bootstrapCommitteeInput, grants: PLATFORM_OPERATOR, rule: 'once, before any election; members are active participants', summary: 'Seat the bootstrap decision committee (platform operator, once)' },
  'governance:ProposeDecision': { kind: 'submit', input: governance.proposeDecisionInput, grants: ANYONE, rule: 'the holder of `proposer`, a core member', summary: 'Propose a committee decision with a stated effect' },
  'governance:VoteDecision': { kind: 'submit', input: governance.voteDecisionInput, grants: ANYONE, rule: 'the holder of `member`, a core member; once each, while open', summary: 'Vote on a committee decision (secretary general: two votes)' },
  'governance:GetCommittee': { kind: 'evaluate', grants: ANYONE, summary: 'The seated committee' },
  'governance:GetDecision': { kind: 'evaluate', input: governance.decisionIdInput, grants: ANYONE, summary: 'A committee decision with its votes' },
  'governance:ListDecisions': { kind: 'evaluate', input: governance.listDecisionsInput, grants: ANYONE, summary: 'Committee decisions, paged' },
} as const satisfies Record<string, TxSpec<Grant>>;
