/**
 * Audit operation: the full key history of any scf asset (every committed
 * version, with its transaction ID and time), for the regulator and the
 * asset's parties (object rule, checked once the asset is read).
 */
import type { DecContext, Ledger } from '@dec/chaincode-kit';
import type { z } from 'zod';
import { requireReader } from '../access/policy';
import type { ScfEnv } from '../common/env';
import { FinancingStore } from '../financing/store';
import { LeaseStore } from '../leasing/store';
import { OrderStore } from '../orders/store';
import { ReceivableStore } from '../receivables/store';
import { ReceiptStore } from '../warehouse/store';
import type { historyInput } from './inputs';
import { partiesOf, type Auditable, type AuditRecord } from './logic';

async function load(ledger: Ledger, assetType: Auditable, id: string): Promise<{ key: string; current: AuditRecord }> {
  switch (assetType) {
    case 'lease': {
      const store = new LeaseStore(ledger);
      return { key: store.key(id), current: { assetType, record: await store.require(id) } };
    }
    case 'receivable': {
      const store = new ReceivableStore(ledger);
      return { key: store.key(id), current: { assetType, record: await store.require(id) } };
    }
    case 'order': {
      const store = new OrderStore(ledger);
      return { key: store.key(id), current: { assetType, record: await store.require(id) } };
    }
    case 'receipt': {
      const store = new ReceiptStore(ledger);
      return { key: store.key(id), current: { assetType, record: await store.require(id) } };
    }
    case 'financing': {
      const store = new FinancingStore(ledger);
      return { key: store.key(id), current: { assetType, record: await store.require(id) } };
    }
  }
}

/** History values are returned as stored, not re-validated: an audit shows what was committed. */
const asStored = (json: unknown): unknown => json;

/**
 * `{assetType, assetId}` -> `{assetType, assetId, parties, current, history}`;
 * `history` is every committed version, newest first: `{txId, timestamp, isDelete, value}`.
 */
export async function history(ctx: DecContext, req: z.output<typeof historyInput>, env: ScfEnv): Promise<object> {
  const { key, current } = await load(ctx.ledger, req.assetType, req.assetId);
  const parties = partiesOf(current);
  requireReader(env.actor, parties, `the parties of ${req.assetType} ${req.assetId}`);
  const versions = await ctx.ledger.history(key, asStored);
  return { assetType: req.assetType, assetId: req.assetId, parties, current: current.record, history: versions };
}
