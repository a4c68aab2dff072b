// ts-node compiles with the shared compiler options (legacy decorators + metadata, as fabric-contract-api needs).
process.env.TS_NODE_PROJECT ??= require('path').join(__dirname, 'tsconfig.base.json');
process.env.CORE_CHAINCODE_LOGGING_LEVEL ??= 'warning';
// Unit tests: pure logic, no network. They live beside the code they test.
module.exports = {
  require: ['ts-node/register/transpile-only'],
  spec: [
    'network/src/**/*.test.ts',
    'chaincode/*/src/**/*.test.ts',
    'test-network/src/**/*.test.ts',
    'gateway-api/src/**/*.test.ts',
  ],
  ignore: ['**/*.it.test.ts', '**/node_modules/**'],
  timeout: 10000,
};
