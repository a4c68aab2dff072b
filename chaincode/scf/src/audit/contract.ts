/**
 * `audit` contract: the full key history of any scf asset, for the regulator
 * and the asset's parties. Read-only: the regulator audits but never changes
 * business state. Thin: registered from the transaction map, hands over to operations.ts.
 */
import { DecContext, DecContract, Tx } from '@dec/chaincode-kit';
import { Info } from 'fabric-contract-api';
import type { z } from 'zod';
import type { ScfEnv } from '../common/env';
import { SCF_TRANSACTIONS as SCF } from '../transactions';
import type { historyInput } from './inputs';
import * as ops from './operations';

@Info({ title: 'audit', description: 'Key history of leases, receivable parts, orders, warehouse receipts and financings' })
export class AuditContract extends DecContract {
  constructor() {
    super('audit');
  }

  @Tx(SCF, 'audit:History')
  History(ctx: DecContext, input: z.output<typeof historyInput>, env: ScfEnv): Promise<unknown> {
    return ops.history(ctx, input, env);
  }
}
