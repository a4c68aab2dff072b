import { expect } from 'chai';
import type { Caller } from '../auth/identities';
import type { HandlerInput } from '../http/route';
import type { ExtractedBlock } from '../index/extract';
import { IndexStore } from '../index/store';
import type { Services } from '../services';
import { openDb } from '../store/db';
import { indexOverviewRoutes } from './index-overview';

const now = new Date().toISOString();
const block = (n: number): ExtractedBlock => ({
  block: { number: n, txCount: 1, invalidCount: 0, time: now, dataHash: `h${String(n)}`, functions: ['token:Transfer'], creators: ['GridMSP'] },
  txs: [{ index: 0, txId: `tx${String(n)}`, type: 'ENDORSER_TRANSACTION', time: now, creatorMsp: 'GridMSP', chaincode: 'energy', function: 'token:Transfer', validation: 'VALID' }],
  participants: [],
  writes: [],
});

describe('index overview route (a channel\'s first view in one read)', () => {
  const db = openDb(':memory:');
  const store = new IndexStore(db);
  for (let n = 0; n < 30; n++) store.apply('energy', block(n));
  const refused: string[] = [];
  const services = {
    sessions: { requireChannel: (msp: string, channel: string) => { if (msp !== 'RegulatorMSP') { refused.push(channel); throw new Error('not a member'); } } },
    chainIndex: { store, indexer: { status: (channel: string) => ({ channel, indexedHeight: String(store.nextBlock(channel)), running: true, rebuilds: 0 }) } },
  } as unknown as Services;
  const [overview] = indexOverviewRoutes(services);
  const call = (query: Record<string, string>, mspId = 'RegulatorMSP') => overview!.handler({ params: { channel: 'energy' }, query, caller: { mspId } as Caller } as unknown as HandlerInput<unknown, unknown, unknown>);

  it('answers the status, the latest blocks and transactions and the activity from the index', async () => {
    const reply = await call({ blocks: '10', transactions: '3', minutes: '60' });
    const body = reply?.body as { indexedHeight: string; blocks: { number: string }[]; transactions: { transactionId: string }[]; minutes: { blocks: number; transactions: number }[] };
    expect(body.indexedHeight).to.equal('30');
    expect(body.blocks.map((b) => b.number)).to.deep.equal(['29', '28', '27', '26', '25', '24', '23', '22', '21', '20']);
    expect(body.transactions.map((t) => t.transactionId)).to.deep.equal(['tx29', 'tx28', 'tx27']);
    expect(body.minutes.reduce((sum, m) => sum + m.transactions, 0)).to.equal(30);
  });

  it('leaves out what is asked as 0', async () => {
    const body = (await call({ blocks: '0', transactions: '0', minutes: '0' }))?.body as { blocks: unknown[]; transactions: unknown[]; minutes: unknown[] };
    expect(body).to.include({ indexedHeight: '30' });
    expect([body.blocks, body.transactions, body.minutes]).to.deep.equal([[], [], []]);
  });

  it('refuses a caller whose org is not on the channel before reading anything', async () => {
    let error: unknown;
    try {
      await call({}, 'BankMSP');
    } catch (e) {
      error = e;
    }
    expect(error).to.be.an('error');
    expect(refused).to.deep.equal(['energy']);
  });
});
