/**
 * `@dec/chaincode-kit/core`: everything of the kit that does not touch Fabric
 * (errors, canonical JSON, key parts, input validation, amounts, caller views,
 * transaction maps and their README table). Input schemas and transaction maps
 * import from here, so a client can load them without the chaincode runtime.
 */
export * from './errors';
export * from './canonical-json';
export * from './ledger/keys';
export * from './ledger/ordered-keys';
export * from './identity/caller';
export * from './validation/input';
export * from './validation/amounts';
export * from './validation/stated';
export * from './transactions/spec';
export * from './transactions/markdown';
export * from './network/network-transactions';
