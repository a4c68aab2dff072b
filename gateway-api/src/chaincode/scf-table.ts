/**
 * Every transaction of the `scf` chaincode (channel `scf`), from its
 * transaction map (chaincode/scf/src/transactions.ts, which also says who may call what).
 */
import { SCF_TRANSACTIONS } from '@dec/chaincode-scf/transactions';
import { networkTransactions } from './network-table';
import { linesOf, type ChaincodeTable } from './table';

export const scfTable: ChaincodeTable = {
  channel: 'scf',
  chaincode: 'scf',
  transactions: [...networkTransactions, ...linesOf(SCF_TRANSACTIONS)],
};
