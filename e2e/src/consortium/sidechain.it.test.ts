/**
 * A side chain on the running network (issue 12): a new channel among
 * PlatformMSP, GridMSP and LessorMSP, created from a configtxgen profile
 * generated from the topology, joined by every orderer and the members' peers,
 * with the energy chaincode deployed under a definition of its own; a member's
 * user commits a transaction on it, and an org outside it cannot even read it.
 * The channel gets a fresh name each run (other suites never see it).
 */
import { expect } from 'chai';
import { ActorPool, failure, parse, runId, type Actor } from '../index';
import { ok, phase } from './consortium-cli';

const MEMBERS = ['PlatformMSP', 'GridMSP', 'LessorMSP'];

/** Gossip needs a moment to show a new channel's peers to discovery; retry endorsement until it does. */
async function eventually<T>(fn: () => Promise<T>, attempts = 20): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

describe('consortium: a side chain among three orgs', function () {
  this.timeout(300_000);
  const channel = `side-${runId()}`;
  const pool = new ActorPool();
  let platform: Actor, bank: Actor;

  before(async () => {
    [platform, bank] = await Promise.all([pool.enroll('PlatformMSP', 'side', {}), pool.enroll('BankMSP', 'side', {})]);
  });
  after(() => {
    pool.close();
  });

  it('is created on the running network, the energy chaincode deployed on it, and a member commits network:Beacon', async () => {
    await phase(`sidechain ${channel} (block, osnadmin join x3, peers join, definition)`, () => ok('sidechain', channel, '--orgs', MEMBERS.join(','), '--chaincode', 'energy'));
    const contract = platform.contract(channel, 'energy');
    const info = parse<{ channel: string }>(await eventually(() => contract.evaluateTransaction('network:Info')));
    expect(info.channel).to.equal(channel);
    const beacon = await phase('network:Beacon committed', () => eventually(() => contract.submitTransaction('network:Beacon', JSON.stringify({ note: channel }))));
    expect(parse<{ mspId: string; note: string }>(beacon)).to.include({ mspId: 'PlatformMSP', note: channel });
  });

  it('an org outside the side chain cannot use it', async () => {
    const refusal = await failure(bank.contract(channel, 'energy').evaluateTransaction('network:Info'));
    expect(refusal).to.match(/channel|not found|access denied|unknown/i);
  });
});
