/**
 * Finds private keys in a folder and says whose they are. A key is recognised
 * by its public half, not by where it lies, so a key copied under another
 * name or embedded in a JSON file is still found: every PEM private key in
 * every file is read, and its public key looked up among the keys each org
 * owns in the operator's crypto folder.
 */
import { createPublicKey } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const PEM_KEY = /-----BEGIN (?:EC |RSA )?PRIVATE KEY-----[\s\S]+?-----END (?:EC |RSA )?PRIVATE KEY-----/g;

export interface FoundKey {
  file: string;
  /** The public key (SPKI DER, base64): the key's identity. */
  publicKey: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    const stat = statSync(full);
    if (stat.isDirectory()) return filesUnder(full);
    return stat.isFile() && stat.size < 4_000_000 ? [full] : [];
  });
}

function publicOf(pem: string): string {
  return createPublicKey(pem.replace(/\\n/g, '\n')).export({ type: 'spki', format: 'der' }).toString('base64');
}

/** Every PEM private key in any file under `dir` (JSON-escaped ones too). */
export function privateKeysIn(dir: string): FoundKey[] {
  return filesUnder(dir).flatMap((file) => {
    const text = readFileSync(file, 'latin1');
    return [...text.matchAll(PEM_KEY)].map((m) => ({ file: path.relative(dir, file), publicKey: publicOf(m[0]) }));
  });
}

/**
 * Who owns each key of the operator's crypto folder: the org folder it was
 * generated in (`peerOrganizations/<domain>` or `ordererOrganizations/<domain>`).
 */
export function keyOwners(cryptoDir: string): Map<string, string> {
  const owners = new Map<string, string>();
  for (const kind of ['peerOrganizations', 'ordererOrganizations']) {
    for (const domain of readdirSync(path.join(cryptoDir, kind))) {
      for (const key of privateKeysIn(path.join(cryptoDir, kind, domain))) owners.set(key.publicKey, domain);
    }
  }
  return owners;
}

/** Keys in `dir` that belong to an org other than `own` (unknown keys count as foreign). */
export function foreignKeys(dir: string, owners: Map<string, string>, own: string[]): (FoundKey & { owner: string })[] {
  return privateKeysIn(dir)
    .map((k) => ({ ...k, owner: owners.get(k.publicKey) ?? 'unknown' }))
    .filter((k) => !own.includes(k.owner));
}
