/**
 * Shared by the scf end-to-end suites: placeholder hashes and salts, the shapes
 * scf returns for financing and refusals, waiting until another org's peer has
 * caught up, and reading the chaincode's message out of a Gateway error.
 */
import { randomBytes } from 'node:crypto';

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

/** Waiting until another org's peer has caught up: shared by every suite (fixtures/eventually.ts). */
export { eventually } from '../fixtures/eventually';

/** The chaincode's message(s) inside a Fabric Gateway error, or the error itself. */
export function errorText(e: unknown): string {
  if (!(e instanceof Error)) return `not an error: ${JSON.stringify(e)}`;
  const details = (e as { details?: { message: string }[] }).details ?? [];
  return [e.message, ...details.map((d) => d.message)].join(' | ');
}
