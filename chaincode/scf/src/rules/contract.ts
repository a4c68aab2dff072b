/**
 * `rules` contract: the regulator's rules and alerts (see operations.ts for how
 * rules are enforced and alerts re-checked). Thin: registered from the
 * transaction map, hands over to operations.ts.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import { SCF_TRANSACTIONS as SCF } from '../transactions';
import type { alertRef, checkFinancingInput, raiseAlertInput, setRulesInput } from './inputs';
import * as ops from './operations';

@Info({ title: 'rules', description: 'Regulator rules (double financing, advance cap, concentration limit) and alerts' })
export class RulesContract extends DecContract {
  constructor() {
    super('rules');
  }

  @Tx(SCF, 'rules:SetRules')
  SetRules(ctx: DecContext, input: z.output<typeof setRulesInput>, env: ScfEnv): Promise<unknown> {
    return ops.setRules(ctx, input, env);
  }

  @Tx(SCF, 'rules:GetRules')
  GetRules(ctx: DecContext): Promise<unknown> {
    return ops.getRules(ctx);
  }

  @Tx(SCF, 'rules:CheckFinancing')
  CheckFinancing(ctx: DecContext, input: z.output<typeof checkFinancingInput>, env: ScfEnv): Promise<unknown> {
    return ops.checkFinancing(ctx, input, env);
  }

  @Tx(SCF, 'rules:RaiseAlert')
  RaiseAlert(ctx: DecContext, input: z.output<typeof raiseAlertInput>, env: ScfEnv): Promise<unknown> {
    return ops.raiseAlert(ctx, input, env);
  }

  @Tx(SCF, 'rules:ListAlerts')
  ListAlerts(ctx: DecContext): Promise<unknown> {
    return ops.listAlerts(ctx);
  }

  @Tx(SCF, 'rules:GetAlert')
  GetAlert(ctx: DecContext, input: z.output<typeof alertRef>): Promise<unknown> {
    return ops.getAlert(ctx, input);
  }
}
