export * from './fabric/network-config';
export * from './fabric/connection';
export { connect, EndorseError, CommitError, GatewayError } from '@hyperledger/fabric-gateway';
export type { Gateway, Contract, Network } from '@hyperledger/fabric-gateway';
export * from './fabric/submit';
// The REST API itself: import '@dec/gateway-api/dist/server' (startApi) so that
// users of the connection layer above do not load the server's dependencies.
