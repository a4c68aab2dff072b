/**
 * Shared by the scf end-to-end suites: placeholder hashes and salts, the shapes
 * scf returns for financing and refusals, waiting until another org's peer has
 * caught up, and reading the chaincode's message out of a Gateway error.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/** A placeholder 64-hex-digit hash made of `c`. */
export const H = (c: string): string => c.repeat(64).slice(0, 64);
export const salt = (): string => randomBytes(16).toString('hex');

export interface Fin {
  financing: { id: string; status: string; collection: string };
  termsHash: string;
}

/** What financing:Offer / Accept return (and commit, with an alert) when a regulator rule refuses them. */
export interface Refusal {
  refused: true;
  rule: string;
  detail: string;
  alertId: string;
  transaction: string;
  financingId: string;
}

/**
 * A submit waits for the commit on the submitter's own peer only; another org's
 * peer may be a block behind. Before another org's peer reads (or endorses on)
 * what was just written, wait until `read` through that peer satisfies `ok`.
 */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean = () => true): Promise<T> {
  let last: unknown;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const value = await read();
      if (ok(value)) return value;
      last = value;
    } catch (e) {
      last = e;
    }
    await sleep(100);
  }
  throw new Error(`never became visible: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
}

/** The chaincode's message(s) inside a Fabric Gateway error, or the error itself. */
export function errorText(e: unknown): string {
  if (!(e instanceof Error)) return `not an error: ${JSON.stringify(e)}`;
  const details = (e as { details?: { message: string }[] }).details ?? [];
  return [e.message, ...details.map((d) => d.message)].join(' | ');
}
