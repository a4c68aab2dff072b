// The multi-host suite: the consortium across hosts (network/topology.hosts.yaml),
// each host a Linux network namespace on a private bridge. Needs root. It runs as
// its own mocha suite, beside (and independent of) the single-host network: its
// own run folder (.run-hosts), its own gateway config. The root hooks bring it up
// once and take it down afterwards unless DEC_KEEP_NETWORK=1.
const path = require('path');
process.env.TS_NODE_PROJECT ??= path.join(__dirname, 'tsconfig.base.json');
process.env.CORE_CHAINCODE_LOGGING_LEVEL ??= 'warning';
process.env.DEC_TOPOLOGY = path.join(__dirname, 'network', 'topology.hosts.yaml');
process.env.DEC_GATEWAY_CONFIG = path.join(__dirname, '.run-hosts', 'gateway', 'network.json');
process.env.DEC_MULTIHOST = '1';
const cliSpec = process.argv.some((a) => a === '--spec' || a.startsWith('--spec='));
module.exports = {
  require: ['ts-node/register/transpile-only', 'e2e/src/multihost/root-hooks.ts'],
  spec: cliSpec ? [] : ['e2e/src/multihost/*.it.test.ts'],
  timeout: 600000,
  slow: 60000,
};
