import { energyTable } from './energy-table';
import { scfTable } from './scf-table';
import type { ChaincodeTable } from './table';

export const CHAINCODE_TABLES: ChaincodeTable[] = [energyTable, scfTable];
