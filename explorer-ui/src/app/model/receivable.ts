/**
 * A receivable's lifecycle as one dated list: the lease behind it (application,
 * approval, supplier payments, rent collections), the part's own versions
 * (issue, transfers upstream, split, pledge to a bank, repayment), the
 * financing records that pledged it, and regulator alerts naming it.
 * Inputs are what the gateway returns from scf evaluations; all are optional
 * because a caller may see some and not others.
 */
import type { HistoryEntry } from '../api/types';
import { formatInt } from './format';

export type LifecycleKind = 'lease' | 'payment' | 'issue' | 'transfer' | 'split' | 'financing' | 'collection' | 'repayment' | 'alert' | 'change';

export interface LifecycleEvent {
  at: string;
  kind: LifecycleKind;
  title: string;
  detail?: string;
  txId?: string;
}

interface Receivable {
  id: string;
  status: string;
  holder: string;
  amount: string;
  children?: string[];
  pledge?: { financingId: string; bank: string; at: string; releasedAt?: string };
}
interface Lease {
  id: string;
  appliedAt?: string;
  decidedAt?: string;
  status?: string;
  projectCompany?: string;
  requestedAmount?: string;
  terms?: { principal: string; termMonths: number; rateBps: number };
  supplierPayments?: { n: number; amount: string; at: string; txId: string }[];
  collections?: { instalment: number; amount: string; at: string; txId: string }[];
}
interface Financing {
  id: string;
  bank: string;
  counterparty: string;
  status: string;
  offeredAt?: string;
  acceptedAt?: string;
  advancedAt?: string;
  repaidAt?: string;
  declinedAt?: string;
}
interface Alert {
  alertId: string;
  rule: string;
  detail: string;
  at: string;
  assetId?: string;
  suspect?: string;
  transaction?: string;
}

export interface LifecycleInput {
  receivableId: string;
  history?: HistoryEntry[];
  lease?: Lease;
  financings?: Financing[];
  alerts?: Alert[];
}

const asReceivable = (v: unknown): Receivable | undefined => (typeof v === 'object' && v !== null && 'status' in v ? (v as Receivable) : undefined);

/** Where an event of one version comes from: the time and transaction that wrote it. */
interface Written {
  at: string;
  txId: string;
}

/** Holder and pledge changes between two versions of a part. */
function ownershipEvents(prev: Receivable, cur: Receivable, base: Written): LifecycleEvent[] {
  const out: LifecycleEvent[] = [];
  if (prev.holder !== cur.holder) out.push({ ...base, kind: 'transfer', title: `Transferred to ${cur.holder}`, detail: `from ${prev.holder}` });
  if (prev.status !== 'split' && cur.status === 'split') out.push({ ...base, kind: 'split', title: `Split into ${cur.children?.length ?? '?'} parts`, detail: (cur.children ?? []).join(', ') });
  if (!prev.pledge && cur.pledge) out.push({ ...base, kind: 'financing', title: `Pledged to ${cur.pledge.bank}`, detail: `financing ${cur.pledge.financingId}` });
  return out;
}

/** A released pledge, or else any other status change that no other event already tells. */
function settlementEvent(prev: Receivable, cur: Receivable, base: Written): LifecycleEvent | undefined {
  if (!prev.pledge?.releasedAt && cur.pledge?.releasedAt) return { ...base, kind: 'repayment', title: 'Bank repaid, pledge released', detail: `financing ${cur.pledge.financingId}` };
  if (prev.status !== cur.status && !['split', 'financed'].includes(cur.status)) return { ...base, kind: 'change', title: `Status ${prev.status} → ${cur.status}` };
  return undefined;
}

function partEvents(history: HistoryEntry[]): LifecycleEvent[] {
  const out: LifecycleEvent[] = [];
  const versions = [...history].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  let prev: Receivable | undefined;
  for (const h of versions) {
    const cur = asReceivable(h.value);
    if (!cur) continue;
    const base = { at: h.timestamp, txId: h.txId };
    if (!prev) out.push({ ...base, kind: 'issue', title: `Part ${cur.id} created`, detail: `${formatInt(cur.amount)} held by ${cur.holder}` });
    else {
      out.push(...ownershipEvents(prev, cur, base));
      const settled = settlementEvent(prev, cur, base);
      if (settled) out.push(settled);
    }
    prev = cur;
  }
  return out;
}

/** The lease's decision: approved with its terms, or whatever else was decided. */
function decisionEvent(lease: Lease): LifecycleEvent | undefined {
  if (!lease.decidedAt) return undefined;
  if (lease.terms)
    return { at: lease.decidedAt, kind: 'lease', title: `Lease ${lease.id} approved`, detail: `principal ${formatInt(lease.terms.principal)}, ${lease.terms.termMonths} months at ${lease.terms.rateBps} bps` };
  return { at: lease.decidedAt, kind: 'lease', title: `Lease ${lease.id} ${lease.status ?? 'decided'}` };
}

function leaseEvents(lease: Lease): LifecycleEvent[] {
  const out: LifecycleEvent[] = [];
  if (lease.appliedAt) out.push({ at: lease.appliedAt, kind: 'lease', title: `Lease ${lease.id} applied for`, detail: `${lease.projectCompany ?? ''} asks ${formatInt(lease.requestedAmount ?? '?')}`.trim() });
  const decision = decisionEvent(lease);
  if (decision) out.push(decision);
  for (const p of lease.supplierPayments ?? []) out.push({ at: p.at, kind: 'payment', title: `Supplier payment #${p.n}`, detail: formatInt(p.amount), txId: p.txId });
  for (const c of lease.collections ?? []) out.push({ at: c.at, kind: 'collection', title: `Rent collected, instalment ${c.instalment}`, detail: formatInt(c.amount), txId: c.txId });
  return out;
}

function financingEvents(f: Financing): LifecycleEvent[] {
  const steps: [string | undefined, LifecycleKind, string][] = [
    [f.offeredAt, 'financing', `${f.bank} offered financing ${f.id}`],
    [f.acceptedAt, 'financing', `${f.counterparty} accepted financing ${f.id}`],
    [f.advancedAt, 'financing', `${f.bank} paid the advance of ${f.id}`],
    [f.repaidAt, 'repayment', `Financing ${f.id} repaid`],
    [f.declinedAt, 'change', `Financing ${f.id} declined`],
  ];
  return steps.filter((s): s is [string, LifecycleKind, string] => !!s[0]).map(([at, kind, title]) => ({ at, kind, title }));
}

export function lifecycle(input: LifecycleInput): LifecycleEvent[] {
  const events = [
    ...(input.lease ? leaseEvents(input.lease) : []),
    ...partEvents(input.history ?? []),
    ...(input.financings ?? []).flatMap(financingEvents),
    ...(input.alerts ?? [])
      .filter((a) => a.assetId === input.receivableId)
      .map((a): LifecycleEvent => ({ at: a.at, kind: 'alert', title: `Regulator alert: ${a.rule}`, detail: `${a.detail}${a.suspect ? ` (suspect ${a.suspect})` : ''}`, txId: a.alertId })),
  ];
  // Stable by time; events of one transaction keep the order they were built in.
  return events.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i).map((x) => x.e);
}

/** `L1.2.1` → `L1` (the root receivable and the lease share this ID). */
export const rootOf = (receivableId: string): string => receivableId.split('.')[0] ?? receivableId;
