/**
 * Governance (white paper 8; issue 17): the seated committee and its term,
 * elections with their results, community proposal rounds with each
 * proposal's tally and the 10 % rule applied (for > against × 1.1), and the
 * disclosures with the figures the chaincode computed at publication.
 */
import { formatTime } from '../model/format';
import { section } from '../ui/async';
import { h, table } from '../ui/dom';
import type { Ctx } from './context';

interface Committee { term: number; source: string; members: string[]; secretaryGeneral: string; since: string; endsAt?: string; sgConsecutiveTerms?: number; representatives?: { eid: string; votes: string }[]; openElection?: string }
interface Election { electionId: string; term: number; status: string; opensAt: string; closesAt: string; rules: { representatives: number; coreMembers: number }; tally: { ballots: number; pages: number }; result?: { coreMembers: string[]; secretaryGeneral?: string; representatives: { eid: string; votes: string }[]; late: boolean; reason?: string } }
interface Round { roundId: string; voteType: string; title: string; status: string; closesAt: string; reward: string; winner?: string; rewardPaidTo?: string }
interface Proposal { proposalId: string; proposer: string; title: string; result?: { for: string; against: string; approved: boolean } }
interface Disclosure { disclosureId: string; kind: string; period: string; dueBy: string; late: boolean; documentHash: string; publishedAt: string; summary: { circulatingDec: string; reserveDec: string; fees: { DEC: string; DECC: string }; complete: boolean } }
interface Page<T> { items: T[]; bookmark: string }

const DEC = 10n ** 18n;
const wholeDec = (base: string): string => (BigInt(base) / DEC).toLocaleString('en-US');
/** The 10 % rule as the chaincode applies it: 10·for > 11·against. */
export const marginText = (f: string, a: string): string => {
  const ok = BigInt(f) > 0n && BigInt(f) * 10n > BigInt(a) * 11n;
  return `${wholeDec(f)} for / ${wholeDec(a)} against: ${ok ? 'approved' : 'not approved'} (needs for > against × 1.1)`;
};

function committeeCard(ctx: Ctx): HTMLElement {
  return section('Decision committee', async () => {
    const { committee: c } = await ctx.api.evaluate<{ committee: Committee | null }>('energy', 'governance:GetCommittee');
    if (!c) return h('p', null, 'No committee is seated yet.');
    return h(
      'div',
      { 'data-test': 'gov-committee' },
      h('p', null, `Term ${c.term.toString()} (${c.source}), since ${formatTime(c.since)}${c.endsAt ? `, ends ${formatTime(c.endsAt)}` : ''}${c.openElection ? ` · election under way: ${c.openElection}` : ''}`),
      table(['Core member', 'Votes in committee'], c.members.map((m) => [m, m === c.secretaryGeneral ? `2 (secretary general, term ${(c.sgConsecutiveTerms ?? 1).toString()} in a row)` : '1'])),
      c.representatives ? h('p', null, `Representatives: ${c.representatives.length.toString()}`) : null,
    );
  }, { 'data-test': 'gov-committee-card' });
}

function electionsCard(ctx: Ctx): HTMLElement {
  return section('Elections', async () => {
    const page = await ctx.api.evaluate<Page<Election>>('energy', 'governance:ListElections', { pageSize: 20 });
    if (page.items.length === 0) return h('p', null, 'No elections yet.');
    return table(
      ['Election', 'Term', 'Rules (N / M)', 'Window', 'Status', 'Ballots', 'Core members (secretary general first)', 'Representatives'],
      page.items.map((e) => [
        e.electionId, e.term.toString(), `${e.rules.representatives.toString()} / ${e.rules.coreMembers.toString()}`, `${formatTime(e.opensAt)} – ${formatTime(e.closesAt)}`,
        `${e.status}${e.result?.late ? ' (late)' : ''}${e.result?.reason ? `: ${e.result.reason}` : ''}`, e.tally.ballots.toString(),
        e.result?.secretaryGeneral ? [e.result.secretaryGeneral, ...e.result.coreMembers.filter((m) => m !== e.result?.secretaryGeneral)].join(', ') : '',
        (e.result?.representatives ?? []).map((r) => `${r.eid} (${wholeDec(r.votes)} DEC)`).join(', '),
      ]),
      { 'data-test': 'gov-elections' },
    );
  });
}

function roundsCard(ctx: Ctx): HTMLElement {
  return section('Community proposals', async () => {
    const rounds = await ctx.api.evaluate<Page<Round>>('energy', 'governance:ListRounds', { pageSize: 20 });
    if (rounds.items.length === 0) return h('p', null, 'No proposal rounds yet.');
    const blocks: HTMLElement[] = [];
    for (const r of rounds.items) {
      const proposals = await ctx.api.evaluate<Page<Proposal>>('energy', 'governance:ListProposals', { roundId: r.roundId, pageSize: 50 });
      blocks.push(
        h('h4', null, `${r.title} · ${r.voteType} · ${r.status === 'open' ? `open until ${formatTime(r.closesAt)}` : r.status}${r.winner ? ` · winner ${r.winner}` : ''}`),
        table(
          ['Proposal', 'Proposer', 'Tally and the 10 % rule'],
          proposals.items.map((p) => [`${p.proposalId}${p.proposalId === r.winner ? ' (winner)' : ''}`, p.proposer, p.result ? marginText(p.result.for, p.result.against) : r.status === 'decided' ? 'no votes: not approved' : 'not tallied yet']),
          { 'data-test': `gov-round-${r.status}` },
        ),
      );
    }
    return h('div', { 'data-test': 'gov-rounds' }, blocks);
  });
}

function disclosuresCard(ctx: Ctx): HTMLElement {
  return section('Disclosures', async () => {
    const page = await ctx.api.evaluate<Page<Disclosure>>('energy', 'governance:ListDisclosures', { pageSize: 50 });
    if (page.items.length === 0) return h('p', null, 'No disclosures yet.');
    return table(
      ['Report', 'Period', 'Published', 'Due by', 'Document hash', 'Circulating DEC', 'Reserve DEC', 'Fees DEC'],
      page.items.map((d) => [d.kind, d.period, formatTime(d.publishedAt), `${formatTime(d.dueBy)}${d.late ? ' (late)' : ''}`, d.documentHash.slice(0, 16), wholeDec(d.summary.circulatingDec), wholeDec(d.summary.reserveDec), wholeDec(d.summary.fees.DEC)]),
      { 'data-test': 'gov-disclosures' },
    );
  });
}

export function governanceView(ctx: Ctx): HTMLElement {
  if (!ctx.channels.includes('energy')) return h('p', { class: 'notice error', 'data-test': 'denied' }, `${ctx.me.mspId} is not a member of channel energy.`);
  return h('div', { 'data-test': 'governance' }, h('h1', null, 'Governance'), committeeCard(ctx), electionsCard(ctx), roundsCard(ctx), disclosuresCard(ctx));
}
