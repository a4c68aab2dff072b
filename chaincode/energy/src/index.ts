/**
 * The `energy` chaincode (channel `energy`): eID registry, DEC/DECC token ledger,
 * metering, micro-grid market. fabric-chaincode-node loads `contracts` from here.
 */
import { createNetworkContract } from '@dec/chaincode-kit';
import { version } from '../package.json';

export const contracts = [createNetworkContract('energy', version)];
