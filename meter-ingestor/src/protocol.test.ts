/** The meter protocol: topics, reading validation naming the field, refusals before the ledger, signatures. */
import { expect } from 'chai';
import { generateKeyPairSync, verify } from 'node:crypto';
import { meterOfTopic, parseReading, readingMessage, readingOf, readingsTopic, signReading, verdictsTopic } from './protocol';

const METER = `eid:d:${'ab'.repeat(16)}`;
const OTHER = `eid:d:${'cd'.repeat(16)}`;
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const reading = signReading(privateKey, { meter: METER, seq: 7, ts: '2026-03-01T10:00:00.000Z', importWh: '1500', exportWh: '20' });
const payload = (x: unknown): Buffer => Buffer.from(typeof x === 'string' ? x : JSON.stringify(x));

describe('meter protocol', () => {
  it('names one readings and one verdicts topic per meter, and reads the meter back from a readings topic', () => {
    expect(readingsTopic(METER)).to.equal(`dec/meters/${METER}/readings`);
    expect(verdictsTopic(METER)).to.equal(`dec/meters/${METER}/verdicts`);
    expect(meterOfTopic(readingsTopic(METER))).to.equal(METER);
    expect(meterOfTopic(verdictsTopic(METER))).to.equal(undefined);
    expect(meterOfTopic('dec/meters/not-an-eid/readings')).to.equal(undefined);
    expect(meterOfTopic(`other/meters/${METER}/readings`)).to.equal(undefined);
  });

  it('signs the canonical message the chaincode verifies', () => {
    expect(readingMessage(reading)).to.equal(`DEC-METER-READING-V1\n${METER}\n7\n2026-03-01T10:00:00.000Z\n1500\n20`);
    expect(verify('sha256', Buffer.from(readingMessage(reading)), publicKey, Buffer.from(reading.sig, 'base64'))).to.equal(true);
  });

  it('parses a reading, or names the field that is wrong and keeps the meter and sequence it can trust', () => {
    expect(parseReading(payload(reading))).to.deep.equal({ reading });
    expect(parseReading(payload('not json'))).to.deep.equal({ error: 'payload is not JSON' });
    const bad = parseReading(payload({ ...reading, ts: 'yesterday' }));
    expect(bad).to.deep.include({ meter: METER, seq: 7 });
    expect('error' in bad && bad.error).to.match(/^reading\.ts: /);
    expect(parseReading(payload({ ...reading, meter: 'x', seq: 1.5 }))).to.deep.include({ meter: undefined, seq: undefined });
  });

  it('refuses before the ledger: malformed payloads, topics naming no meter, readings of another meter', () => {
    expect(readingOf(readingsTopic(METER), payload(reading))).to.deep.equal({ reading });
    expect(readingOf(readingsTopic(METER), payload('x'))).to.deep.equal({ refusal: { meter: METER, seq: undefined, verdict: 'rejected', reason: 'MALFORMED', detail: 'payload is not JSON' } });
    expect(readingOf('dec/meters/x/readings', payload('x'))).to.have.nested.property('refusal.meter', 'unknown');
    expect(readingOf('dec/meters/x/readings', payload(reading))).to.deep.equal({
      refusal: { meter: METER, seq: 7, verdict: 'rejected', reason: 'MALFORMED', detail: 'topic dec/meters/x/readings does not name a meter eID' },
    });
    expect(readingOf(readingsTopic(OTHER), payload(reading))).to.deep.equal({
      refusal: { meter: OTHER, seq: 7, verdict: 'rejected', reason: 'TOPIC_MISMATCH', detail: `reading of ${METER} published on the topic of ${OTHER}` },
    });
  });
});
