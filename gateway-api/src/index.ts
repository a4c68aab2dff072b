export * from './fabric/network-config';
export * from './fabric/connection';
export { connect, EndorseError, CommitError, GatewayError } from '@hyperledger/fabric-gateway';
export type { Gateway, Contract, Network } from '@hyperledger/fabric-gateway';
export * from './fabric/submit';
