/**
 * The `identity` contract: participant registration and KYC decisions, eID
 * binding to Fabric identities, devices, lookups. Thin: each transaction is
 * registered from its line in the transaction map and hands over to operations.ts.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { EnergyEnv } from '../common/env';
import { ENERGY_TRANSACTIONS as ENERGY } from '../transactions';
import type * as inputs from './inputs';
import * as logic from './logic';
import * as ops from './operations';

@Info({ title: 'identity', description: 'DEC eID registry: participants, KYC decisions, devices' })
export class IdentityContract extends DecContract {
  constructor() {
    super('identity');
  }

  @Tx(ENERGY, 'identity:Register')
  Register(ctx: DecContext, input: z.output<typeof inputs.registerInput>, env: EnergyEnv): Promise<unknown> {
    return ops.register(ctx, input, env);
  }

  @Tx(ENERGY, 'identity:Approve')
  Approve(ctx: DecContext, input: z.output<typeof inputs.approveInput>, env: EnergyEnv): Promise<unknown> {
    return ops.decide(ctx, input.eid, (p) => logic.approve(p, input.roles, env, input.note));
  }

  @Tx(ENERGY, 'identity:Reject')
  Reject(ctx: DecContext, input: z.output<typeof inputs.decisionInput>, env: EnergyEnv): Promise<unknown> {
    return ops.decide(ctx, input.eid, (p) => logic.reject(p, input.reason, env));
  }

  @Tx(ENERGY, 'identity:Suspend')
  Suspend(ctx: DecContext, input: z.output<typeof inputs.decisionInput>, env: EnergyEnv): Promise<unknown> {
    return ops.decide(ctx, input.eid, (p) => logic.suspend(p, input.reason, env));
  }

  @Tx(ENERGY, 'identity:Reinstate')
  Reinstate(ctx: DecContext, input: z.output<typeof inputs.reinstateInput>, env: EnergyEnv): Promise<unknown> {
    return ops.decide(ctx, input.eid, (p) => logic.reinstate(p, input.note, env));
  }

  @Tx(ENERGY, 'identity:Get')
  Get(ctx: DecContext, input: z.output<typeof inputs.eidInput>): Promise<unknown> {
    return ops.get(ctx, input);
  }

  @Tx(ENERGY, 'identity:WhoAmI')
  WhoAmI(ctx: DecContext, _input: undefined, env: EnergyEnv): Promise<unknown> {
    return ops.whoAmI(ctx, env);
  }

  @Tx(ENERGY, 'identity:ListByRole')
  ListByRole(ctx: DecContext, input: z.output<typeof inputs.listByRoleInput>): Promise<unknown> {
    return ops.listByRole(ctx, input);
  }

  @Tx(ENERGY, 'identity:RegisterDevice')
  RegisterDevice(ctx: DecContext, input: z.output<typeof inputs.registerDeviceInput>, env: EnergyEnv): Promise<unknown> {
    return ops.registerDevice(ctx, input, env);
  }

  @Tx(ENERGY, 'identity:RetireDevice')
  RetireDevice(ctx: DecContext, input: z.output<typeof inputs.retireDeviceInput>, env: EnergyEnv): Promise<unknown> {
    return ops.retireDevice(ctx, input, env);
  }

  @Tx(ENERGY, 'identity:GetDevice')
  GetDevice(ctx: DecContext, input: z.output<typeof inputs.deviceEidInput>): Promise<unknown> {
    return ops.getDevice(ctx, input);
  }

  @Tx(ENERGY, 'identity:ListDevices')
  ListDevices(ctx: DecContext, input: z.output<typeof inputs.listDevicesInput>): Promise<unknown> {
    return ops.listDevices(ctx, input);
  }
}
