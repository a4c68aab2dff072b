/**
 * Search by block number, transaction ID, eID, token account or asset ID.
 * Each kind is answered by direct lookups (a block read, a transaction by ID,
 * a record by key) on the channels the caller may see — never by scanning.
 */
import { classify, SCF_ASSET_TYPES } from '../model/search';
import { href } from '../model/route';
import { ApiFailure } from '../api/client';
import { section } from '../ui/async';
import { code, errorBox, h, link, unavailable } from '../ui/dom';
import type { Ctx } from './context';

const notFound = (e: unknown): boolean => e instanceof ApiFailure && (e.status === 404 || e.code === 'NOT_FOUND');

async function findBlock(ctx: Ctx, n: number): Promise<Node> {
  const hits = await Promise.all(ctx.channels.map(async (c) => (Number((await ctx.api.channelInfo(c)).height) > n ? c : undefined)));
  const found = hits.filter((c): c is string => !!c);
  return found.length ? h('ul', null, found.map((c) => h('li', null, link(href({ name: 'block', channel: c, number: n }), `Block #${n} on ${c}`)))) : h('p', null, `No channel you see has block ${n}.`);
}

async function findTx(ctx: Ctx, txId: string): Promise<Node> {
  for (const c of ctx.channels) {
    try {
      const t = await ctx.api.transaction(c, txId);
      return h('p', null, link(href({ name: 'tx', channel: c, txId }), `${t.function ?? t.type} on ${c}, block ${t.blockNumber ?? '?'}`, { 'data-test': 'search-hit' }));
    } catch (e) {
      if (!notFound(e)) throw e;
    }
  }
  return h('p', null, 'No such transaction on the channels you see.');
}

async function findEid(ctx: Ctx, eid: string, device: boolean): Promise<Node> {
  const record = await ctx.api.evaluate<unknown>('energy', device ? 'identity:GetDevice' : 'identity:Get', { eid });
  return h(
    'div',
    { 'data-test': 'search-hit' },
    code(JSON.stringify(record, null, 2)),
    device ? link(href({ name: 'meters', meter: eid }), 'Meter data →') : link(href({ name: 'tokens', account: eid }), 'Balances and history →'),
    h('p', null, unavailable('transactions of an eID', 'needs an index: GET /api/v1/ledger/{channel}/transactions?eid=…&before=<block>&limit=N')),
  );
}

async function findAsset(ctx: Ctx, id: string): Promise<Node> {
  if (!ctx.channels.includes('scf')) return h('p', null, 'Business assets live on channel scf, which your org is not on.');
  const found = await Promise.all(
    SCF_ASSET_TYPES.map(async (assetType) => {
      try {
        await ctx.api.evaluate('scf', 'audit:History', { assetType, assetId: id });
        return assetType;
      } catch (e) {
        if (notFound(e) || (e instanceof ApiFailure && e.code === 'VALIDATION')) return undefined;
        throw e;
      }
    }),
  );
  const types = found.filter((t) => t !== undefined);
  if (types.length === 0) return h('p', null, `No lease, receivable, order, receipt or financing ${id} that you may see.`);
  return h(
    'ul',
    null,
    types.map((t) =>
      h('li', { 'data-test': 'search-hit' }, t === 'receivable' ? link(href({ name: 'receivable', id }), `Receivable ${id}: lifecycle`) : `${t} ${id}`, ' · ', link(href({ name: 'history', channel: 'scf', objectType: t, attributes: keyAttributes(t, id) }), 'key history')),
    ),
  );
}

/** The composite key attributes of an scf asset (chaincode/scf README key scheme). */
function keyAttributes(assetType: string, id: string): string {
  return assetType === 'receivable' ? `${id.split('.')[0]},${id}` : id;
}

export function searchView(ctx: Ctx, q: string): HTMLElement {
  const kind = classify(q);
  let body: HTMLElement;
  switch (kind.kind) {
    case 'invalid':
      body = errorBox(kind.reason);
      break;
    case 'block':
      body = ctx.ledger ? section('Blocks', () => findBlock(ctx, kind.number)) : errorBox('Blocks are read by regulators and API admins only.');
      break;
    case 'tx':
      body = ctx.ledger ? section('Transaction', () => findTx(ctx, kind.txId)) : errorBox('Transactions are read by regulators and API admins only.');
      break;
    case 'eid':
      body = section(kind.device ? 'Device' : 'Participant', () => findEid(ctx, kind.eid, kind.device));
      break;
    case 'account':
      body = h('p', null, link(href({ name: 'tokens', account: kind.account }), `Token account ${kind.account} →`));
      break;
    case 'asset':
      body = section('Assets', () => findAsset(ctx, kind.id));
      break;
  }
  return h('div', null, h('h1', null, `Search: ${q}`), body);
}
