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

@Info({ title: 'governance', description: 'Decision committee and committee decisions (white paper 8.3.3, 8.4.3)' })
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
}
