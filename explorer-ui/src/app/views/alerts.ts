/** Regulator alerts on scf (`rules:ListAlerts`: refusals recorded by chaincode and raised reports). */
import { formatTime } from '../model/format';
import { href } from '../model/route';
import { section } from '../ui/async';
import { h, link, table } from '../ui/dom';
import type { Ctx } from './context';

interface Alert {
  alertId: string;
  rule: string;
  assetType?: string;
  assetId?: string;
  suspect?: string;
  detail: string;
  reportedBy: string;
  transaction?: string;
  confirmed: boolean | null;
  at: string;
}

export function alertsView(ctx: Ctx): HTMLElement {
  if (!ctx.channels.includes('scf')) return h('p', { class: 'notice error', 'data-test': 'denied' }, `${ctx.me.mspId} is not a member of channel scf.`);
  return h(
    'div',
    null,
    h('h1', null, 'Regulator alerts'),
    section(null, async () => {
      const alerts = [...(await ctx.api.evaluate<Alert[]>('scf', 'rules:ListAlerts'))].sort((a, b) => b.at.localeCompare(a.at));
      return table(
        ['Time', 'Rule', 'Asset', 'Suspect', 'Detail', 'Reported by', 'Confirmed'],
        alerts.map((a) => [
          formatTime(a.at),
          a.rule,
          a.assetType === 'receivable' && a.assetId ? link(href({ name: 'receivable', id: a.assetId }), a.assetId) : `${a.assetType ?? ''} ${a.assetId ?? ''}`,
          a.suspect ?? '',
          a.detail,
          a.transaction ? `${a.reportedBy} (${a.transaction})` : a.reportedBy,
          a.confirmed === null ? 'n/a' : a.confirmed ? 'yes' : 'no',
        ]),
        { 'data-test': 'alerts' },
      );
    }),
  );
}
