/** `warehouse` contract: warehouse receipts confirmed by a logistics party, pledged for warehouse financing. */
import { ConflictError, DecContext, DecContract, parseInput, result } from '@dec/chaincode-kit';
import { Info, Returns, Transaction } from 'fabric-contract-api';
import { requireParty } from '../access/policy';
import { emitAll } from '../common/events';
import { begin } from '../common/tx';
import { issueReceiptInput, receiptRef } from './inputs';
import { consentRelease, issueReceipt, releaseGoods } from './logic';
import { getReceipt, putReceipt, receiptExists } from './store';

@Info({ title: 'warehouse', description: 'Warehouse receipts: goods in storage, pledge, release' })
export class WarehouseContract extends DecContract {
  constructor() {
    super('warehouse');
  }

  @Transaction()
  @Returns('string')
  async IssueReceipt(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'warehouse:IssueReceipt');
    const req = parseInput(issueReceiptInput, input);
    if (await receiptExists(ctx, req.receiptId)) throw new ConflictError(`receipt ${req.receiptId} already exists`);
    const change = issueReceipt(req, env);
    await putReceipt(ctx, change.receipt);
    emitAll(ctx, change.events);
    return result(change.receipt);
  }

  /** Only the pledgee bank may consent. */
  @Transaction()
  @Returns('string')
  async ConsentRelease(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'warehouse:ConsentRelease');
    const req = parseInput(receiptRef, input);
    const receipt = await getReceipt(ctx, req.receiptId);
    requireParty(env.actor, receipt.pledge?.bank ?? '(no pledgee)', 'the pledgee bank');
    const change = consentRelease(receipt, env);
    await putReceipt(ctx, change.receipt);
    emitAll(ctx, change.events);
    return result(change.receipt);
  }

  /** Only the logistics party that issued the receipt releases the goods. */
  @Transaction()
  @Returns('string')
  async Release(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'warehouse:Release');
    const req = parseInput(receiptRef, input);
    const receipt = await getReceipt(ctx, req.receiptId);
    requireParty(env.actor, receipt.issuer, 'the issuing logistics party');
    const change = releaseGoods(receipt, env);
    await putReceipt(ctx, change.receipt);
    emitAll(ctx, change.events);
    return result(change.receipt);
  }

  @Transaction(false)
  @Returns('string')
  async Get(ctx: DecContext, input: string): Promise<string> {
    begin(ctx, 'warehouse:Get');
    const req = parseInput(receiptRef, input);
    return result(await getReceipt(ctx, req.receiptId));
  }
}
