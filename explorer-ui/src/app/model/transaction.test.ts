import { expect } from 'chai';
import { txView } from './transaction';

describe('transaction view model', () => {
  it('labels chaincode, contract, function, creator, endorsers and validation', () => {
    const v = txView({
      transactionId: 'c26b',
      type: 'ENDORSER_TRANSACTION',
      channel: 'energy',
      timestamp: '2026-11-23T23:15:43.158Z',
      blockNumber: '356',
      validationCode: 'VALID',
      creator: { mspId: 'SupplierMSP', subject: 'C=US, OU=users + OU=client, CN=alice' },
      chaincode: { name: 'energy', version: '0.1.0' },
      function: 'token:Transfer',
      arguments: [{ from: 'eid:p:1', to: 'eid:p:2', asset: 'DEC', amount: '5' }],
      endorsers: [{ mspId: 'SupplierMSP', subject: 'CN=peer0.supplier' }, { mspId: 'BankMSP' }],
      event: { name: 'Transfer', payload: { amount: '5' } },
    });
    expect(v).to.deep.include({ id: 'c26b', block: 356, time: '2026-11-23 23:15:43 UTC', kind: 'chaincode invocation', chaincode: 'energy 0.1.0', contract: 'token', fn: 'Transfer' });
    expect(v.creator).to.deep.equal({ mspId: 'SupplierMSP', name: 'alice', subject: 'C=US, OU=users + OU=client, CN=alice' });
    expect(v.endorsers).to.deep.equal([{ mspId: 'SupplierMSP', name: 'peer0.supplier' }, { mspId: 'BankMSP' }]);
    expect(v.validation).to.deep.equal({ code: 'VALID', valid: true });
    expect(v.rwset).to.equal(undefined);
  });
  it('shows config transactions and invalid codes plainly', () => {
    const v = txView({ transactionId: '', type: 'CONFIG', channel: 'scf', creator: { mspId: 'OrdererMSP' }, validationCode: 'MVCC_READ_CONFLICT' });
    expect(v).to.deep.include({ kind: 'config', chaincode: '—', args: [] });
    expect(v.validation).to.deep.equal({ code: 'MVCC_READ_CONFLICT', valid: false });
  });
});
