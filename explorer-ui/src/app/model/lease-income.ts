/**
 * A lease's rent and income over time, across both channels: the cumulative
 * rent due by each instalment's due date (scf schedule), the cumulative rent
 * collected (scf collections, each relayed from energy income or typed), and
 * the energy assignment's cumulative `paid` (energy ledger) as of now. Pure, so
 * it is unit-tested; amounts stay bigint strings until they become chart points.
 */

export interface LeaseRecord {
  id: string;
  status: string;
  projectCompany: string;
  schedule: { n: number; dueDate: string; rent: string; collected: string }[];
  collections: { instalment: number; amount: string; at: string; txId: string; evidenceHash: string }[];
  collected: string;
}

export interface IncomeLink {
  assignmentId: string;
  synced: string;
  applied: string;
  surplus: string;
  syncs: number;
  lastSync?: { paid: string; amount: string; txId: string; at: string };
}

export interface Point {
  x: number;
  y: number;
}

export interface IncomeRow {
  at: string;
  channel: 'scf' | 'energy';
  what: string;
  amount: string;
  txId?: string;
}

const ms = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T00:00:00.000Z` : iso);

/** Cumulative rent due: a step at each due date. */
export function rentDue(lease: LeaseRecord): Point[] {
  let sum = 0n;
  return lease.schedule.map((r) => {
    sum += BigInt(r.rent);
    return { x: ms(r.dueDate), y: Number(sum) };
  });
}

/** Cumulative rent collected, one point per collection (in time order). */
export function rentCollected(lease: LeaseRecord): Point[] {
  let sum = 0n;
  return [...lease.collections].sort((a, b) => a.at.localeCompare(b.at)).map((c) => {
    sum += BigInt(c.amount);
    return { x: ms(c.at), y: Number(sum) };
  });
}

/** Every event of the lease's income on either channel, oldest first. */
export function incomeRows(lease: LeaseRecord, link: IncomeLink | null, energyPaid: string | undefined, now: string): IncomeRow[] {
  const rows: IncomeRow[] = lease.collections.map((c) => ({ at: c.at, channel: 'scf', what: `rent collected, instalment ${String(c.instalment)}`, amount: c.amount, txId: c.txId }));
  if (link && energyPaid !== undefined) rows.push({ at: now, channel: 'energy', what: `assignment ${link.assignmentId} has paid (energy ledger now); recorded on scf: ${link.synced}`, amount: energyPaid });
  return rows.sort((a, b) => a.at.localeCompare(b.at));
}

/** Income paid on energy not yet recorded on scf (a relay behind), never negative. */
export function notYetRecorded(link: IncomeLink | null, energyPaid: string | undefined): bigint {
  if (!link || energyPaid === undefined) return 0n;
  const gap = BigInt(energyPaid) - BigInt(link.synced);
  return gap > 0n ? gap : 0n;
}
