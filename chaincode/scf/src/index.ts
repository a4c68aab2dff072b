/**
 * The `scf` chaincode (channel `scf`): leasing, receivables, order and warehouse
 * financing, insurance, regulator rules. fabric-chaincode-node loads `contracts`
 * from here; clients import the transaction map from `@dec/chaincode-scf/transactions`.
 */
import { createNetworkContract } from '@dec/chaincode-kit';
import { version } from '../package.json';
import { AuditContract } from './audit/contract';
import { CollectionContract } from './collection/contract';
import { CreditContract } from './credit/contract';
import { FinancingContract } from './financing/contract';
import { InsuranceContract } from './insurance/contract';
import { LeasingContract } from './leasing/contract';
import { OrdersContract } from './orders/contract';
import { ReceivablesContract } from './receivables/contract';
import { RulesContract } from './rules/contract';
import { WarehouseContract } from './warehouse/contract';

export const contracts = [
  createNetworkContract('scf', version),
  LeasingContract,
  ReceivablesContract,
  FinancingContract,
  OrdersContract,
  WarehouseContract,
  InsuranceContract,
  RulesContract,
  AuditContract,
  CollectionContract,
  CreditContract,
];

export { SCF_TRANSACTIONS } from './transactions';
