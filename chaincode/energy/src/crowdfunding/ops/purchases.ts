/**
 * The fixed-purpose path (white paper 4.1.3): a funded project pays a store
 * order from its escrow for a budgeted purpose. The amount counts against the
 * purpose's budget line like a drawdown, but the money goes into the order's
 * escrow hold and from there to the seller, never to the fundraiser. Only DEC
 * products (the escrow holds DEC). The fundraiser confirms, requests
 * after-sale service and rates as the order's buyer.
 */
import { big, ValidationError, type DecContext } from '@dec/chaincode-kit';
import type { z } from 'zod';
import type { EnergyEnv } from '../../common/env';
import { placeOrder } from '../../store/ops/orders';
import type { Order } from '../../store/state';
import { StoreLedger } from '../../store/store';
import { tokenTx } from '../../token/ops/run';
import type * as inputs from '../inputs';
import * as logic from '../logic';
import { escrowAccount, type Drawdown, type Project } from '../state';
import { CrowdfundingStore } from '../store';
import { requireFundraiser } from './guards';

export async function buyForPurpose(ctx: DecContext, input: z.output<typeof inputs.buyForPurposeInput>, env: EnergyEnv): Promise<{ project: Project; order: Order }> {
  const store = new CrowdfundingStore(ctx.ledger);
  const project = await store.requireProject(input.projectId);
  await requireFundraiser(ctx, project, env);
  const product = await new StoreLedger(ctx.ledger).requireProduct(input.productId);
  if (product.asset !== 'DEC') throw new ValidationError('request.productId', `is priced in ${product.asset}; a project pays in DEC`);
  const amount = BigInt(product.price) * BigInt(input.quantity);
  const change = withinBudget(project, input.purpose, amount);
  return tokenTx(ctx, 'crowdfunding:BuyForPurpose', async (tokens) => {
    const order = await placeOrder(ctx, env, tokens, { product, quantity: input.quantity, buyer: project.fundraiser, payer: escrowAccount(project.id), projectId: project.id, purpose: input.purpose });
    const record: Drawdown = { projectId: project.id, purpose: input.purpose, amount: big(order.amount).toString(), evidenceHash: input.evidenceHash, note: `store order ${order.id}`, at: env.now, txId: env.txId };
    await store.putProject(change.state);
    await store.putDrawdown(record);
    ctx.emitAll(change.events);
    return { project: change.state, order };
  });
}

/** The budget rule of a drawdown, its refusal naming this input's field (the amount is price × quantity). */
function withinBudget(project: Project, purpose: string, amount: bigint): ReturnType<typeof logic.drawdown> {
  try {
    return logic.drawdown(project, purpose, amount);
  } catch (e) {
    if (e instanceof ValidationError && e.field === 'request.amount') throw new ValidationError('request.quantity', `costs ${amount}, which exceeds what the budget leaves for ${purpose}`);
    throw e;
  }
}
