/**
 * The CRL config update the gateway builds must be the one
 * `configtxlator compute_update` would make for one changed value, or the
 * orderer refuses it: read set = the versions of Channel, Application and the
 * org group (no values); write set = the same groups at the same versions with
 * only the org's MSP value, at version + 1, under the same mod_policy, whose
 * MSP keeps everything but the new revocation list. (Against a real orderer:
 * e2e/src/security/crl.it.test.ts.)
 */
import { common, msp } from '@hyperledger/fabric-protos';
import { expect } from 'chai';
import { mspCrlState, revocationListUpdate } from './config-update';

interface ProtoMap<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): unknown;
  getLength(): number;
}
/* eslint-disable @typescript-eslint/no-unsafe-return -- jspb.Map's declaration is not shipped with fabric-protos */
const groups = (g: common.ConfigGroup): ProtoMap<common.ConfigGroup> => g.getGroupsMap();
const values = (g: common.ConfigGroup): ProtoMap<common.ConfigValue> => g.getValuesMap();
/* eslint-enable @typescript-eslint/no-unsafe-return */

function channelConfig(): common.Config {
  const fabric = new msp.FabricMSPConfig();
  fabric.setName('LessorMSP');
  fabric.setRootCertsList([Buffer.from('ROOT-PEM')]);
  fabric.setRevocationListList([Buffer.from('OLD-CRL')]);
  const mspConfig = new msp.MSPConfig();
  mspConfig.setType(0);
  mspConfig.setConfig(fabric.serializeBinary());
  const value = new common.ConfigValue();
  value.setVersion(3);
  value.setModPolicy('Admins');
  value.setValue(mspConfig.serializeBinary());
  const org = new common.ConfigGroup();
  org.setVersion(2);
  values(org).set('MSP', value);
  const app = new common.ConfigGroup();
  app.setVersion(5);
  groups(app).set('LessorMSP', org);
  groups(app).set('BankMSP', new common.ConfigGroup());
  const channel = new common.ConfigGroup();
  channel.setVersion(7);
  groups(channel).set('Application', app);
  const config = new common.Config();
  config.setSequence(9);
  config.setChannelGroup(channel);
  return config;
}

describe('the CRL config update (fabric-client channel-admin)', () => {
  it('reads the path group versions and writes only the org MSP value at version + 1 with the new list', () => {
    const config = channelConfig();
    expect(mspCrlState(config, 'LessorMSP')).to.deep.equal({ caPems: ['ROOT-PEM'], revocationList: ['OLD-CRL'] });
    const update = common.ConfigUpdate.deserializeBinary(revocationListUpdate('energy', config, 'LessorMSP', ['NEW-CRL']));
    expect(update.getChannelId()).to.equal('energy');
    const read = update.getReadSet()!;
    const write = update.getWriteSet()!;
    for (const set of [read, write]) {
      expect(set.getVersion()).to.equal(7);
      const app = groups(set).get('Application')!;
      expect(app.getVersion()).to.equal(5);
      expect(groups(app).getLength()).to.equal(1);
      expect(groups(app).get('LessorMSP')!.getVersion()).to.equal(2);
    }
    expect(values(groups(groups(read).get('Application')!).get('LessorMSP')!).getLength()).to.equal(0);
    const written = values(groups(groups(write).get('Application')!).get('LessorMSP')!).get('MSP')!;
    expect([written.getVersion(), written.getModPolicy()]).to.deep.equal([4, 'Admins']);
    const fabric = msp.FabricMSPConfig.deserializeBinary(msp.MSPConfig.deserializeBinary(written.getValue_asU8()).getConfig_asU8());
    expect(fabric.getName()).to.equal('LessorMSP');
    expect(fabric.getRootCertsList_asU8().map((b) => Buffer.from(b).toString())).to.deep.equal(['ROOT-PEM']);
    expect(fabric.getRevocationListList_asU8().map((b) => Buffer.from(b).toString())).to.deep.equal(['NEW-CRL']);
  });

  it('refuses an org that is not a member of the channel', () => {
    expect(() => revocationListUpdate('energy', channelConfig(), 'GridMSP', ['X'])).to.throw(/GridMSP is not a member of the channel/);
  });
});
