/**
 * Crowdfunding state access. Key scheme (Fabric composite keys; `~` separates parts):
 *
 *   cf.project  ~<projectId>                          Project
 *   cf.cert     ~<projectId>~<seq, 9 digits>          Certificate (numbered: paged runs use point reads)
 *   cf.funder   ~<projectId>~<funderEid>              { seq }  the funder's subscription certificate
 *   cf.holder   ~<holderEid>~<projectId>~<seq>        { id }   index for a holder's view
 *   cf.period   ~<projectId>~<asset>~<n, 6 digits>    DividendPeriod
 *   cf.drawdown ~<projectId>~<txId>                   Drawdown
 *   cf.progress ~<projectId>~<n, 6 digits>            ProgressReport
 *
 * Money sits in token accounts named after the project (state.ts), moved with
 * the TokenStore, so token:Audit counts it.
 */
import { decoder, keyPart, sortableNumber, type Ledger, type Page } from '@dec/chaincode-kit';
import { z } from 'zod';
import { certificateSchema, drawdownSchema, periodSchema, progressSchema, projectSchema, type Certificate, type Drawdown, type DividendPeriod, type ProgressReport, type Project } from './state';

export const CF_KEYS = {
  project: 'cf.project',
  cert: 'cf.cert',
  funder: 'cf.funder',
  holder: 'cf.holder',
  period: 'cf.period',
  drawdown: 'cf.drawdown',
  progress: 'cf.progress',
} as const;

const dProject = decoder(projectSchema, 'project');
const dCert = decoder(certificateSchema, 'certificate');
const dPeriod = decoder(periodSchema, 'dividend period');
const dDrawdown = decoder(drawdownSchema, 'drawdown');
const dProgress = decoder(progressSchema, 'progress report');
const dSeq = decoder(z.object({ seq: z.number().int() }), 'funder index');
const dId = decoder(z.object({ id: z.string() }), 'holder index');

/** `proj:<hex>/<seq>` → its parts (the input schema has checked the form). */
export function parseCertificateId(id: string): { projectId: string; seq: number } {
  const [projectId = '', seq = '0'] = id.split('/');
  return { projectId, seq: Number(seq) };
}

export class CrowdfundingStore {
  constructor(private readonly ledger: Ledger) {}

  private projectKey(id: string): string {
    return this.ledger.key(CF_KEYS.project, keyPart('projectId', id));
  }

  project(id: string): Promise<Project | undefined> {
    return this.ledger.get(this.projectKey(id), dProject);
  }

  requireProject(id: string): Promise<Project> {
    return this.ledger.require(this.projectKey(id), dProject, 'project', id);
  }

  async putProject(p: Project): Promise<void> {
    await this.ledger.put(this.projectKey(p.id), p);
  }

  async pageProjects(pageSize: number, bookmark: string): Promise<Page<Project>> {
    return this.ledger.page(CF_KEYS.project, [], pageSize, bookmark, dProject);
  }

  // --- certificates ------------------------------------------------------------

  private certKey(projectId: string, seq: number): string {
    return this.ledger.key(CF_KEYS.cert, projectId, sortableNumber(seq, 9));
  }

  private holderKey(c: Certificate): string {
    return this.ledger.key(CF_KEYS.holder, keyPart('holder', c.holder), c.projectId, sortableNumber(c.seq, 9));
  }

  certificate(projectId: string, seq: number): Promise<Certificate | undefined> {
    return this.ledger.get(this.certKey(projectId, seq), dCert);
  }

  requireCertificate(id: string): Promise<Certificate> {
    const { projectId, seq } = parseCertificateId(id);
    return this.ledger.require(this.certKey(projectId, seq), dCert, 'certificate', id);
  }

  /** Writes a certificate and moves its holder index when the holder changed. */
  async putCertificate(next: Certificate, previous?: Certificate): Promise<void> {
    if (previous && previous.holder !== next.holder) await this.ledger.delete(this.holderKey(previous));
    await this.ledger.put(this.certKey(next.projectId, next.seq), next);
    await this.ledger.put(this.holderKey(next), { id: next.id });
  }

  async deleteCertificate(c: Certificate): Promise<void> {
    await this.ledger.delete(this.certKey(c.projectId, c.seq));
    await this.ledger.delete(this.holderKey(c));
  }

  /** Certificates numbered [from, to): point reads only, so a submit stays bounded and conflict-checked. */
  async certificatesInRange(projectId: string, from: number, to: number): Promise<Certificate[]> {
    const out: Certificate[] = [];
    for (let seq = from; seq < to; seq++) {
      const c = await this.certificate(projectId, seq);
      if (c) out.push(c);
    }
    return out;
  }

  async pageCertificates(projectId: string, pageSize: number, bookmark: string): Promise<Page<Certificate>> {
    return this.ledger.page(CF_KEYS.cert, [projectId], pageSize, bookmark, dCert);
  }

  async pageHolderCertificates(holder: string, pageSize: number, bookmark: string): Promise<Page<Certificate>> {
    const page = await this.ledger.page(CF_KEYS.holder, [keyPart('holder', holder)], pageSize, bookmark, dId);
    const items = [];
    for (const e of page.items) items.push({ ...e, value: await this.requireCertificate(e.value.id) });
    return { items, bookmark: page.bookmark };
  }

  private funderKey(projectId: string, funder: string): string {
    return this.ledger.key(CF_KEYS.funder, projectId, keyPart('funder', funder));
  }

  async funderSeq(projectId: string, funder: string): Promise<number | undefined> {
    return (await this.ledger.get(this.funderKey(projectId, funder), dSeq))?.seq;
  }

  async putFunderSeq(projectId: string, funder: string, seq: number): Promise<void> {
    await this.ledger.put(this.funderKey(projectId, funder), { seq });
  }

  // --- dividend periods, drawdowns, progress --------------------------------------

  private periodKey(projectId: string, asset: string, n: number): string {
    return this.ledger.key(CF_KEYS.period, projectId, asset, sortableNumber(n, 6));
  }

  requirePeriod(projectId: string, asset: string, n: number): Promise<DividendPeriod> {
    return this.ledger.require(this.periodKey(projectId, asset, n), dPeriod, 'dividend period', `${projectId} ${asset} ${n}`);
  }

  async putPeriod(p: DividendPeriod): Promise<void> {
    await this.ledger.put(this.periodKey(p.projectId, p.asset, p.period), p);
  }

  pagePeriods(projectId: string, asset: string, pageSize: number, bookmark: string): Promise<Page<DividendPeriod>> {
    return this.ledger.page(CF_KEYS.period, [projectId, asset], pageSize, bookmark, dPeriod);
  }

  async putDrawdown(d: Drawdown): Promise<void> {
    await this.ledger.put(this.ledger.key(CF_KEYS.drawdown, d.projectId, d.txId), d);
  }

  pageDrawdowns(projectId: string, pageSize: number, bookmark: string): Promise<Page<Drawdown>> {
    return this.ledger.page(CF_KEYS.drawdown, [projectId], pageSize, bookmark, dDrawdown);
  }

  async putProgress(r: ProgressReport): Promise<void> {
    await this.ledger.put(this.ledger.key(CF_KEYS.progress, r.projectId, sortableNumber(r.n, 6)), r);
  }

  pageProgress(projectId: string, pageSize: number, bookmark: string): Promise<Page<ProgressReport>> {
    return this.ledger.page(CF_KEYS.progress, [projectId], pageSize, bookmark, dProgress);
  }
}
