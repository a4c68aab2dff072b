/**
 * The `governance` contract: the decision committee and its decisions. Thin:
 * each transaction is registered from its line in the transaction map (which
 * checks the grants and parses the input) and hands over to ./operations.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { EnergyEnv } from '../common/env';
import { ENERGY_TRANSACTIONS as ENERGY } from '../transactions';
import type * as inputs from './inputs';
import * as ops from './operations';
import type * as elections from './election-inputs';
import * as electionOps from './election-ops';
import type * as proposals from './proposal-inputs';
import * as proposalOps from './proposal-ops';
import type * as disclosures from './disclosure';
import * as disclosureOps from './disclosure-ops';
import type * as spending from './spending-inputs';
import * as spendingOps from './spending-ops';

@Info({ title: 'governance', description: 'Committee, decisions, elections, community proposals and disclosure (white paper 8.3, 8.4, 8.7)' })
export class GovernanceContract extends DecContract {
  constructor() {
    super('governance');
  }

  @Tx(ENERGY, 'governance:BootstrapCommittee')
  BootstrapCommittee(ctx: DecContext, input: z.output<typeof inputs.bootstrapCommitteeInput>, env: EnergyEnv): Promise<unknown> {
    return ops.bootstrapCommittee(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:ProposeDecision')
  ProposeDecision(ctx: DecContext, input: z.output<typeof inputs.proposeDecisionInput>, env: EnergyEnv): Promise<unknown> {
    return ops.propose(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:VoteDecision')
  VoteDecision(ctx: DecContext, input: z.output<typeof inputs.voteDecisionInput>, env: EnergyEnv): Promise<unknown> {
    return ops.vote(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:GetCommittee')
  GetCommittee(ctx: DecContext): Promise<unknown> {
    return ops.getCommittee(ctx);
  }

  @Tx(ENERGY, 'governance:GetDecision')
  GetDecision(ctx: DecContext, input: z.output<typeof inputs.decisionIdInput>): Promise<unknown> {
    return ops.getDecision(ctx, input);
  }

  @Tx(ENERGY, 'governance:ListDecisions')
  ListDecisions(ctx: DecContext, input: z.output<typeof inputs.listDecisionsInput>): Promise<unknown> {
    return ops.listDecisions(ctx, input);
  }

  @Tx(ENERGY, 'governance:OpenElection')
  OpenElection(ctx: DecContext, input: z.output<typeof elections.openElectionInput>, env: EnergyEnv): Promise<unknown> {
    return electionOps.openElection(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:StandForElection')
  StandForElection(ctx: DecContext, input: z.output<typeof elections.standInput>, env: EnergyEnv): Promise<unknown> {
    return electionOps.stand(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:CastBallot')
  CastBallot(ctx: DecContext, input: z.output<typeof elections.castBallotInput>, env: EnergyEnv): Promise<unknown> {
    return electionOps.castBallot(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:TallyElection')
  TallyElection(ctx: DecContext, input: z.output<typeof elections.tallyInput>, env: EnergyEnv): Promise<unknown> {
    return electionOps.tally(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:GetElection')
  GetElection(ctx: DecContext, input: z.output<typeof elections.electionIdInput>): Promise<unknown> {
    return electionOps.getElection(ctx, input);
  }

  @Tx(ENERGY, 'governance:ListElections')
  ListElections(ctx: DecContext, input: z.output<typeof elections.listElectionsInput>): Promise<unknown> {
    return electionOps.listElections(ctx, input);
  }

  @Tx(ENERGY, 'governance:ListCandidates')
  ListCandidates(ctx: DecContext, input: z.output<typeof elections.pagedElectionInput>): Promise<unknown> {
    return electionOps.listCandidates(ctx, input);
  }

  @Tx(ENERGY, 'governance:ListBallots')
  ListBallots(ctx: DecContext, input: z.output<typeof elections.pagedElectionInput>): Promise<unknown> {
    return electionOps.listBallots(ctx, input);
  }

  @Tx(ENERGY, 'governance:OpenRound')
  OpenRound(ctx: DecContext, input: z.output<typeof proposals.openRoundInput>, env: EnergyEnv): Promise<unknown> {
    return proposalOps.openRound(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:SubmitProposal')
  SubmitProposal(ctx: DecContext, input: z.output<typeof proposals.submitProposalInput>, env: EnergyEnv): Promise<unknown> {
    return proposalOps.submitProposal(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:VoteProposal')
  VoteProposal(ctx: DecContext, input: z.output<typeof proposals.voteProposalInput>, env: EnergyEnv): Promise<unknown> {
    return proposalOps.voteProposal(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:TallyRound')
  TallyRound(ctx: DecContext, input: z.output<typeof proposals.tallyRoundInput>, env: EnergyEnv): Promise<unknown> {
    return proposalOps.tallyRound(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:GetRound')
  GetRound(ctx: DecContext, input: z.output<typeof proposals.roundIdInput>): Promise<unknown> {
    return proposalOps.getRound(ctx, input);
  }

  @Tx(ENERGY, 'governance:ListRounds')
  ListRounds(ctx: DecContext, input: z.output<typeof proposals.listRoundsInput>): Promise<unknown> {
    return proposalOps.listRounds(ctx, input);
  }

  @Tx(ENERGY, 'governance:GetProposal')
  GetProposal(ctx: DecContext, input: z.output<typeof proposals.proposalIdInput>): Promise<unknown> {
    return proposalOps.getProposal(ctx, input);
  }

  @Tx(ENERGY, 'governance:ListProposals')
  ListProposals(ctx: DecContext, input: z.output<typeof proposals.pagedRoundInput>): Promise<unknown> {
    return proposalOps.listProposals(ctx, input);
  }

  @Tx(ENERGY, 'governance:ListProposalBallots')
  ListProposalBallots(ctx: DecContext, input: z.output<typeof proposals.pagedRoundInput>): Promise<unknown> {
    return proposalOps.listProposalBallots(ctx, input);
  }

  @Tx(ENERGY, 'governance:PublishDisclosure')
  PublishDisclosure(ctx: DecContext, input: z.output<typeof disclosures.publishDisclosureInput>, env: EnergyEnv): Promise<unknown> {
    return disclosureOps.publish(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:GetDisclosure')
  GetDisclosure(ctx: DecContext, input: z.output<typeof disclosures.disclosureIdInput>): Promise<unknown> {
    return disclosureOps.getDisclosure(ctx, input);
  }

  @Tx(ENERGY, 'governance:ListDisclosures')
  ListDisclosures(ctx: DecContext, input: z.output<typeof disclosures.listDisclosuresInput>): Promise<unknown> {
    return disclosureOps.listDisclosures(ctx, input);
  }

  @Tx(ENERGY, 'governance:AppointFinanceDirector')
  AppointFinanceDirector(ctx: DecContext, input: z.output<typeof spending.appointFinanceDirectorInput>, env: EnergyEnv): Promise<unknown> {
    return spendingOps.appointFinanceDirector(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:RequestSpend')
  RequestSpend(ctx: DecContext, input: z.output<typeof spending.requestSpendInput>, env: EnergyEnv): Promise<unknown> {
    return spendingOps.requestSpend(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:ApproveSpend')
  ApproveSpend(ctx: DecContext, input: z.output<typeof spending.approveSpendInput>, env: EnergyEnv): Promise<unknown> {
    return spendingOps.approveSpend(ctx, input, env);
  }

  @Tx(ENERGY, 'governance:GetSpend')
  GetSpend(ctx: DecContext, input: z.output<typeof spending.spendIdInput>): Promise<unknown> {
    return spendingOps.getSpend(ctx, input);
  }

  @Tx(ENERGY, 'governance:ListSpends')
  ListSpends(ctx: DecContext, input: z.output<typeof spending.listSpendsInput>): Promise<unknown> {
    return spendingOps.listSpends(ctx, input);
  }
}
