/**
 * A charging session's timeline: every version of its ledger record from the
 * gateway's index (`charging.ses` history), oldest first — started (by code
 * or scan to pay), each meter reading, stopped and settled with what the
 * provider, the platform and the user got — each step linked to its
 * transaction.
 */
import type { IndexedState } from '../api/types';
import { sessionTimeline, type SessionValue } from '../model/charging';
import { formatTime } from '../model/format';
import { href } from '../model/route';
import { errorBox, fields, h, link, table } from '../ui/dom';
import { providerLink } from './charging';
import type { Ctx } from './context';

/** Every version of the session (a session has a handful: start, readings, stop). */
async function versions(ctx: Ctx, id: string): Promise<IndexedState[]> {
  const out: IndexedState[] = [];
  let before: string | undefined;
  for (let i = 0; i < 5; i++) {
    const page = await ctx.api.indexState('energy', 'charging.ses', { first: id, history: 'true', limit: '100', ...(before ? { before } : {}) });
    out.push(...page.items.filter((v) => v.key === id));
    before = page.next;
    if (!before) break;
  }
  return out;
}

export async function chargingSessionView(ctx: Ctx, id: string): Promise<HTMLElement> {
  if (!ctx.channels.includes('energy') || !ctx.ledger) return errorBox('Sessions are read from the gateway\'s index of channel energy: regulators and API admins only.');
  const all = await versions(ctx, id);
  const steps = sessionTimeline(all);
  const latest = [...all].sort((a, b) => Number(b.blockNumber) - Number(a.blockNumber))[0]?.value as SessionValue | undefined;
  if (!latest) return errorBox(`No session ${id} in the index (yet).`);
  return h(
    'div',
    { 'data-test': 'charging-session' },
    h('h1', null, `Session ${id}`),
    h('p', null, link(href({ name: 'charging' }), '← Charging')),
    h(
      'section',
      { class: 'card' },
      fields([
        ['Status', h('span', { 'data-test': 'session-status' }, latest.status)],
        ['User', latest.user],
        ['Provider', providerLink(latest.provider)],
        ['Point / connector', `${latest.pointId} #${String(latest.connectorId)}`],
        ['Mode', latest.mode],
        ['Energy', latest.energyWh ? `${latest.energyWh} Wh` : '—'],
        ['Cost / provider paid / platform fee / refunded (DECC base units)', [latest.cost, latest.providerPaid, latest.platformFee, latest.refunded].map((x) => x ?? '—').join(' / ')],
      ]),
    ),
    h(
      'section',
      { class: 'card' },
      h('h3', null, 'Timeline'),
      table(
        ['Time', 'Step', 'Detail', 'Transaction'],
        steps.map((s) => [formatTime(s.time ?? undefined), s.what, s.detail, link(href({ name: 'tx', channel: 'energy', txId: s.transactionId }), `#${s.blockNumber}`)]),
        { 'data-test': 'session-timeline' },
      ),
    ),
  );
}
