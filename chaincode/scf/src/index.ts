/**
 * The `scf` chaincode (channel `scf`): leasing, receivables, order and warehouse
 * financing, insurance, regulator rules. fabric-chaincode-node loads `contracts` from here.
 */
import { createNetworkContract } from '@dec/chaincode-kit';
import { version } from '../package.json';

export const contracts = [createNetworkContract('scf', version)];
