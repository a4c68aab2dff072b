/**
 * The README's transaction tables, generated from the transaction maps (the
 * kit's `network` contract and energy's own). `npm run readme` writes them; the
 * drift test in transactions.test.ts fails when the committed README differs.
 */
import { NETWORK_TRANSACTIONS, spliceGenerated, transactionTable } from '@dec/chaincode-kit/core';
import path from 'node:path';
import { ENERGY_TRANSACTIONS } from '../transactions';

export const README_FILE = path.join(__dirname, '..', '..', 'README.md');

/** `readme` with its generated section rebuilt from the maps. */
export function withGeneratedTables(readme: string): string {
  const tables = `${transactionTable(ENERGY_TRANSACTIONS)}\nThe kit's \`network\` contract, which every DEC chaincode carries:\n\n${transactionTable(NETWORK_TRANSACTIONS)}`;
  return spliceGenerated(readme, tables);
}
