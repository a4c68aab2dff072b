/**
 * Ledger activity for the browser tests, made through the gateway API the way
 * an integrator would: API users registered by their org's API admin, a DEC
 * transfer between two KYC-approved participants, and a lease whose
 * receivable is issued, split and collected on.
 */
import type { ApiClient, Reply } from '../fixtures/api-client';
import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

export const runId = (): string => `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const ONE_DEC = 10n ** 18n;

export interface SubmitReply {
  transactionId: string;
  blockNumber: string;
  validationCode: string;
  result: Record<string, unknown>;
}

function ok<T>(r: Reply<T>, what: string): T {
  if (r.status !== 200 && r.status !== 201) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/**
 * A submit right after another org's commit may reach a peer that has not seen
 * that block yet (NOT_FOUND, ACCESS_DENIED on a record still missing), and the
 * shared network may be busy (503 while chaincode is redeployed): retry briefly.
 */
async function retrying<T>(call: () => Promise<Reply<T>>, what: string): Promise<Reply<T>> {
  let last: Reply<T> | undefined;
  for (let i = 0; i < 40; i++) {
    last = await call();
    if (last.status === 200) return last;
    if (![403, 404, 409, 503].includes(last.status)) break;
    await sleep(500);
  }
  throw new Error(`${what}: HTTP ${last?.status} ${JSON.stringify(last?.body)}`);
}

const submit = async (client: ApiClient, path: string, body: unknown, what: string): Promise<SubmitReply> =>
  (await retrying(() => client.post<SubmitReply>(path, body), what)).body;

export async function newUser(admin: ApiClient, enrollmentId: string, attrs: { role?: string; eid?: string } = {}): Promise<ApiClient> {
  const body = ok(await admin.post<{ apiKey: string }>('/api/v1/identities', { enrollmentId, ...attrs }), `register ${enrollmentId}`);
  return admin.as(body.apiKey);
}

export interface TokenParties {
  payer: ApiClient;
  payerEid: string;
  payeeEid: string;
}

/** Two approved participants, the payer funded with 1000 DEC from the `others` pool. */
export async function tokenParties(operator: ApiClient, payer: ApiClient, payee: ApiClient, run: string): Promise<TokenParties> {
  const genesis = (await retrying(() => operator.get('/api/v1/energy/token/get-genesis'), 'get genesis')).body as { result: { genesis: unknown } | null };
  if (!genesis.result?.genesis) await submit(operator, '/api/v1/energy/token/genesis', {}, 'genesis');
  const eids: string[] = [];
  for (const [who, name] of [[payer, 'payer'], [payee, 'payee']] as const) {
    const reg = await submit(who, '/api/v1/energy/identity/register', { kycHash: sha256(`${name}-${run}`), roles: ['consumer'] }, `register ${name}`);
    const eid = reg.result.eid as string;
    await submit(operator, '/api/v1/energy/identity/approve', { eid }, `approve ${name}`);
    eids.push(eid);
  }
  const [payerEid, payeeEid] = eids as [string, string];
  await submit(operator, '/api/v1/energy/token/release-batch', { pool: 'others', batchId: `explorer-${run}`, payouts: [{ to: payerEid, amount: (1000n * ONE_DEC).toString() }] }, 'release batch');
  return { payer, payerEid, payeeEid };
}

export function transfer(p: TokenParties, whole: number): Promise<SubmitReply> {
  return submit(p.payer, '/api/v1/energy/token/transfer', { from: p.payerEid, to: p.payeeEid, asset: 'DEC', amount: (BigInt(whole) * ONE_DEC).toString(), memo: 'explorer browser test' }, 'transfer');
}

/** A lease whose root receivable is issued, split in two, and has its first rent collected. Returns the receivable (= lease) ID. */
export async function receivableWithHistory(projectCompany: ApiClient, lessorOfficer: ApiClient, supplierId: string, run: string): Promise<string> {
  const leaseId = `XL${run}`.slice(0, 40);
  await submit(
    projectCompany,
    '/api/v1/scf/leasing/apply',
    { leaseId, stationId: `S${run}`, constructionApprovalHash: sha256(`approval-${run}`), equipment: [{ description: 'PV modules', quantity: 40 }], supplier: `SupplierMSP:${supplierId}`, amount: '1200000' },
    'apply',
  );
  const approved = await submit(lessorOfficer, '/api/v1/scf/leasing/approve', { leaseId, principal: '1200000', rateBps: 600, termMonths: 12, firstDueDate: '2027-01-31' }, 'approve');
  const schedule = (approved.result.schedule ?? []) as { n: number; rent: string }[];
  const issued = await submit(lessorOfficer, '/api/v1/scf/receivables/issue', { leaseId }, 'issue');
  const amount = BigInt(issued.result.amount as string);
  const first = amount / 3n;
  await submit(lessorOfficer, '/api/v1/scf/receivables/split', { receivableId: leaseId, amounts: [first.toString(), (amount - first).toString()] }, 'split');
  if (schedule[0]) await submit(lessorOfficer, '/api/v1/scf/leasing/record-rent-collected', { leaseId, instalment: schedule[0].n, amount: schedule[0].rent, evidenceHash: sha256(`rent-${run}`) }, 'collect');
  return leaseId;
}
