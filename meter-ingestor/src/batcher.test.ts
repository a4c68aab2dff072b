/** The ingestor's batching rules without MQTT or a ledger. */
import { expect } from 'chai';
import { ReadingBatcher, type Batchable } from './batcher';

const r = (meter: string, seq: number, at = 0): Batchable => ({ meter, seq, at });
const ids = (batch: Batchable[]): string[] => batch.map((e) => `${e.meter}${e.seq}`);

describe('ReadingBatcher', () => {
  it('is due when the batch is full or the oldest reading waited maxWaitMs, not before', () => {
    const b = new ReadingBatcher<Batchable>({ batchSize: 3, maxWaitMs: 500 });
    expect(b.isDue(10_000)).to.equal(false);
    b.add(r('a', 1, 1000));
    b.add(r('b', 1, 1200));
    expect(b.isDue(1499)).to.equal(false);
    expect(b.isDue(1500)).to.equal(true);
    b.add(r('c', 1, 1300));
    expect(b.isDue(1000)).to.equal(true);
  });

  it('takes at most batchSize readings, meters in order of their oldest reading, each meter in sequence order', () => {
    const b = new ReadingBatcher<Batchable>({ batchSize: 4, maxWaitMs: 500 });
    for (const e of [r('b', 3, 1), r('a', 7, 2), r('b', 1, 3), r('a', 5, 4), r('b', 2, 5), r('c', 1, 6)]) b.add(e);
    expect(ids(b.take())).to.deep.equal(['b1', 'b2', 'b3', 'a5']);
    expect(b.pending).to.equal(2);
  });

  it('keeps a busy meter out of the next batch until its batch is released', () => {
    const b = new ReadingBatcher<Batchable>({ batchSize: 2, maxWaitMs: 500 });
    for (const e of [r('a', 1), r('a', 2), r('a', 3), r('b', 1)]) b.add(e);
    const first = b.take();
    expect(ids(first)).to.deep.equal(['a1', 'a2']);
    expect(ids(b.take())).to.deep.equal(['b1']);
    expect(b.take()).to.deep.equal([]);
    b.release(first);
    expect(ids(b.take())).to.deep.equal(['a3']);
  });

  it('orders a redelivered lower sequence number before later ones of the same meter', () => {
    const b = new ReadingBatcher<Batchable>({ batchSize: 10, maxWaitMs: 500 });
    for (const e of [r('a', 5, 1), r('a', 6, 2), r('a', 4, 3), r('a', 4, 4)]) b.add(e);
    expect(b.take().map((e) => [e.seq, e.at])).to.deep.equal([[4, 3], [4, 4], [5, 1], [6, 2]]);
  });

  it('drops waiting readings on request (a closed connection) and forgets them', () => {
    const b = new ReadingBatcher<Batchable & { via: string }>({ batchSize: 10, maxWaitMs: 500 });
    b.add({ ...r('a', 1), via: 'old' });
    b.add({ ...r('a', 2), via: 'new' });
    b.drop((e) => e.via === 'old');
    expect(b.pending).to.equal(1);
    expect(ids(b.take())).to.deep.equal(['a2']);
  });
});
