/**
 * `collection` contract: electricity income settled on `energy` repays the lease
 * on `scf` (white paper 4.2.2). Thin: one line per transaction of the map.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import { SCF_TRANSACTIONS as SCF } from '../transactions';
import type { collectionRef, linkInput, syncInput } from './inputs';
import * as ops from './operations';

@Info({ title: 'collection', description: 'Cross-channel collection: energy income verified on the energy ledger and recorded as rent once' })
export class CollectionContract extends DecContract {
  constructor() {
    super('collection');
  }

  @Tx(SCF, 'collection:Link')
  Link(ctx: DecContext, input: z.output<typeof linkInput>, env: ScfEnv): Promise<unknown> {
    return ops.link(ctx, input, env);
  }

  @Tx(SCF, 'collection:Sync')
  Sync(ctx: DecContext, input: z.output<typeof syncInput>, env: ScfEnv): Promise<unknown> {
    return ops.sync(ctx, input, env);
  }

  @Tx(SCF, 'collection:Get')
  Get(ctx: DecContext, input: z.output<typeof collectionRef>, env: ScfEnv): Promise<unknown> {
    return ops.get(ctx, input, env);
  }
}
