/**
 * Participants on the real energy channel for integration tests and the
 * benchmark: each is a distinct identity enrolled at its org's Fabric CA,
 * registered in the eID registry, approved by the platform operator and funded
 * from the "others" allocation pool.
 */
import { ActorPool, runId, type Actor } from './actors';
import { createHash } from 'node:crypto';

export const ONE_DEC = 10n ** 18n;
export const dec = (whole: number | bigint) => (BigInt(whole) * ONE_DEC).toString();
export const kycHash = (name: string) => createHash('sha256').update(`kyc:${name}`).digest('hex');

export interface Participant {
  actor: Actor;
  eid: string;
}

export async function enrollOperator(pool: ActorPool): Promise<Actor> {
  return pool.enroll('PlatformMSP', 'operator', { role: 'operator' });
}

/** Genesis happens once per network; later runs find it done. */
export async function ensureGenesis(operator: Actor): Promise<void> {
  const info = await operator.evaluate<{ genesis: unknown }>('energy', 'token:GetGenesis');
  if (info.genesis === null) await operator.submit('energy', 'token:Genesis', {});
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)))));
  return out;
}

/** Retries `fn` while the chaincode says NOT_FOUND: another org's peer may still be a block behind. */
export async function untilFound<T>(fn: () => Promise<T>, attempts = 20): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const text = JSON.stringify((e as { details?: unknown }).details ?? '') + String(e);
      if (!text.includes('NOT_FOUND') || i >= attempts) throw e;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * `count` approved participants, round-robin over `orgs`, each funded with
 * `fundWholeDec` DEC (one ReleaseBatch per 100 payouts).
 */
export async function createParticipants(
  pool: ActorPool,
  operator: Actor,
  count: number,
  options: { orgs?: string[]; fundWholeDec?: number; name?: string; onProgress?: (done: number) => void } = {},
): Promise<Participant[]> {
  const orgs = options.orgs ?? ['BankMSP', 'LessorMSP', 'SupplierMSP', 'GridMSP'];
  const name = options.name ?? 'p';
  const actors = await inBatches(Array.from({ length: count }, (_, i) => i), 8, (i) => pool.enroll(orgs[i % orgs.length]!, `${name}${i}`, {}));
  options.onProgress?.(count);
  const participants = await inBatches(actors, 25, async (actor) => {
    const p = await actor.submit<{ eid: string }>('energy', 'identity:Register', { kycHash: kycHash(actor.enrollmentId), roles: ['producer', 'consumer'] });
    // The registration committed on the caller's peer; the operator's peers may
    // receive that block a moment later.
    await untilFound(() => operator.submit('energy', 'identity:Approve', { eid: p.eid }));
    return { actor, eid: p.eid };
  });
  if (options.fundWholeDec) {
    for (let i = 0; i < participants.length; i += 100) {
      const payouts = participants.slice(i, i + 100).map((p) => ({ to: p.eid, amount: dec(options.fundWholeDec!) }));
      await operator.submit('energy', 'token:ReleaseBatch', { pool: 'others', batchId: `fund-${runId()}`, payouts });
    }
  }
  return participants;
}

export async function balance(actor: Actor, account: string, asset: 'DEC' | 'DECC'): Promise<bigint> {
  return BigInt((await actor.evaluate<{ balance: string }>('energy', 'token:Balance', { account, asset })).balance);
}

export async function expectAuditOk(actor: Actor): Promise<void> {
  const audit = await actor.evaluate<{ ok: boolean; checks: { name: string; ok: boolean; detail?: string }[] }>('energy', 'token:Audit');
  if (!audit.ok) throw new Error(`ledger audit failed: ${JSON.stringify(audit.checks.filter((c) => !c.ok))}`);
}
