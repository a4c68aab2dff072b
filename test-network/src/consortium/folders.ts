/**
 * Where the consortium commands keep their files. Each joining org gets a folder
 * of its own ("its host": only its crypto, its CA, its peer's ledger), apart
 * from the run folder the existing members' material lives in; config updates
 * and signature files go to a shared work folder, the way admins exchange files.
 */
import { mkdirSync } from 'node:fs';
import { runPath } from '../paths';

export const CONSORTIUM_DIR = runPath('consortium');

/** The folder standing in for `orgName`'s own host. */
export function hostDir(orgName: string): string {
  return runPath('consortium', 'hosts', orgName);
}

/** Scratch space for fetched blocks and encodings. */
export function workDir(): string {
  const dir = runPath('consortium', 'work');
  mkdirSync(dir, { recursive: true });
  return dir;
}
