/** `orders` contract: purchase orders a bank can finance (order financing), including sub-suppliers' derived orders. */
import { ConflictError, DecContext, DecContract, parseInput, result } from '@dec/chaincode-kit';
import { Info, Returns, Transaction } from 'fabric-contract-api';
import { requireParty } from '../access/policy';
import { emitAll } from '../common/events';
import { begin } from '../common/tx';
import { getLease } from '../leasing/store';
import { orderRef, registerInput } from './inputs';
import { confirmOrder, registerDerivedOrder, registerOrder } from './logic';
import { getOrder, orderExists, putOrder } from './store';

@Info({ title: 'orders', description: 'Purchase orders confirmed by the buyer, basis of order financing' })
export class OrdersContract extends DecContract {
  constructor() {
    super('orders');
  }

  @Transaction()
  @Returns('string')
  async Register(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'orders:Register');
    const req = parseInput(registerInput, input);
    if (await orderExists(ctx, req.orderId)) throw new ConflictError(`order ${req.orderId} already exists`);
    if (req.parentOrderId) {
      const change = registerDerivedOrder(req, await getOrder(ctx, req.parentOrderId), env);
      await putOrder(ctx, change.parent);
      await putOrder(ctx, change.order);
      emitAll(ctx, change.events);
      return result(change.order);
    }
    const lease = req.leaseId ? await getLease(ctx, req.leaseId) : undefined;
    const change = registerOrder(req, lease, env);
    await putOrder(ctx, change.order);
    emitAll(ctx, change.events);
    return result(change.order);
  }

  /** Only the order's buyer confirms: the lessor for top-level orders, the supplier for derived ones. */
  @Transaction()
  @Returns('string')
  async Confirm(ctx: DecContext, input: string): Promise<string> {
    const env = begin(ctx, 'orders:Confirm');
    const req = parseInput(orderRef, input);
    const order = await getOrder(ctx, req.orderId);
    requireParty(env.actor, order.buyer, 'the buyer');
    const change = confirmOrder(order, env);
    await putOrder(ctx, change.order);
    emitAll(ctx, change.events);
    return result(change.order);
  }

  @Transaction(false)
  @Returns('string')
  async Get(ctx: DecContext, input: string): Promise<string> {
    begin(ctx, 'orders:Get');
    const req = parseInput(orderRef, input);
    return result(await getOrder(ctx, req.orderId));
  }
}
