/**
 * `insurance` contract: quality insurance on leased equipment and its claims.
 * Thin: registered from the transaction map, hands over to operations.ts.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import { SCF_TRANSACTIONS as SCF } from '../transactions';
import type { assessClaimInput, claimRef, fileClaimInput, payClaimInput, policyRef, underwriteInput } from './inputs';
import * as ops from './operations';

@Info({ title: 'insurance', description: 'Quality insurance on leased equipment: underwrite, claim, assess, pay' })
export class InsuranceContract extends DecContract {
  constructor() {
    super('insurance');
  }

  @Tx(SCF, 'insurance:Underwrite')
  Underwrite(ctx: DecContext, input: z.output<typeof underwriteInput>, env: ScfEnv): Promise<unknown> {
    return ops.underwritePolicy(ctx, input, env);
  }

  @Tx(SCF, 'insurance:FileClaim')
  FileClaim(ctx: DecContext, input: z.output<typeof fileClaimInput>, env: ScfEnv): Promise<unknown> {
    return ops.file(ctx, input, env);
  }

  @Tx(SCF, 'insurance:AssessClaim')
  AssessClaim(ctx: DecContext, input: z.output<typeof assessClaimInput>, env: ScfEnv): Promise<unknown> {
    return ops.assess(ctx, input, env);
  }

  @Tx(SCF, 'insurance:PayClaim')
  PayClaim(ctx: DecContext, input: z.output<typeof payClaimInput>, env: ScfEnv): Promise<unknown> {
    return ops.pay(ctx, input, env);
  }

  @Tx(SCF, 'insurance:GetPolicy')
  GetPolicy(ctx: DecContext, input: z.output<typeof policyRef>): Promise<unknown> {
    return ops.getPolicy(ctx, input);
  }

  @Tx(SCF, 'insurance:GetClaim')
  GetClaim(ctx: DecContext, input: z.output<typeof claimRef>): Promise<unknown> {
    return ops.getClaim(ctx, input);
  }
}
