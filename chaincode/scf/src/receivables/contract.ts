/**
 * `receivables` contract: the lessor's rent-collection right, its split into
 * parts and their passage upstream (lessor -> supplier -> sub-supplier).
 * Financing of parts is in the `financing` contract.
 */
import { big, ConflictError, DecContext, DecContract, parseInput, result, ValidationError } from '@dec/chaincode-kit';
import { Info, Returns, Transaction } from 'fabric-contract-api';
import { mspOf, requireParty } from '../access/policy';
import { collectionFor, TRANSIENT } from '../common/constants';
import { emitAll } from '../common/events';
import { readTransient } from '../common/transient';
import { begin } from '../common/tx';
import { getLease, putLease } from '../leasing/store';
import { assignmentTerms, issueInput, receivableRef, splitInput, transferInput, treeInput } from './inputs';
import { collectedShare, issueReceivable, splitReceivable, transferReceivable } from './logic';
import { getReceivable, listTree, putReceivable, receivableExists } from './store';

@Info({ title: 'receivables', description: 'Rent-collection receivables: issue, split, transfer upstream, backing view' })
export class ReceivablesContract extends DecContract {
  constructor() {
    super('receivables');
  }

  /** The lessor takes the receivable an approved lease yields (ID = lease ID). */
  @Transaction()
  @Returns('string')
  async Issue(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'receivables:Issue');
    const req = parseInput(issueInput, input);
    if (await receivableExists(ctx, req.leaseId)) throw new ConflictError(`receivable ${req.leaseId} already exists`);
    const change = issueReceivable(await getLease(ctx, req.leaseId), env);
    await putLease(ctx, change.lease);
    await putReceivable(ctx, change.receivable);
    emitAll(ctx, change.events);
    return result(change.receivable);
  }

  /** The holder splits an active part into parts that sum to it. */
  @Transaction()
  @Returns('string')
  async Split(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'receivables:Split');
    const req = parseInput(splitInput, input);
    const part = await getReceivable(ctx, req.receivableId);
    requireParty(env.actor, part.holder, 'the holder');
    const change = splitReceivable(part, req.amounts, env);
    for (const child of change.children) {
      if (await receivableExists(ctx, child.id)) throw new ConflictError(`receivable ${child.id} already exists`);
    }
    await putReceivable(ctx, change.parent);
    for (const child of change.children) await putReceivable(ctx, child);
    emitAll(ctx, change.events);
    return result({ parent: change.parent, children: change.children });
  }

  /**
   * The holder passes a part upstream. Optional transient `assignment`
   * ({ consideration, paymentDueDate? }) records what the receiver gives for it,
   * privately in the collection the two orgs share (lessor -> supplier: termsLessorSupplier).
   */
  @Transaction()
  @Returns('string')
  async Transfer(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'receivables:Transfer');
    const req = parseInput(transferInput, input);
    const terms = readTransient(ctx, TRANSIENT.assignment, assignmentTerms);
    const part = await getReceivable(ctx, req.receivableId);
    requireParty(env.actor, part.holder, 'the holder');
    const change = transferReceivable(part, req.to, env);
    let privateTerms: { collection: string; key: string } | undefined;
    if (terms) {
      const collection = collectionFor(mspOf(part.holder), mspOf(req.to));
      if (!collection) throw new ValidationError(`transient.${TRANSIENT.assignment}`, `${mspOf(part.holder)} and ${mspOf(req.to)} share no private collection`);
      const key = ctx.ledger.key('assignment', part.id, String(change.receivable.holders.length - 1));
      await ctx.ledger.putPrivate(collection, key, { receivableId: part.id, from: part.holder, to: req.to, ...terms });
      privateTerms = { collection, key };
    }
    await putReceivable(ctx, change.receivable);
    const events = privateTerms ? change.events.map((e) => ({ ...e, payload: { ...e.payload, privateTerms } })) : change.events;
    emitAll(ctx, events);
    return result({ receivable: change.receivable, privateTerms: privateTerms ?? null });
  }

  /** A part with its share of the rent collected so far. */
  @Transaction(false)
  @Returns('string')
  async Get(ctx: DecContext, input: string): Promise<string> {
    begin(ctx, 'receivables:Get');
    const req = parseInput(receivableRef, input);
    const part = await getReceivable(ctx, req.receivableId);
    const lease = await getLease(ctx, part.leaseId);
    return result({ receivable: part, collected: collectedShare(part, big(lease.collected)).toString() });
  }

  /** The root and all its parts (evaluate: a range read). */
  @Transaction(false)
  @Returns('string')
  async Tree(ctx: DecContext, input: string): Promise<string> {
    begin(ctx, 'receivables:Tree');
    const req = parseInput(treeInput, input);
    return result(await listTree(ctx, req.rootId));
  }

  /** What a bank checks before financing: the part, and the lease with its supplier payments and collections. */
  @Transaction(false)
  @Returns('string')
  async Backing(ctx: DecContext, input: string): Promise<string> {
    begin(ctx, 'receivables:Backing');
    const req = parseInput(receivableRef, input);
    const part = await getReceivable(ctx, req.receivableId);
    const lease = await getLease(ctx, part.leaseId);
    return result({ receivable: part, lease, collected: collectedShare(part, big(lease.collected)).toString() });
  }
}
