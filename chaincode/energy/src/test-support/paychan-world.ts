/**
 * Test support (not loaded by the chaincode): the charging world plus the
 * payment-channel contract, P-256 key pairs for both parties and helpers
 * that sign balance proofs the way a wallet would (node:crypto).
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { TestCaller } from '@dec/chaincode-kit/testing';
import { failure } from '@dec/chaincode-kit/testing';
import { PaychanContract } from '../paychan/contract';
import { CLOSE_DOMAIN, PROOF_DOMAIN, signState } from '../paychan/proof';
import { ChargingWorld } from './charging-world';

export interface KeyPair {
  priv: KeyObject;
  pem: string;
}

export function keyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { priv: privateKey, pem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export class PaychanWorld extends ChargingWorld {
  readonly paychan = new PaychanContract();

  async pc<T = Record<string, unknown>>(method: string, caller: TestCaller, input: unknown): Promise<T> {
    return (await this.h.invoke(this.paychan, method, caller, [JSON.stringify(input)])).result as T;
  }
  async pcFails(method: string, caller: TestCaller, input: unknown): Promise<Error> {
    return failure(this.pc(method, caller, input), `paychan:${method}`);
  }
}

/** A balance proof (or a final close state) signed by both keys. */
export interface SignedState {
  nonce: number;
  userPaid: string;
  providerPaid: string;
  userSig: string;
  providerSig: string;
}

export function signed(domain: 'proof' | 'close', channelId: string, nonce: number, userPaid: string, providerPaid: string, u: KeyPair, p: KeyPair): SignedState {
  const d = domain === 'proof' ? PROOF_DOMAIN : CLOSE_DOMAIN;
  const s = { channelId, nonce, userPaid, providerPaid };
  return { nonce, userPaid, providerPaid, userSig: signState(d, s, u.priv), providerSig: signState(d, s, p.priv) };
}
