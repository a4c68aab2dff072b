/**
 * The `charging` contract: sharing charging (white paper 4.1.2). Thin: each
 * transaction is registered from its line in the transaction map and hands
 * over to the operations in ./ops (one concern per file).
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { EnergyEnv } from '../common/env';
import { ENERGY_TRANSACTIONS as ENERGY } from '../transactions';
import type * as i from './inputs';
import * as points from './ops/points';
import * as rating from './ops/rating';
import * as reservations from './ops/reservations';
import * as sessions from './ops/sessions';

@Info({ title: 'charging', description: 'Sharing charging: charge points, reservations with a dynamic code, sessions settled from escrow' })
export class ChargingContract extends DecContract {
  constructor() {
    super('charging');
  }

  @Tx(ENERGY, 'charging:Configure')
  Configure(ctx: DecContext, input: z.output<typeof i.configureInput>, env: EnergyEnv): Promise<unknown> {
    return points.configure(ctx, input, env);
  }

  @Tx(ENERGY, 'charging:RegisterPoint')
  RegisterPoint(ctx: DecContext, input: z.output<typeof i.registerPointInput>, env: EnergyEnv): Promise<unknown> {
    return points.registerPoint(ctx, input, env);
  }

  @Tx(ENERGY, 'charging:SetConnectorState')
  SetConnectorState(ctx: DecContext, input: z.output<typeof i.setConnectorStateInput>, env: EnergyEnv): Promise<unknown> {
    return points.setConnectorState(ctx, input, env);
  }

  @Tx(ENERGY, 'charging:Reserve')
  Reserve(ctx: DecContext, input: z.output<typeof i.reserveInput>, env: EnergyEnv): Promise<unknown> {
    return reservations.reserve(ctx, input, env);
  }

  @Tx(ENERGY, 'charging:Cancel')
  Cancel(ctx: DecContext, input: z.output<typeof i.reservationInput>, env: EnergyEnv): Promise<unknown> {
    return reservations.cancel(ctx, input, env);
  }

  @Tx(ENERGY, 'charging:NoShow')
  NoShow(ctx: DecContext, input: z.output<typeof i.reservationInput>, env: EnergyEnv): Promise<unknown> {
    return reservations.noShow(ctx, input, env);
  }

  @Tx(ENERGY, 'charging:StartReserved')
  StartReserved(ctx: DecContext, input: z.output<typeof i.startReservedInput>, env: EnergyEnv): Promise<unknown> {
    return sessions.startReserved(ctx, input, env);
  }

  @Tx(ENERGY, 'charging:StartInstant')
  StartInstant(ctx: DecContext, input: z.output<typeof i.startInstantInput>, env: EnergyEnv): Promise<unknown> {
    return sessions.startInstant(ctx, input, env);
  }

  @Tx(ENERGY, 'charging:RecordMeter')
  RecordMeter(ctx: DecContext, input: z.output<typeof i.recordMeterInput>, env: EnergyEnv): Promise<unknown> {
    return sessions.recordMeter(ctx, input, env);
  }

  @Tx(ENERGY, 'charging:StopSession')
  StopSession(ctx: DecContext, input: z.output<typeof i.stopSessionInput>, env: EnergyEnv): Promise<unknown> {
    return sessions.stopSession(ctx, input, env);
  }

  @Tx(ENERGY, 'charging:RateSession')
  RateSession(ctx: DecContext, input: z.output<typeof i.rateSessionInput>, env: EnergyEnv): Promise<unknown> {
    return rating.rateSession(ctx, input, env);
  }

  @Tx(ENERGY, 'charging:VerifyCode')
  VerifyCode(ctx: DecContext, input: z.output<typeof i.verifyCodeInput>, env: EnergyEnv): Promise<unknown> {
    return reservations.verifyCode(ctx, input, env);
  }

  @Tx(ENERGY, 'charging:GetPoint')
  GetPoint(ctx: DecContext, input: z.output<typeof i.pointInput>): Promise<unknown> {
    return points.getPoint(ctx, input);
  }

  @Tx(ENERGY, 'charging:PointOfCharger')
  PointOfCharger(ctx: DecContext, input: z.output<typeof i.chargerInput>): Promise<unknown> {
    return points.pointOfCharger(ctx, input);
  }

  @Tx(ENERGY, 'charging:Search')
  Search(ctx: DecContext, input: z.output<typeof i.searchInput>): Promise<unknown> {
    return points.search(ctx, input);
  }

  @Tx(ENERGY, 'charging:GetReservation')
  GetReservation(ctx: DecContext, input: z.output<typeof i.reservationInput>, env: EnergyEnv): Promise<unknown> {
    return reservations.getReservation(ctx, input, env);
  }

  @Tx(ENERGY, 'charging:GetSession')
  GetSession(ctx: DecContext, input: z.output<typeof i.sessionInput>, env: EnergyEnv): Promise<unknown> {
    return sessions.getSession(ctx, input, env);
  }
}
