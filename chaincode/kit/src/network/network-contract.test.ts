import { expect } from 'chai';
import { failure, TestHarness } from '../testing';
import { transactionDrift } from '../transactions/drift';
import { createNetworkContract } from './network-contract';
import { NETWORK_TRANSACTIONS } from './network-transactions';

describe('network contract', () => {
  const Network = createNetworkContract('energy', '1.2.3');
  const bank = { mspId: 'BankMSP', name: 'alice', attributes: { role: 'auditor' } };

  it('reports chaincode name and version', async () => {
    const h = new TestHarness();
    const { result } = await h.invoke(new Network(), 'Info', bank);
    expect(result).to.deep.equal({ chaincode: 'energy', version: '1.2.3', channel: 'test' });
  });

  it('shows the caller attributes chaincode sees', async () => {
    const h = new TestHarness();
    const { result } = await h.invoke(new Network(), 'WhoAmI', bank);
    expect(result).to.include({ mspId: 'BankMSP' });
    expect((result as { attributes: object }).attributes).to.deep.equal({ role: 'auditor' });
  });

  it('counts probes per org and emits an event', async () => {
    const h = new TestHarness();
    await h.invoke(new Network(), 'Probe', bank, ['{}']);
    const second = await h.invoke(new Network(), 'Probe', bank, ['{"note":"hi"}']);
    expect(second.result).to.include({ mspId: 'BankMSP', count: 2, note: 'hi' });
    expect(second.events).to.have.length(1);
    expect(second.events[0]?.name).to.equal('ProbeRecorded');
  });

  it('rejects a bad probe naming the field, and writes nothing', async () => {
    const h = new TestHarness();
    const err = await failure(h.invoke(new Network(), 'Probe', bank, [JSON.stringify({ note: 'x'.repeat(201) })]));
    expect(err.message).to.equal('VALIDATION: request.note: must be at most 200 characters');
    expect(h.world.state.size).to.equal(0);
  });

  it('writes a beacon as one new key without reading anything', async () => {
    const h = new TestHarness();
    const { result, txId } = await h.invoke(new Network(), 'Beacon', bank, ['{"note":"b"}']);
    expect(result).to.include({ mspId: 'BankMSP', txId, note: 'b' });
    expect([...h.world.state.keys()]).to.deep.equal([`\u0000beacon\u0000${txId}\u0000`]);
  });

  it('lists the committed versions of one key, newest first', async () => {
    const h = new TestHarness();
    const first = await h.invoke(new Network(), 'Probe', bank, ['{"note":"one"}']);
    const second = await h.invoke(new Network(), 'Probe', bank, ['{"note":"two"}']);
    const { result } = await h.invoke(new Network(), 'KeyHistory', bank, [JSON.stringify({ objectType: 'probe', attributes: ['BankMSP'] })]);
    const out = result as { key: unknown; history: { txId: string; isDelete: boolean; value: { note: string } }[] };
    expect(out.key).to.deep.equal({ objectType: 'probe', attributes: ['BankMSP'] });
    expect(out.history.map((e) => e.txId)).to.deep.equal([second.txId, first.txId]);
    expect(out.history.map((e) => e.value.note)).to.deep.equal(['two', 'one']);
    expect(out.history.every((e) => !e.isDelete)).to.equal(true);
  });

  it('refuses a key history request naming no object type', async () => {
    const h = new TestHarness();
    const err = await failure(h.invoke(new Network(), 'KeyHistory', bank, [JSON.stringify({ objectType: '', attributes: [] })]));
    expect(err.message).to.equal('VALIDATION: request.objectType: must not be empty');
  });

  it('registers exactly the transactions of its map, of the same kind', () => {
    expect(transactionDrift([new Network()], NETWORK_TRANSACTIONS)).to.deep.equal({ missing: [], unregistered: [], wrongKind: [] });
  });

  it('takes LastProbe\'s MSP ID as a plain argument, validated by the map\'s schema', async () => {
    const h = new TestHarness();
    const probe = await h.invoke(new Network(), 'Probe', bank, ['{}']);
    expect((await h.invoke(new Network(), 'LastProbe', bank, ['BankMSP'])).result).to.deep.equal(probe.result);
    expect((await h.invoke(new Network(), 'LastProbe', bank, ['GridMSP'])).result).to.equal('null');
    const err = await failure(h.invoke(new Network(), 'LastProbe', bank, ['Bank MSP']));
    expect(err.message).to.equal('VALIDATION: request.mspId: must be an MSP ID');
  });
});
