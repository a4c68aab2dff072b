import { expect } from 'chai';
import { Writable } from 'node:stream';
import { SLOW_CONSUMER, SseChannel } from './sse';

/** A real stream whose reader never reads: every write stays buffered until `drain()`. */
function stalledConsumer(): { sink: Writable; chunks: string[]; drain(): void } {
  const chunks: string[] = [];
  const pending: (() => void)[] = [];
  const sink = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'));
      pending.push(done);
    },
  });
  const drain = (): void => {
    for (const done of pending.splice(0)) done();
  };
  return { sink, chunks, drain };
}

describe('SSE channel backpressure', () => {
  it('closes a consumer that does not read once the bound is passed, with a final event saying why', () => {
    const consumer = stalledConsumer();
    const { sink, chunks } = consumer;
    const channel = new SseChannel(sink, { maxBufferedBytes: 8 * 1024, finalDrainMs: 60_000 });
    let sent = 0;
    while (channel.send(`${sent}`, 'e', { n: sent, pad: 'x'.repeat(200) })) sent++;
    expect(channel.open).to.equal(false);
    expect(sent).to.be.greaterThan(10).and.lessThan(60);
    // Nothing more is taken once closed: the buffer stays bounded however many events follow.
    const buffered = sink.writableLength;
    for (let i = 0; i < 1000; i++) expect(channel.send('x', 'e', { i })).to.equal(false);
    expect(sink.writableLength).to.equal(buffered);
    for (let i = 0; i < 50; i++) consumer.drain();
    const all = chunks.join('');
    expect(all).to.match(/event: closed\ndata: \{"reason":"slow-consumer"/);
    expect(all.trimEnd().endsWith('}')).to.equal(true);
    expect(all.lastIndexOf('event: closed')).to.be.greaterThan(all.lastIndexOf('event: e'));
    expect(SLOW_CONSUMER).to.equal('slow-consumer');
  });

  it('keeps a consumer that reads, however many events pass', () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk.toString('utf8'));
        done();
      },
    });
    const channel = new SseChannel(sink, { maxBufferedBytes: 8 * 1024 });
    for (let i = 0; i < 2000; i++) expect(channel.send(`${i}`, 'e', { i, pad: 'x'.repeat(200) })).to.equal(true);
    expect(channel.open).to.equal(true);
    expect(chunks).to.have.length(2000);
    channel.close('done', 'bye');
  });
});
