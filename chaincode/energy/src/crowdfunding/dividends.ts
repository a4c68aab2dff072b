/**
 * Earning-right certificates and dividends as pure functions.
 *
 * Rounding rule (stated in the README and tested): when period N is declared,
 * the revenue accrued since the last declaration is split: the holders' part
 * is floor(fresh × shareBps / 10000), the fundraiser keeps the rest; the
 * holders' pool is that part plus the remainder carried from earlier periods.
 * Each certificate is paid floor(pool × units / totalUnits). What the floors
 * leave (less than one base unit per certificate) stays in the project's
 * revenue account and is carried into the next period's pool: no unit is lost
 * or created, and a period is paid once (periods are declared in order, and
 * each one pays its certificates in number order through a stored cursor).
 */
import { ConflictError, ValidationError } from '@dec/chaincode-kit/core';
import type { Change, EnergyEnv } from '../common/env';
import { requireStatus } from './logic';
import { certificateId, type Certificate, type DividendPeriod, type Project } from './state';

type Asset = 'DEC' | 'DECC';
const MINUTE_MS = 60_000;

/** The end of dividend period `n` (periods run from the project's close). */
export function periodEnd(p: Project, n: number): string {
  return new Date(Date.parse(p.closedAt ?? p.deadline) + n * p.dividend.periodMinutes * MINUTE_MS).toISOString();
}

export function splitRevenue(fresh: bigint, shareBps: number): { holders: bigint; owner: bigint } {
  const holders = (fresh * BigInt(shareBps)) / 10_000n;
  return { holders, owner: fresh - holders };
}

export function holderShare(pool: bigint, units: bigint, totalUnits: bigint): bigint {
  return totalUnits === 0n ? 0n : (pool * units) / totalUnits;
}

export interface Declaration {
  project: Project;
  period: DividendPeriod;
}

/** Declares period `n` of `asset` over `accrued` (the revenue account's whole balance, carried remainder included). */
export function declare(p: Project, asset: Asset, n: number, accrued: bigint, env: EnergyEnv): Change<Declaration> {
  requireStatus(p, 'succeeded');
  if (p.openRun) throw new ConflictError(`project ${p.id}: period ${p.openRun.period} of ${p.openRun.asset} is still being paid`);
  const last = p.lastPeriod[asset];
  if (n <= last) throw new ValidationError('request.period', `period ${n} of ${asset} was already declared`);
  if (n !== last + 1) throw new ValidationError('request.period', `must be the next period, ${last + 1}`);
  const end = periodEnd(p, n);
  if (env.now < end) throw new ValidationError('request.period', `period ${n} ends at ${end}`);
  const carried = BigInt(p.carried[asset]);
  const { holders, owner } = splitRevenue(accrued - carried, p.dividend.shareBps);
  const pool = holders + carried;
  const period: DividendPeriod = {
    projectId: p.id, asset, period: n, accrued: accrued.toString(), pool: pool.toString(), ownerShare: owner.toString(),
    totalUnits: p.raised, paid: '0', nextSeq: 0, status: 'paying', dust: '0', declaredAt: env.now,
  };
  const project: Project = {
    ...p,
    openRun: { asset, period: n },
    lastPeriod: { ...p.lastPeriod, [asset]: n },
    ownerShare: { ...p.ownerShare, [asset]: (BigInt(p.ownerShare[asset]) + owner).toString() },
    carried: { ...p.carried, [asset]: '0' },
  };
  return { state: { project, period }, events: [{ name: 'crowdfunding.DividendDeclared', payload: { projectId: p.id, asset, period: n, pool: period.pool, ownerShare: period.ownerShare } }] };
}

export interface PagePayout {
  project: Project;
  period: DividendPeriod;
  payouts: { holder: string; certificateId: string; amount: bigint }[];
}

/** Pays certificates numbered [period.nextSeq, to) (given in number order); the last page closes the period and carries the dust. */
export function payPage(p: Project, period: DividendPeriod, certs: Certificate[], to: number, env: EnergyEnv): Change<PagePayout> {
  if (period.status === 'paid') throw new ConflictError(`period ${period.period} of ${period.asset} is already paid`);
  const pool = BigInt(period.pool);
  const total = BigInt(period.totalUnits);
  const payouts = certs.map((c) => ({ holder: c.holder, certificateId: c.id, amount: holderShare(pool, BigInt(c.units), total) }));
  const paid = BigInt(period.paid) + payouts.reduce((s, x) => s + x.amount, 0n);
  const nextSeq = to;
  const done = nextSeq >= p.certificates;
  const dust = done ? pool - paid : 0n;
  const next: DividendPeriod = { ...period, paid: paid.toString(), nextSeq, status: done ? 'paid' : 'paying', dust: dust.toString(), paidAt: done ? env.now : undefined };
  const project: Project = done
    ? { ...p, openRun: undefined, carried: { ...p.carried, [period.asset]: dust.toString() }, dividendsPaid: { ...p.dividendsPaid, [period.asset]: (BigInt(p.dividendsPaid[period.asset]) + paid).toString() } }
    : p;
  return { state: { project, period: next, payouts }, events: [{ name: 'crowdfunding.DividendsPaid', payload: { projectId: p.id, asset: period.asset, period: period.period, through: nextSeq, done } }] };
}

export interface TransferResult {
  from: Certificate;
  to: Certificate;
  project: Project;
}

/** Whole (units = all: the certificate changes holder) or split (a new certificate numbered next). Future dividends follow the units. */
export function transfer(p: Project, cert: Certificate, to: string, units: bigint, env: EnergyEnv): Change<TransferResult> {
  requireStatus(p, 'succeeded');
  if (p.openRun) throw new ConflictError(`project ${p.id}: certificates cannot move while period ${p.openRun.period} of ${p.openRun.asset} is being paid`);
  if (to === cert.holder) throw new ValidationError('request.to', 'is already the holder');
  const held = BigInt(cert.units);
  if (units > held) throw new ValidationError('request.units', `exceeds the certificate's ${held} units`);
  const events = [{ name: 'crowdfunding.CertificateTransferred', payload: { certificateId: cert.id, from: cert.holder, to, units: units.toString() } }];
  if (units === held) {
    const moved = { ...cert, holder: to };
    return { state: { from: moved, to: moved, project: p }, events };
  }
  const seq = p.certificates;
  const split: Certificate = { id: certificateId(p.id, seq), projectId: p.id, seq, holder: to, units: units.toString(), issuedAt: env.now };
  return { state: { from: { ...cert, units: (held - units).toString() }, to: split, project: { ...p, certificates: seq + 1 } }, events };
}
