// ts-node compiles with the shared compiler options (legacy decorators + metadata, as fabric-contract-api needs).
process.env.TS_NODE_PROJECT ??= require('path').join(__dirname, 'tsconfig.base.json');
process.env.CORE_CHAINCODE_LOGGING_LEVEL ??= 'warning';
// Unit tests: pure logic, no network. They live beside the code they test.
// `--spec <file>` on the command line runs just that file instead of adding to the list.
const cliSpec = process.argv.some((a) => a === '--spec' || a.startsWith('--spec='));
module.exports = {
  require: ['ts-node/register/transpile-only'],
  spec: cliSpec ? [] : [
    'network/src/**/*.test.ts',
    'chaincode/*/src/**/*.test.ts',
    'fabric-client/src/**/*.test.ts',
    'test-network/src/**/*.test.ts',
    'gateway-api/src/**/*.test.ts',
    'meter-ingestor/src/**/*.test.ts',
    'charging-service/src/**/*.test.ts',
    'explorer-ui/src/**/*.test.ts',
    'bench/src/**/*.test.ts',
    'cli/src/**/*.test.ts',
    'tools/**/*.test.ts',
  ],
  ignore: ['**/*.it.test.ts', '**/node_modules/**'],
  timeout: 10000,
};
