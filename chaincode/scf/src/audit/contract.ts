/**
 * `audit` contract: the full key history of any scf asset (every committed
 * version, with its transaction ID and time), for the regulator and the
 * asset's parties. Read-only: the regulator audits but never changes business state.
 */
import { DecContext, DecContract, parseInput, result } from '@dec/chaincode-kit';
import { Info, Returns, Transaction } from 'fabric-contract-api';
import { requireReader } from '../access/policy';
import { begin } from '../common/tx';
import { financingKey, getFinancing } from '../financing/store';
import { getLease, leaseKey } from '../leasing/store';
import { getOrder, orderKey } from '../orders/store';
import { getReceivable, receivableKey } from '../receivables/store';
import { getReceipt, receiptKey } from '../warehouse/store';
import { historyInput } from './inputs';
import { partiesOf, type Auditable, type AuditRecord } from './logic';

async function load(ctx: DecContext, assetType: Auditable, id: string): Promise<{ key: string; current: AuditRecord }> {
  switch (assetType) {
    case 'lease':
      return { key: leaseKey(ctx, id), current: { assetType, record: await getLease(ctx, id) } };
    case 'receivable':
      return { key: receivableKey(ctx, id), current: { assetType, record: await getReceivable(ctx, id) } };
    case 'order':
      return { key: orderKey(ctx, id), current: { assetType, record: await getOrder(ctx, id) } };
    case 'receipt':
      return { key: receiptKey(ctx, id), current: { assetType, record: await getReceipt(ctx, id) } };
    case 'financing':
      return { key: financingKey(ctx, id), current: { assetType, record: await getFinancing(ctx, id) } };
  }
}

/** History values are returned as stored, not re-validated: an audit shows what was committed. */
const asStored = (json: unknown): unknown => json;

@Info({ title: 'audit', description: 'Key history of leases, receivable parts, orders, warehouse receipts and financings' })
export class AuditContract extends DecContract {
  constructor() {
    super('audit');
  }

  /**
   * `{assetType, assetId}` -> `{assetType, assetId, parties, current, history}`;
   * `history` is every committed version, newest first: `{txId, timestamp, isDelete, value}`.
   */
  @Transaction(false)
  @Returns('string')
  async History(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'audit:History');
    const req = parseInput(historyInput, input);
    const { key, current } = await load(ctx, req.assetType, req.assetId);
    const parties = partiesOf(current);
    requireReader(env.actor, parties, `the parties of ${req.assetType} ${req.assetId}`);
    const history = await ctx.ledger.history(key, asStored);
    return result({ assetType: req.assetType, assetId: req.assetId, parties, current: current.record, history });
  }
}
