/** `@dec/chaincode-kit`: the chaincode runtime (ledger, context, contracts, `@Tx`) and everything of `./core`. */
export * from './core';
export * from './ledger/ledger';
export * from './ledger/key-policy';
export * from './contract/dec-context';
export * from './contract/dec-contract';
export * from './transactions/tx-decorator';
export * from './network/network-contract';
export * from './transactions/drift';
