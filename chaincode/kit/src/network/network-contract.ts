/**
 * The `network` contract every DEC chaincode carries: proves the deployment end
 * to end. `Info` reports which chaincode and version answered; `WhoAmI` shows
 * what chaincode sees of the caller (MSP, certificate ID, CA attributes);
 * `Probe` commits a liveness record per org, so a write through every org's
 * peers can be shown to commit. Its transactions are described in
 * network-transactions.ts.
 */
import { Info } from 'fabric-contract-api';
import { z } from 'zod';
import { DecContext } from '../contract/dec-context';
import { DecContract } from '../contract/dec-contract';
import { keyPart } from '../ledger/keys';
import { Tx } from '../transactions/tx-decorator';
import { decoder } from '../validation/input';
import type { TxEnv } from '../transactions/spec';
import type { CallerView } from '../identity/caller';
import { NETWORK_TRANSACTIONS as NETWORK, type keyHistoryInput, type lastProbeInput, type probeInput } from './network-transactions';

/** Attributes a DEC Fabric CA puts in user certificates, reported by WhoAmI. */
export const IDENTITY_ATTRIBUTES = ['hf.EnrollmentID', 'hf.Type', 'hf.Affiliation', 'role', 'eid'] as const;

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

type Env = TxEnv<CallerView>;

export function createNetworkContract(chaincodeName: string, chaincodeVersion: string): new () => DecContract {
  @Info({ title: 'network', description: `Liveness and identity checks of the ${chaincodeName} chaincode` })
  class NetworkContract extends DecContract {
    constructor() {
      super('network');
    }

    @Tx(NETWORK, 'network:Info')
    Info(ctx: DecContext): Promise<unknown> {
      return Promise.resolve({ chaincode: chaincodeName, version: chaincodeVersion, channel: ctx.ledger.channelId });
    }

    @Tx(NETWORK, 'network:WhoAmI')
    WhoAmI(ctx: DecContext): Promise<unknown> {
      const attributes: Record<string, string> = {};
      for (const name of IDENTITY_ATTRIBUTES) {
        const value = ctx.caller.attribute(name);
        if (value !== undefined) attributes[name] = value;
      }
      return Promise.resolve({ mspId: ctx.caller.mspId, id: ctx.caller.id, attributes });
    }

    /** Any member may probe; the record is keyed by the caller's org, so orgs never conflict. */
    @Tx(NETWORK, 'network:Probe')
    async Probe(ctx: DecContext, input: z.output<typeof probeInput>, env: Env): Promise<unknown> {
      const key = ctx.ledger.key('probe', keyPart('mspId', env.actor.mspId));
      const previous = await ctx.ledger.get(key, decodeProbe);
      const record: ProbeRecord = {
        mspId: env.actor.mspId,
        callerId: env.actor.id,
        txId: env.txId,
        at: env.now,
        note: input.note,
        count: (previous?.count ?? 0) + 1,
      };
      await ctx.ledger.put(key, record);
      ctx.emit('ProbeRecorded', record);
      return record;
    }

    /**
     * A blind write of one new key (`beacon~<txId>`): no reads, so it can never
     * conflict. The benchmark baseline that domain transactions are compared to.
     */
    @Tx(NETWORK, 'network:Beacon')
    async Beacon(ctx: DecContext, input: z.output<typeof probeInput>, env: Env): Promise<unknown> {
      const record = { mspId: env.actor.mspId, txId: env.txId, at: env.now, note: input.note };
      await ctx.ledger.put(ctx.ledger.key('beacon', env.txId), record);
      ctx.emit('Beacon', record);
      return record;
    }

    @Tx(NETWORK, 'network:LastProbe')
    async LastProbe(ctx: DecContext, input: z.output<typeof lastProbeInput>): Promise<unknown> {
      const key = ctx.ledger.key('probe', keyPart('mspId', input.mspId));
      return (await ctx.ledger.get(key, decodeProbe)) ?? null;
    }

    /**
     * Every committed version of one world-state key, newest first (regulator
     * key history through the gateway API). Evaluate only: history reads are not
     * re-validated at commit. Public state only; private data has no history here.
     */
    @Tx(NETWORK, 'network:KeyHistory')
    async KeyHistory(ctx: DecContext, input: z.output<typeof keyHistoryInput>): Promise<unknown> {
      const attributes = input.attributes.map((a, i) => keyPart(`request.attributes.${i}`, a));
      const key = ctx.ledger.key(keyPart('request.objectType', input.objectType), ...attributes);
      const history = await ctx.ledger.history(key, (json) => json);
      return { key: { objectType: input.objectType, attributes: input.attributes }, history };
    }
  }
  return NetworkContract;
}
