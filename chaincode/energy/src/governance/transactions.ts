/**
 * The governance lines of the energy transaction map (spread into
 * src/transactions.ts): the committee and its decisions (white paper 8.3.3).
 */
import type { TxSpec } from '@dec/chaincode-kit/core';
import { ANYONE, PLATFORM_OPERATOR, type Grant } from '../access/policy';
import * as governance from './inputs';
import * as elections from './election-inputs';
import * as proposals from './proposal-inputs';
import * as disclosures from './disclosure';
import * as spending from './spending-inputs';

export const GOVERNANCE_TRANSACTIONS = {
  'governance:BootstrapCommittee': { kind: 'submit', input: governance.bootstrapCommitteeInput, grants: PLATFORM_OPERATOR, rule: 'once, before any election; members are active participants', summary: 'Seat the bootstrap decision committee (platform operator, once)' },
  'governance:ProposeDecision': { kind: 'submit', input: governance.proposeDecisionInput, grants: ANYONE, rule: 'the holder of `proposer`, a core member', summary: 'Propose a committee decision with a stated effect' },
  'governance:VoteDecision': { kind: 'submit', input: governance.voteDecisionInput, grants: ANYONE, rule: 'the holder of `member`, a core member; once each, while open', summary: 'Vote on a committee decision (secretary general: two votes)' },
  'governance:GetCommittee': { kind: 'evaluate', grants: ANYONE, summary: 'The seated committee' },
  'governance:GetDecision': { kind: 'evaluate', input: governance.decisionIdInput, grants: ANYONE, summary: 'A committee decision with its votes' },
  'governance:ListDecisions': { kind: 'evaluate', input: governance.listDecisionsInput, grants: ANYONE, summary: 'Committee decisions, paged' },
  'governance:OpenElection': { kind: 'submit', input: elections.openElectionInput, grants: ANYONE, rule: 'a passed CallElection decision (applied once), or from 60 days before the term ends; one election at a time', summary: 'Open the election of the next committee' },
  'governance:StandForElection': { kind: 'submit', input: elections.standInput, grants: ANYONE, rule: 'the holder of `candidate`, active, holding at most 20 % of all DEC; while the election is open', summary: 'Stand as a candidate in an election' },
  'governance:CastBallot': { kind: 'submit', input: elections.castBallotInput, grants: ANYONE, rule: 'the holder of `voter`; once per election, while open; `amount` DEC locked until the close', summary: 'Vote for a candidate with DEC (locked until the election closes)' },
  'governance:TallyElection': { kind: 'submit', input: elections.tallyInput, grants: ANYONE, rule: 'anyone, after the close; one bounded page of ballots per call; the last page seats the result', summary: 'Count one page of an election\'s ballots (the last seats the elected committee)' },
  'governance:GetElection': { kind: 'evaluate', input: elections.electionIdInput, grants: ANYONE, summary: 'An election, its tally and result' },
  'governance:ListElections': { kind: 'evaluate', input: elections.listElectionsInput, grants: ANYONE, summary: 'Elections, paged' },
  'governance:ListCandidates': { kind: 'evaluate', input: elections.pagedElectionInput, grants: ANYONE, summary: 'The candidates of an election, paged' },
  'governance:ListBallots': { kind: 'evaluate', input: elections.pagedElectionInput, grants: ANYONE, summary: 'The ballots of an election in tally order, paged (to recompute the result)' },
  'governance:OpenRound': { kind: 'submit', input: proposals.openRoundInput, grants: ANYONE, rule: 'the holder of `opener`, a core member', summary: 'Announce a community vote (ecosystem, crowdfunding or other business) with its window and proposer reward' },
  'governance:SubmitProposal': { kind: 'submit', input: proposals.submitProposalInput, grants: ANYONE, rule: 'the holder of `proposer`, active; while the round is open', summary: 'Submit a community proposal to an open round' },
  'governance:VoteProposal': { kind: 'submit', input: proposals.voteProposalInput, grants: ANYONE, rule: 'the holder of `voter`; once per proposal, while open; `amount` DEC locked until the close', summary: 'Vote for or against a proposal with DEC (locked until the round closes)' },
  'governance:TallyRound': { kind: 'submit', input: proposals.tallyRoundInput, grants: ANYONE, rule: 'anyone, after the close; one bounded page of ballots per call; the last names the winner and pays its proposer', summary: 'Count one page of a round\'s ballots (the last decides the round)' },
  'governance:GetRound': { kind: 'evaluate', input: proposals.roundIdInput, grants: ANYONE, summary: 'A proposal round, its tally and winner' },
  'governance:ListRounds': { kind: 'evaluate', input: proposals.listRoundsInput, grants: ANYONE, summary: 'Proposal rounds, paged' },
  'governance:GetProposal': { kind: 'evaluate', input: proposals.proposalIdInput, grants: ANYONE, summary: 'A community proposal and its result' },
  'governance:ListProposals': { kind: 'evaluate', input: proposals.pagedRoundInput, grants: ANYONE, summary: 'The proposals of a round, paged' },
  'governance:ListProposalBallots': { kind: 'evaluate', input: proposals.pagedRoundInput, grants: ANYONE, summary: 'The ballots of a round in tally order, paged (to recompute the result)' },
  'governance:PublishDisclosure': { kind: 'submit', input: disclosures.publishDisclosureInput, grants: PLATFORM_OPERATOR, rule: 'after the period ends; a periodic report once per period; late ones flagged', summary: 'Publish a quarterly, interim, annual or temporary report (hash, period, on-chain figures)' },
  'governance:GetDisclosure': { kind: 'evaluate', input: disclosures.disclosureIdInput, grants: ANYONE, summary: 'A disclosure with its on-chain figures' },
  'governance:ListDisclosures': { kind: 'evaluate', input: disclosures.listDisclosuresInput, grants: ANYONE, summary: 'Disclosures, paged' },
  'governance:AppointFinanceDirector': { kind: 'submit', input: spending.appointFinanceDirectorInput, grants: ANYONE, rule: 'a passed AppointFinanceDirector decision of the seated committee, applied once; never the secretary general', summary: 'Seat the finance director the committee appointed (8.6.4 approvals)' },
  'governance:RequestSpend': { kind: 'submit', input: spending.requestSpendInput, grants: PLATFORM_OPERATOR, rule: 'states the spend exactly; approved for the seated committee\'s term', summary: 'Ask the secretary general and the finance director to approve a spend above 1,000,000 DECC (8.6.4)' },
  'governance:ApproveSpend': { kind: 'submit', input: spending.approveSpendInput, grants: ANYONE, rule: 'the holder of `approver`, the secretary general or the finance director; once each; not after use', summary: 'Approve a requested spend (both officers: it may be used once)' },
  'governance:GetSpend': { kind: 'evaluate', input: spending.spendIdInput, grants: ANYONE, summary: 'A spend approval, its approvals and use' },
  'governance:ListSpends': { kind: 'evaluate', input: spending.listSpendsInput, grants: ANYONE, summary: 'Spend approvals, paged' },
} as const satisfies Record<string, TxSpec<Grant>>;
