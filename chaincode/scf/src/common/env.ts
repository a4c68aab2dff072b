/** What pure scf logic may know about the transaction: its time, ID and actor (the kit's TxEnv). Nothing else. */
import type { TxEnv } from '@dec/chaincode-kit/core';
import type { Actor } from '../access/policy';

export type ScfEnv = TxEnv<Actor>;
