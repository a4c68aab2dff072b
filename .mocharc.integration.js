// ts-node compiles with the shared compiler options (legacy decorators + metadata, as fabric-contract-api needs).
process.env.TS_NODE_PROJECT ??= require('path').join(__dirname, 'tsconfig.base.json');
process.env.CORE_CHAINCODE_LOGGING_LEVEL ??= 'warning';
// Integration tests run against the real Fabric network. The root hooks in
// test-network/src/testing/network-fixture.ts bring it up once per run (or reuse
// a network that is already up) and take down only what they started.
module.exports = {
  require: ['ts-node/register/transpile-only', 'test-network/src/testing/root-hooks.ts'],
  spec: ['*/src/**/*.it.test.ts', 'chaincode/*/src/**/*.it.test.ts'],
  timeout: 180000,
  slow: 5000,
};
