/**
 * The `metering` contract: smart meters (identity devices of kind `meter`)
 * with their signing keys, certification by the grid operator, signed reading
 * batches with per-reading verdicts, interval energy per settlement slot, and
 * anomaly records. Thin: registered from the transaction map, hands over to
 * operations.ts and ingest.ts.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { EnergyEnv } from '../common/env';
import { ENERGY_TRANSACTIONS as ENERGY } from '../transactions';
import { submitReadings } from './ingest';
import type * as inputs from './inputs';
import * as ops from './operations';

@Info({ title: 'metering', description: 'DEC smart meters: registration, certification, key rotation, signed readings, interval energy, anomalies' })
export class MeteringContract extends DecContract {
  constructor() {
    super('metering');
  }

  @Tx(ENERGY, 'metering:RegisterMeter')
  RegisterMeter(ctx: DecContext, input: z.output<typeof inputs.registerMeterInput>, env: EnergyEnv): Promise<unknown> {
    return ops.registerMeter(ctx, input, env);
  }

  @Tx(ENERGY, 'metering:CertifyMeter')
  CertifyMeter(ctx: DecContext, input: z.output<typeof inputs.certifyMeterInput>, env: EnergyEnv): Promise<unknown> {
    return ops.certifyMeter(ctx, input, env);
  }

  @Tx(ENERGY, 'metering:DecommissionMeter')
  DecommissionMeter(ctx: DecContext, input: z.output<typeof inputs.decommissionMeterInput>, env: EnergyEnv): Promise<unknown> {
    return ops.decommissionMeter(ctx, input, env);
  }

  @Tx(ENERGY, 'metering:RotateKey')
  RotateKey(ctx: DecContext, input: z.output<typeof inputs.rotateKeyInput>, env: EnergyEnv): Promise<unknown> {
    return ops.rotateKey(ctx, input, env);
  }

  /** A batch of signed readings; each gets a verdict (accepted / duplicate / rejected with reason), the batch never fails for one bad reading. */
  @Tx(ENERGY, 'metering:SubmitReadings')
  SubmitReadings(ctx: DecContext, input: z.output<typeof inputs.submitReadingsInput>): Promise<unknown> {
    return submitReadings(ctx, input.readings);
  }

  @Tx(ENERGY, 'metering:GetMeter')
  GetMeter(ctx: DecContext, input: z.output<typeof inputs.meterInput>): Promise<unknown> {
    return ops.getMeter(ctx, input);
  }

  @Tx(ENERGY, 'metering:Readings')
  Readings(ctx: DecContext, input: z.output<typeof inputs.rangeQueryInput>): Promise<unknown> {
    return ops.readings(ctx, input);
  }

  @Tx(ENERGY, 'metering:Intervals')
  Intervals(ctx: DecContext, input: z.output<typeof inputs.rangeQueryInput>): Promise<unknown> {
    return ops.intervals(ctx, input);
  }

  @Tx(ENERGY, 'metering:Anomalies')
  Anomalies(ctx: DecContext, input: z.output<typeof inputs.anomaliesInput>): Promise<unknown> {
    return ops.anomalies(ctx, input);
  }

  @Tx(ENERGY, 'metering:MetersInZone')
  MetersInZone(ctx: DecContext, input: z.output<typeof inputs.zoneInput>): Promise<unknown> {
    return ops.metersInZone(ctx, input);
  }
}
