/**
 * The `network` contract every DEC chaincode carries: proves the deployment end
 * to end. `Info` reports which chaincode and version answered; `WhoAmI` shows
 * what chaincode sees of the caller (MSP, certificate ID, CA attributes);
 * `Probe` commits a liveness record per org, so a write through every org's
 * peers can be shown to commit.
 */
import { Info, Returns, Transaction } from 'fabric-contract-api';
import { z } from 'zod';
import { DecContext } from '../contract/dec-context';
import { DecContract, result } from '../contract/dec-contract';
import { keyPart } from '../ledger/keys';
import { decoder, parseInput } from '../validation/input';

/** Attributes a DEC Fabric CA puts in user certificates, reported by WhoAmI. */
export const IDENTITY_ATTRIBUTES = ['hf.EnrollmentID', 'hf.Type', 'hf.Affiliation', 'role', 'eid'] as const;

const probeSchema = z.object({
  note: z.string().max(200, 'must be at most 200 characters').optional(),
});

const keyHistorySchema = z.strictObject({
  objectType: z.string().min(1, 'must not be empty').max(128, 'must be at most 128 characters'),
  attributes: z.array(z.string().min(1, 'must not be empty').max(1024, 'must be at most 1024 characters')).max(16, 'must list at most 16 attributes'),
});

const probeRecord = z.object({
  mspId: z.string(),
  callerId: z.string(),
  txId: z.string(),
  at: z.string(),
  note: z.string().optional(),
  count: z.number().int(),
});
export type ProbeRecord = z.infer<typeof probeRecord>;
const decodeProbe = decoder(probeRecord, 'probe');

export function createNetworkContract(chaincodeName: string, chaincodeVersion: string): new () => DecContract {
  @Info({ title: 'network', description: `Liveness and identity checks of the ${chaincodeName} chaincode` })
  class NetworkContract extends DecContract {
    constructor() {
      super('network');
    }

    @Transaction(false)
    @Returns('string')
    async Info(ctx: DecContext): Promise<string> {
      return result({ chaincode: chaincodeName, version: chaincodeVersion, channel: ctx.ledger.channelId });
    }

    @Transaction(false)
    @Returns('string')
    async WhoAmI(ctx: DecContext): Promise<string> {
      const attributes: Record<string, string> = {};
      for (const name of IDENTITY_ATTRIBUTES) {
        const value = ctx.caller.attribute(name);
        if (value !== undefined) attributes[name] = value;
      }
      return result({ mspId: ctx.caller.mspId, id: ctx.caller.id, attributes });
    }

    /** Any member may probe; the record is keyed by the caller's org, so orgs never conflict. */
    @Transaction()
    @Returns('string')
    async Probe(ctx: DecContext, request: string): Promise<string> {
      const input = parseInput(probeSchema, request, 'request');
      const key = ctx.ledger.key('probe', keyPart('mspId', ctx.caller.mspId));
      const previous = await ctx.ledger.get(key, decodeProbe);
      const record: ProbeRecord = {
        mspId: ctx.caller.mspId,
        callerId: ctx.caller.id,
        txId: ctx.ledger.txId,
        at: ctx.ledger.txTime,
        note: input.note,
        count: (previous?.count ?? 0) + 1,
      };
      await ctx.ledger.put(key, record);
      ctx.emit('ProbeRecorded', record);
      return result(record);
    }

    /**
     * A blind write of one new key (`beacon~<txId>`): no reads, so it can never
     * conflict. The benchmark baseline that domain transactions are compared to.
     */
    @Transaction()
    @Returns('string')
    async Beacon(ctx: DecContext, request: string): Promise<string> {
      const input = parseInput(probeSchema, request, 'request');
      const record = { mspId: ctx.caller.mspId, txId: ctx.ledger.txId, at: ctx.ledger.txTime, note: input.note };
      await ctx.ledger.put(ctx.ledger.key('beacon', ctx.ledger.txId), record);
      ctx.emit('Beacon', record);
      return result(record);
    }

    @Transaction(false)
    @Returns('string')
    async LastProbe(ctx: DecContext, mspId: string): Promise<string> {
      const key = ctx.ledger.key('probe', keyPart('mspId', mspId));
      return result((await ctx.ledger.get(key, decodeProbe)) ?? null);
    }

    /**
     * Every committed version of one world-state key, newest first (regulator
     * key history through the gateway API). Evaluate only: history reads are not
     * re-validated at commit. Public state only; private data has no history here.
     */
    @Transaction(false)
    @Returns('string')
    async KeyHistory(ctx: DecContext, request: string): Promise<string> {
      const input = parseInput(keyHistorySchema, request, 'request');
      const attributes = input.attributes.map((a, i) => keyPart(`request.attributes.${i}`, a));
      const key = ctx.ledger.key(keyPart('request.objectType', input.objectType), ...attributes);
      const history = await ctx.ledger.history(key, (json) => json);
      return result({ key: { objectType: input.objectType, attributes: input.attributes }, history });
    }
  }
  return NetworkContract;
}
