// `@dec/chaincode-kit/testing`: test-only helpers; never imported by chaincode code (they would drag node:crypto in).
export * from './harness';
export * from './fake-identity';
export * from './memory-world';
export * from './memory-stub';
export * from './block-simulator';
export * from './failure';
