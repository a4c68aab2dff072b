/**
 * Receivable rules as pure functions: issue from a lease, split into parts that
 * sum to the whole, pass a part upstream, and each part's share of the rent
 * collected so far.
 */
import { big, ConflictError, ValidationError } from '@dec/chaincode-kit/core';
import { MSP } from '../common/constants';
import type { ScfEnv } from '../common/env';
import type { ScfEvent } from '../common/events';
import { requireInForce } from '../leasing/logic';
import type { Lease } from '../leasing/state';
import type { Receivable } from './state';

export const MAX_PARTS_PER_SPLIT = 20;

export function issueReceivable(lease: Lease, env: ScfEnv): { receivable: Receivable; lease: Lease; events: ScfEvent[] } {
  requireInForce(lease);
  if (lease.receivableIssued || !lease.terms) throw new ConflictError(`lease ${lease.id} has already yielded its receivable`);
  const receivable: Receivable = {
    id: lease.id,
    rootId: lease.id,
    leaseId: lease.id,
    amount: lease.terms.totalRent,
    rootAmount: lease.terms.totalRent,
    holder: env.actor.party,
    holders: [env.actor.party],
    debtor: lease.projectCompany,
    collateral: { stationId: lease.stationId, income: 'electricity-charges' },
    status: 'active',
    children: [],
    createdAt: env.now,
    updatedAt: env.now,
  };
  const payload = { receivableId: receivable.id, leaseId: lease.id, amount: receivable.amount, holder: receivable.holder, debtor: receivable.debtor };
  return { receivable, lease: { ...lease, receivableIssued: true }, events: [{ name: 'ReceivableIssued', payload }] };
}

function requireActive(r: Receivable): void {
  if (r.status !== 'active') throw new ConflictError(`receivable ${r.id} is ${r.status}, not active`);
}

/** Split `r` into parts of the given amounts; they must sum exactly to r's amount. */
export function splitReceivable(r: Receivable, amounts: string[], env: ScfEnv): { parent: Receivable; children: Receivable[]; events: ScfEvent[] } {
  requireActive(r);
  if (r.id.split('.').length > 8) throw new ConflictError(`receivable ${r.id} is split as deep as allowed`);
  const total = amounts.reduce((sum, a) => sum + big(a), 0n);
  if (total !== big(r.amount)) throw new ValidationError('input.amounts', `must sum to ${r.amount}, not ${total}`);
  const children: Receivable[] = amounts.map((amount, i) => ({
    ...r,
    id: `${r.id}.${i + 1}`,
    parentId: r.id,
    amount,
    children: [],
    createdAt: env.now,
    updatedAt: env.now,
  }));
  const parent: Receivable = { ...r, status: 'split', children: children.map((c) => c.id), updatedAt: env.now };
  const payload = { receivableId: r.id, holder: r.holder, parts: children.map((c) => ({ receivableId: c.id, amount: c.amount })) };
  return { parent, children, events: [{ name: 'ReceivableSplit', payload }] };
}

/** Pass a part upstream: receivables travel to supplier companies (supplier, then sub-suppliers). */
export function transferReceivable(r: Receivable, to: string, env: ScfEnv): { receivable: Receivable; events: ScfEvent[] } {
  requireActive(r);
  if (!to.startsWith(`${MSP.supplier}:`)) throw new ValidationError('input.to', `must be a supplier company ${MSP.supplier}:<id>`);
  if (to === r.holder) throw new ValidationError('input.to', 'must differ from the current holder');
  const next: Receivable = { ...r, holder: to, holders: [...r.holders, to], updatedAt: env.now };
  return { receivable: next, events: [{ name: 'ReceivableTransferred', payload: { receivableId: r.id, from: r.holder, to, amount: r.amount } }] };
}

/**
 * Rent collected so far that belongs to part `r`: floor(collected · amount / rootAmount).
 * Computed from the cumulative total, so rounding never accumulates, and once
 * the lease is fully collected every part has received exactly its amount.
 */
export function collectedShare(r: Receivable, leaseCollected: bigint): bigint {
  return (leaseCollected * big(r.amount)) / big(r.rootAmount);
}

/** Sum of the amounts of the leaves under `root` among `parts` (for invariant checks and views). */
export function leafTotal(parts: Receivable[]): bigint {
  return parts.filter((p) => p.status !== 'split').reduce((sum, p) => sum + big(p.amount), 0n);
}
