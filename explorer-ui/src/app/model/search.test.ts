import { expect } from 'chai';
import { classify } from './search';

describe('search classification', () => {
  it('recognises each ID format of the network', () => {
    expect(classify(' 356 ')).to.deep.equal({ kind: 'block', number: 356 });
    expect(classify('C26B'.padEnd(64, '0'))).to.deep.equal({ kind: 'tx', txId: 'c26b'.padEnd(64, '0') });
    expect(classify('eid:p:5c941fc8ebb8235e7c226992c7d250ef')).to.deep.equal({ kind: 'eid', eid: 'eid:p:5c941fc8ebb8235e7c226992c7d250ef', device: false });
    expect(classify('eid:d:5c941fc8ebb8235e7c226992c7d250ef')).to.deep.include({ kind: 'eid', device: true });
    expect(classify('sys:fees')).to.deep.equal({ kind: 'account', account: 'sys:fees' });
    expect(classify('Wmwtvx5dyf19d.2')).to.deep.equal({ kind: 'asset', id: 'Wmwtvx5dyf19d.2' });
  });
  it('says why an entry is not searchable', () => {
    expect(classify('')).to.have.property('kind', 'invalid');
    expect(classify('a b')).to.have.property('kind', 'invalid');
  });
});
