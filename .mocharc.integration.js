// ts-node compiles with the shared compiler options (legacy decorators + metadata, as fabric-contract-api needs).
process.env.TS_NODE_PROJECT ??= require('path').join(__dirname, 'tsconfig.base.json');
process.env.CORE_CHAINCODE_LOGGING_LEVEL ??= 'warning';
// Integration tests run against the real Fabric network; they all live in e2e/.
// The root hooks in e2e/src/fixtures/root-hooks.ts bring it up once per run (or
// reuse a network that is already up) and take down only what they started.
// `--spec <file>` on the command line runs just that file (mocha would otherwise
// add it to the default list, and run the orderer-failover test every time).
const cliSpec = process.argv.some((a) => a === '--spec' || a.startsWith('--spec='));
module.exports = {
  require: ['ts-node/register/transpile-only', 'e2e/src/fixtures/root-hooks.ts'],
  spec: cliSpec ? [] : ['e2e/src/**/*.it.test.ts'],
  // the multi-host suite runs on its own network (.mocharc.multihost.js)
  ignore: ['e2e/src/multihost/**'],
  timeout: 180000,
  slow: 5000,
};
