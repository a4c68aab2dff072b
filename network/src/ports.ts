/**
 * Port layout, derived from the topology so nothing lists ports twice.
 *   org i      base = ports.orgBase + 100*i
 *     CA               base + 0   (operations base + 1)
 *     peer p           base + 10 + 10*p   (chaincode callback +1, operations +2)
 *     chaincode server base + 90 + k   (k = the chaincode's index in the topology)
 *   orderer j  base = ports.ordererBase + 10*j   (admin +1, operations +2)
 */
import type { Topology } from './topology';

export function orgBase(t: Topology, orgIndex: number): number {
  return t.ports.orgBase + 100 * orgIndex;
}

export const CA_OFFSET = 0;
export const CA_OPERATIONS_OFFSET = 1;
export const PEER_OFFSET = (p: number): number => 10 + 10 * p;
export const CHAINCODE_SERVER_OFFSET = (k: number): number => 90 + k;

export function ordererBase(t: Topology, j: number): number {
  return t.ports.ordererBase + 10 * j;
}
