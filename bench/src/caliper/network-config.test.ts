/**
 * The Caliper network configuration follows the gateway config: every channel
 * with its chaincodes, and only the orgs that have identities, each with its
 * connection profile and its identities' files.
 */
import { expect } from 'chai';
import type { GatewayNetworkConfig } from '@dec/network';
import { caliperNetworkConfig } from './network-config';

const org = (mspId: string, name: string, channels: { name: string; chaincodes: string[] }[]) => ({ mspId, name, channels }) as unknown as GatewayNetworkConfig['orgs'][number];

describe('caliperNetworkConfig', () => {
  it('lists each channel once with its chaincodes and each org with identities and its profile', () => {
    const gateway = {
      orgs: [
        org('BankMSP', 'bank', [{ name: 'energy', chaincodes: ['energy'] }, { name: 'scf', chaincodes: ['scf'] }]),
        org('GridMSP', 'grid', [{ name: 'energy', chaincodes: ['energy'] }]),
        org('RegulatorMSP', 'regulator', [{ name: 'energy', chaincodes: ['energy'] }]),
      ],
    } as unknown as GatewayNetworkConfig;
    const cfg = caliperNetworkConfig(
      gateway,
      [
        { name: 't0', mspId: 'BankMSP', certPath: '/c0', keyPath: '/k0' },
        { name: 't1', mspId: 'GridMSP', certPath: '/c1', keyPath: '/k1' },
      ],
      (name) => `/profiles/${name}.json`,
    );
    expect(cfg.channels).to.deep.equal([
      { channelName: 'energy', contracts: [{ id: 'energy' }] },
      { channelName: 'scf', contracts: [{ id: 'scf' }] },
    ]);
    expect(cfg.organizations.map((o) => o.mspid)).to.deep.equal(['BankMSP', 'GridMSP']);
    expect(cfg.organizations[0]?.connectionProfile.path).to.equal('/profiles/bank.json');
    expect(cfg.organizations[1]?.identities.certificates).to.deep.equal([{ name: 't1', clientPrivateKey: { path: '/k1' }, clientSignedCert: { path: '/c1' } }]);
  });
});
