import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { DEFAULT_TOPOLOGY_FILE, parseTopology, resolveNetwork } from '@dec/network';
import { checkChaincodeNames, checkPortsFree } from './network';
import { UserFacingError } from './progress';

describe('up refuses to start on a taken port', () => {
  // The default topology moved to a free range, so this never touches a running network.
  const text = readFileSync(DEFAULT_TOPOLOGY_FILE, 'utf8').replace('orgBase: 7000', 'orgBase: 41000').replace('ordererBase: 6000', 'ordererBase: 40000');
  const model = resolveNetwork(parseTopology(text), '/tmp/unused');

  it('passes when every port is free', async () => {
    await checkPortsFree(model);
  });

  it('names the port, what needed it, and what to do', async () => {
    const peer = model.orgs[2]!.peers[0]!;
    const server = net.createServer().listen(peer.port, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const err = await checkPortsFree(model).then(() => undefined, (e: unknown) => e);
      expect(err).to.be.instanceOf(UserFacingError);
      expect((err as Error).message).to.include(`port ${peer.port} (for bank-peer0) is already in use`);
      expect((err as UserFacingError).hint).to.include('ports.orgBase');
    } finally {
      server.close();
    }
  });
});

describe('deploy names the chaincode it redeploys', () => {
  const model = resolveNetwork(parseTopology(readFileSync(DEFAULT_TOPOLOGY_FILE, 'utf8')), '/tmp/unused');

  it('accepts the topology chaincodes, or none (all)', () => {
    checkChaincodeNames(model, []);
    checkChaincodeNames(model, ['energy', 'scf']);
  });

  it('refuses an unknown name, saying which names exist', () => {
    const err = (() => {
      try {
        checkChaincodeNames(model, ['energy', 'enrgy']);
      } catch (e) {
        return e as UserFacingError;
      }
      return undefined;
    })();
    expect(err?.message).to.include('unknown chaincode enrgy');
    expect(err?.hint).to.equal('name one of energy, scf (network/topology.yaml), or none to deploy all');
  });
});
