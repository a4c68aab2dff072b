/**
 * @dec/gateway-api: the REST API over the Fabric Gateway for integrators, wallets,
 * meters and the explorer. Start it with startApi (or the dec-gateway-api bin).
 */
export { DEFAULT_DATA_DIR, startApi, type ApiOptions, type RunningApi } from './server';
export { apiBanner } from './banner';
// The transaction routes the API serves (the end-to-end tests walk every one).
export { CHAINCODE_TABLES } from './chaincode/tables';
export { txPath, type ChaincodeTable, type TxDef } from './chaincode/table';
// The input checks no OpenAPI schema can state (the fuzzing run accepts refusals for these only).
export { INEXPRESSIBLE_CHECKS } from './openapi/inexpressible';
// The collection relay (energy income -> scf rent), run beside the API by its own bin.
export { startCollectionRelay, type CollectionRelay, type CollectionRelayOptions } from './relay/collection-relay';
// A large index of real shape for measuring the explorer's first view (browser test / bench only).
export { replicateIndex, timeActivityReads } from './index/replicate';
