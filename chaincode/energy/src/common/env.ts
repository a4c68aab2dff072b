/**
 * What pure energy logic may know about the transaction (the kit's TxEnv): its
 * ID, time (`now`) and actor, the caller as the chaincode sees it (`actor.id`
 * is its certificate ID). `@Tx` builds it; tests build it by hand.
 */
import type { CallerView, TxEnv } from '@dec/chaincode-kit/core';

export type EnergyEnv = TxEnv<CallerView>;

export type { Change } from '@dec/chaincode-kit';
