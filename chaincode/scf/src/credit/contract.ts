/**
 * `credit` contract: the DEC credit service (white paper 4.2.2) on scf. Thin:
 * one line per transaction of the map; see credit/method.ts for the score.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import { SCF_TRANSACTIONS as SCF } from '../transactions';
import type { closeRequestInput, energyFactInput, financingRequestInput, standingInput, subjectInput } from './inputs';
import * as ops from './operations';
import { standing } from './standing';

@Info({ title: 'credit', description: 'Credit scores computed from on-chain behaviour on both channels' })
export class CreditContract extends DecContract {
  constructor() {
    super('credit');
  }

  @Tx(SCF, 'credit:CountEnergyFact')
  CountEnergyFact(ctx: DecContext, input: z.output<typeof energyFactInput>, env: ScfEnv): Promise<unknown> {
    return ops.countEnergyFact(ctx, input, env);
  }

  @Tx(SCF, 'credit:RequestFinancing')
  RequestFinancing(ctx: DecContext, input: z.output<typeof financingRequestInput>, env: ScfEnv): Promise<unknown> {
    return ops.requestFinancing(ctx, input, env);
  }

  @Tx(SCF, 'credit:CloseRequest')
  CloseRequest(ctx: DecContext, input: z.output<typeof closeRequestInput>, env: ScfEnv): Promise<unknown> {
    return ops.closeRequest(ctx, input, env);
  }

  @Tx(SCF, 'credit:Get')
  Get(ctx: DecContext, input: z.output<typeof subjectInput>, env: ScfEnv): Promise<unknown> {
    return ops.get(ctx, input, env);
  }

  @Tx(SCF, 'credit:Standing')
  Standing(ctx: DecContext, input: z.output<typeof standingInput>): Promise<unknown> {
    return standing(ctx, input.eid);
  }
}
