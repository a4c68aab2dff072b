/**
 * Every transaction of the `energy` chaincode (channel `energy`), from its
 * transaction map: a new transaction is a line in chaincode/energy/src/transactions.ts.
 */
import { ENERGY_TRANSACTIONS } from '@dec/chaincode-energy/transactions';
import { networkTransactions } from './network-table';
import { linesOf, type ChaincodeTable } from './table';

export const energyTable: ChaincodeTable = {
  channel: 'energy',
  chaincode: 'energy',
  transactions: [...networkTransactions, ...linesOf(ENERGY_TRANSACTIONS)],
};
