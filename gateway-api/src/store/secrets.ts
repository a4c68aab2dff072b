/**
 * Encryption at rest: AES-256-GCM under one master key. The key comes from
 * DEC_API_MASTER_KEY (64 hex characters) or from a key file in the run folder,
 * generated on first start with mode 0600. Each value gets a fresh 96-bit IV;
 * the stored form is `v1.<iv>.<tag>.<ciphertext>` (base64), and the associated
 * data binds a ciphertext to the row it belongs to, so values cannot be swapped.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromKey(key: Buffer): SecretBox {
    if (key.length !== 32) throw new Error('the master key must be 32 bytes');
    return new SecretBox(key);
  }

  /** DEC_API_MASTER_KEY if set, else `<dir>/master.key` (created with mode 0600 when missing). */
  static load(dir: string, env: NodeJS.ProcessEnv = process.env): SecretBox {
    const fromEnv = env.DEC_API_MASTER_KEY;
    if (fromEnv) {
      if (!/^[0-9a-fA-F]{64}$/.test(fromEnv)) throw new Error('DEC_API_MASTER_KEY must be 64 hex characters (32 bytes)');
      return SecretBox.fromKey(Buffer.from(fromEnv, 'hex'));
    }
    const file = path.join(dir, 'master.key');
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    }
    const mode = statSync(file).mode & 0o777;
    if (mode & 0o077) chmodSync(file, 0o600);
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error(`${file} does not hold a 32-byte hex key`);
    return SecretBox.fromKey(Buffer.from(hex, 'hex'));
  }

  seal(plaintext: string | Buffer, aad: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(aad, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join('.');
  }

  open(sealed: string, aad: string): Buffer {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]);
  }
}
