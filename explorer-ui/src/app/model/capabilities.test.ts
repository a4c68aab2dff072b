import { expect } from 'chai';
import { Capabilities, txPath } from './capabilities';

describe('gateway capabilities', () => {
  const caps = new Capabilities({
    paths: {
      '/api/v1/energy/network/info': { get: {} },
      '/api/v1/scf/network/info': { get: {} },
      '/api/v1/scf/audit/history': { post: {} },
      '/api/v1/ledger/{channel}': { get: {} },
    },
  });
  it('lists channels and knows which routes exist with which method', () => {
    expect(caps.channels()).to.deep.equal(['energy', 'scf']);
    expect(caps.method('/api/v1/scf/audit/history')).to.equal('post');
    expect(caps.method('/api/v1/energy/network/info')).to.equal('get');
    expect(caps.has('/api/v1/energy/metering/intervals')).to.equal(false);
    expect(caps.pathsUnder('/api/v1/scf/')).to.have.length(2);
  });
  it('maps wire names to route paths like the gateway', () => {
    expect(txPath('scf', 'leasing:RecordSupplierPayment')).to.equal('/api/v1/scf/leasing/record-supplier-payment');
    expect(txPath('energy', 'token:GetGenesis')).to.equal('/api/v1/energy/token/get-genesis');
    expect(txPath('energy', 'metering:Intervals')).to.equal('/api/v1/energy/metering/intervals');
  });
});
