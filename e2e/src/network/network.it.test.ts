/**
 * The consortium, end to end on real processes: every org reaches the channels
 * it belongs to and no other, endorsement policies hold at validation, CA
 * attributes reach chaincode, and ordering survives the loss of one orderer.
 */
import { expect } from 'chai';
import * as grpc from '@grpc/grpc-js';
import { findOrg, loadGatewayConfig, openGateway, orgAdminIdentity, peerClient, signingIdentity, submitTransaction, type Gateway } from '@dec/fabric-client';
import type { GatewayNetworkConfig, GatewayOrg } from '@dec/network';
import { currentModel, isAlive, networkProcessNames, ordererChannelInfo, processStatus, record, registerAndEnroll, sleep, up } from '@dec/test-network';

/** A JSON result that may be `null` (e.g. no probe recorded yet). */
const decodeOrNull = (bytes: Uint8Array): Record<string, unknown> | null => JSON.parse(Buffer.from(bytes).toString('utf8')) as Record<string, unknown> | null;
const decode = (bytes: Uint8Array): Record<string, unknown> => {
  const value = decodeOrNull(bytes);
  if (value === null) throw new Error('the chaincode returned null');
  return value;
};

describe('DEC consortium (real Fabric network)', function () {
  let config: GatewayNetworkConfig;
  const clients = new Map<string, grpc.Client>();
  const gateways: Gateway[] = [];

  /** A gateway for `org`'s admin through `peerOrg`'s peer (its own by default). */
  function gatewayFor(org: GatewayOrg, peerOrg: GatewayOrg = org, id = orgAdminIdentity(org)): Gateway {
    const peer = peerOrg.peers[0]!;
    let client = clients.get(peer.endpoint);
    if (!client) {
      client = peerClient(peer);
      clients.set(peer.endpoint, client);
    }
    const gateway = openGateway(client, id);
    gateways.push(gateway);
    return gateway;
  }

  before(() => {
    config = loadGatewayConfig();
  });

  after(() => {
    gateways.forEach((g) => {
      g.close();
    });
    clients.forEach((c) => {
      c.close();
    });
  });

  describe('every org on every channel it belongs to', () => {
    for (const mspId of ['PlatformMSP', 'GridMSP', 'BankMSP', 'LessorMSP', 'SupplierMSP', 'RegulatorMSP']) {
      it(`${mspId} evaluates and submits through its own peer`, async () => {
        const org = findOrg(config, mspId);
        expect(org.channels.length).to.be.greaterThan(0);
        const gateway = gatewayFor(org);
        for (const channel of org.channels) {
          const contract = gateway.getNetwork(channel.name).getContract(channel.chaincodes[0]!);
          const info = decode(await contract.evaluateTransaction('network:Info'));
          expect(info).to.include({ chaincode: channel.chaincodes[0], channel: channel.name });

          const before = decodeOrNull(await contract.evaluateTransaction('network:LastProbe', mspId));
          const submitted = await submitTransaction(contract, 'network:Probe', { arguments: [JSON.stringify({ note: `${mspId} on ${channel.name}` })] });
          expect(submitted.status.successful).to.equal(true);
          const probe = decode(submitted.result);
          expect(probe).to.include({ mspId, count: ((before?.count as number | undefined) ?? 0) + 1 });
          const after = decode(await contract.evaluateTransaction('network:LastProbe', mspId));
          expect(after).to.deep.equal(probe);
        }
      });
    }
  });

  describe('channel membership', () => {
    for (const mspId of ['PlatformMSP', 'GridMSP']) {
      it(`${mspId} is refused on scf, through its own peer and through a member's peer`, async () => {
        const org = findOrg(config, mspId);
        expect(org.channels.map((c) => c.name)).to.deep.equal(['energy']);
        const own = gatewayFor(org).getNetwork('scf').getContract('scf');
        const viaBank = gatewayFor(org, findOrg(config, 'BankMSP')).getNetwork('scf').getContract('scf');
        for (const contract of [own, viaBank]) {
          const err = await contract.evaluateTransaction('network:Info').then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(err, `${mspId} must not read scf`).to.be.instanceOf(Error);
        }
        const submitErr = await viaBank.submitTransaction('network:Probe', '{}').then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(submitErr, `${mspId} must not write scf`).to.be.instanceOf(Error);
      });
    }
  });

  it('reports every process of the topology healthy, with its ports', async () => {
    const { model } = currentModel();
    const rows = await processStatus();
    const expected = networkProcessNames(model);
    expect(rows.map((r) => r.name)).to.include.members(expected);
    for (const r of rows.filter((r) => expected.includes(r.name))) {
      expect(r, r.name).to.include({ alive: true, healthy: true });
      expect(Object.keys(r.ports).length, r.name).to.be.greaterThan(0);
    }
  });

  it('rejects at validation a transaction endorsed by fewer orgs than its policy needs', async () => {
    const bank = findOrg(config, 'BankMSP');
    const contract = gatewayFor(bank).getNetwork('energy').getContract('energy');
    // On a fresh network BankMSP may have no probe yet: `null` before and after is the proof too.
    const before = decodeOrNull(await contract.evaluateTransaction('network:LastProbe', 'BankMSP'));
    // The energy policy is any 2 of 6 orgs; ask only BankMSP to endorse.
    const proposal = contract.newProposal('network:Probe', { arguments: ['{"note":"one endorsement"}'], endorsingOrganizations: ['BankMSP'] });
    const transaction = await proposal.endorse();
    const commit = await transaction.submit();
    const status = await commit.getStatus();
    expect(status.successful).to.equal(false);
    expect(status.code).to.equal(10); // TxValidationCode.ENDORSEMENT_POLICY_FAILURE
    expect(decodeOrNull(await contract.evaluateTransaction('network:LastProbe', 'BankMSP'))).to.deep.equal(before);
  });

  it('lets a CA-enrolled user call chaincode, and chaincode sees its attributes', async () => {
    const lessor = findOrg(config, 'LessorMSP');
    const user = await registerAndEnroll(lessor, `auditor-${Date.now()}`, { role: 'lessor-officer', eid: 'EID-TEST-1' });
    const gateway = gatewayFor(lessor, lessor, signingIdentity(user.mspId, user.certificate, user.privateKey));
    for (const channel of ['energy', 'scf']) {
      const contract = gateway.getNetwork(channel).getContract(channel);
      const me = decode(await contract.evaluateTransaction('network:WhoAmI'));
      expect(me.mspId).to.equal('LessorMSP');
      expect(me.attributes).to.include({ role: 'lessor-officer', eid: 'EID-TEST-1', 'hf.EnrollmentID': user.enrollmentId });
      const probe = decode((await submitTransaction(contract, 'network:Probe', { arguments: ['{"note":"enrolled user"}'] })).result);
      expect(probe.callerId).to.equal(me.id);
    }
  });

  it('keeps committing with one orderer down, and the restarted orderer catches up', async function () {
    this.timeout(240_000);
    const { model } = currentModel();
    const victim = record('orderer0');
    expect(victim && isAlive(victim)).to.equal(true);
    process.kill(victim!.pid, 'SIGKILL');
    while (isAlive(victim!)) await sleep(50);

    const supplier = findOrg(config, 'SupplierMSP');
    const contract = gatewayFor(supplier).getNetwork('energy').getContract('energy');
    // Until the remaining two elect a leader, ordering answers UNAVAILABLE; the
    // client resubmits the same transaction, as the gateway API does.
    for (let i = 0; i < 3; i++) {
      const submitted = await submitTransaction(contract, 'network:Probe', { arguments: [JSON.stringify({ note: `orderer0 down #${i}` })] });
      expect(submitted.status.successful).to.equal(true);
      expect(decode(submitted.result).mspId).to.equal('SupplierMSP');
    }

    await up(); // resumes: restarts only the stopped orderer
    const restarted = record('orderer0');
    expect(restarted && isAlive(restarted)).to.equal(true);
    expect(restarted!.pid).to.not.equal(victim!.pid);
    const [lost, peer] = [model.ordererOrg.nodes[0]!, model.ordererOrg.nodes[1]!];
    let heights = { lost: 0, peer: -1 };
    for (let i = 0; i < 120 && heights.lost !== heights.peer; i++) {
      const height = (node: typeof lost) => ordererChannelInfo(model, node, 'energy').then((i) => i.height, () => -2);
      heights = { lost: await height(lost), peer: await height(peer) };
      if (heights.lost !== heights.peer) await sleep(500);
    }
    expect(heights.lost).to.equal(heights.peer);
    // and it takes part in ordering again
    const back = await submitTransaction(contract, 'network:Probe', { arguments: ['{"note":"orderer0 back"}'] });
    expect(back.status.successful).to.equal(true);
  });
});
