/** The kit's `network` contract, which every DEC chaincode carries: its lines come from the kit's transaction map. */
import { NETWORK_TRANSACTIONS } from '@dec/chaincode-kit/core';
import { linesOf, type TxDef } from './table';

export const networkTransactions: TxDef[] = linesOf(NETWORK_TRANSACTIONS);
