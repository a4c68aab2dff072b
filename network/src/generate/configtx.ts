/**
 * configtx.yaml for configtxgen: one profile per channel, all sharing the Raft
 * orderers, at their hosts' addresses. Anchor peers go into each org's definition, so every channel's
 * genesis block already carries them. V3_0 channel capability: no system
 * channel, per-org orderer endpoints.
 */
import { stringify } from 'yaml';
import { endpoint, type NetworkModel } from '../model';
import { ordererOrgPolicies, orgPolicies } from '../policies';

export function configtxYaml(model: NetworkModel): string {
  const t = model.topology;
  const ordererOrg = {
    Name: model.ordererOrg.mspId,
    ID: model.ordererOrg.mspId,
    MSPDir: model.ordererOrg.mspDir,
    Policies: ordererOrgPolicies(model.ordererOrg.mspId),
    OrdererEndpoints: model.ordererOrg.nodes.map((n) => endpoint(n, n.port)),
  };

  const peerOrgs = new Map(
    model.orgs.map((org) => [
      org.spec.mspId,
      {
        Name: org.spec.mspId,
        ID: org.spec.mspId,
        MSPDir: org.mspDir,
        Policies: orgPolicies(org.spec.mspId),
        AnchorPeers: org.peers.filter((p) => p.index === 0).map((p) => ({ Host: p.host.address, Port: p.port })),
      },
    ]),
  );

  const implicit = (rule: string) => ({ Type: 'ImplicitMeta', Rule: rule });
  const orderer = {
    OrdererType: t.orderer.type,
    BatchTimeout: t.orderer.batchTimeout,
    BatchSize: {
      MaxMessageCount: t.orderer.maxMessageCount,
      AbsoluteMaxBytes: t.orderer.absoluteMaxBytes,
      PreferredMaxBytes: t.orderer.preferredMaxBytes,
    },
    EtcdRaft: {
      Consenters: model.ordererOrg.nodes.map((n) => ({ Host: n.host.address, Port: n.port, ClientTLSCert: n.tls.cert, ServerTLSCert: n.tls.cert })),
      Options: { TickInterval: '500ms', ElectionTick: 10, HeartbeatTick: 1, MaxInflightBlocks: 5, SnapshotIntervalSize: '16 MB' },
    },
    Organizations: [ordererOrg],
    Policies: {
      Readers: implicit('ANY Readers'),
      Writers: implicit('ANY Writers'),
      Admins: implicit('MAJORITY Admins'),
      BlockValidation: implicit('ANY Writers'),
    },
    Capabilities: { V2_0: true },
  };

  const profiles = Object.fromEntries(
    t.channels.map((channel) => [
      channel.name,
      {
        Policies: { Readers: implicit('ANY Readers'), Writers: implicit('ANY Writers'), Admins: implicit('MAJORITY Admins') },
        Capabilities: { V3_0: true },
        Orderer: orderer,
        Application: {
          Organizations: channel.orgs.map((m) => peerOrgs.get(m)),
          Policies: {
            Readers: implicit('ANY Readers'),
            Writers: implicit('ANY Writers'),
            Admins: implicit('MAJORITY Admins'),
            LifecycleEndorsement: implicit('MAJORITY Endorsement'),
            Endorsement: implicit('MAJORITY Endorsement'),
          },
          Capabilities: { V2_5: true },
        },
      },
    ]),
  );

  return stringify({ Profiles: profiles }, { aliasDuplicateObjects: false });
}
