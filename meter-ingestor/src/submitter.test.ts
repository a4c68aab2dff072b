/** Submitting a batch: verdicts per reading, retries until commit, refusals that retrying cannot fix. */
import { expect } from 'chai';
import { BatchSubmitter, committedVerdicts, permanentRefusal, refusedVerdicts, retryDelayMs, type CommittedBatch, type SubmitReadings } from './submitter';
import type { ReadingPayload } from './protocol';

const METER = `eid:d:${'ab'.repeat(16)}`;
const reading = (seq: number): ReadingPayload => ({ meter: METER, seq, ts: '2026-03-01T10:00:00.000Z', importWh: '1', exportWh: '0', sig: 'A'.repeat(64) });
const batch = [reading(1), reading(2), reading(3)];
const committed: CommittedBatch = {
  txId: 'tx1',
  results: [{ i: 0, verdict: 'accepted' }, { i: 1, verdict: 'duplicate' }, { i: 2, verdict: 'rejected', reason: 'FORGED_SIGNATURE', detail: 'bad' }],
};

function submitter(submit: SubmitReadings, abandoned = (): boolean => false): { s: BatchSubmitter; sleeps: number[]; logs: string[] } {
  const sleeps: number[] = [];
  const logs: string[] = [];
  const s = new BatchSubmitter({
    submit,
    abandoned,
    log: (l) => logs.push(l),
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
  });
  return { s, sleeps, logs };
}

describe('BatchSubmitter', () => {
  it('turns the chaincode results into one verdict per reading, all naming the transaction', () => {
    expect(committedVerdicts(batch, committed)).to.deep.equal([
      { meter: METER, seq: 1, verdict: 'accepted', txId: 'tx1' },
      { meter: METER, seq: 2, verdict: 'accepted', duplicate: true, txId: 'tx1' },
      { meter: METER, seq: 3, verdict: 'rejected', reason: 'FORGED_SIGNATURE', detail: 'bad', txId: 'tx1' },
    ]);
    expect(refusedVerdicts([reading(1)], 'ACCESS_DENIED: no')).to.deep.equal([{ meter: METER, seq: 1, verdict: 'rejected', reason: 'SUBMIT_REFUSED', detail: 'ACCESS_DENIED: no' }]);
  });

  it('knows which failures retrying cannot fix', () => {
    expect(permanentRefusal(new Error('10 ABORTED: failed to endorse: ACCESS_DENIED: role ingestor required\nmore'))).to.equal('ACCESS_DENIED: role ingestor required');
    expect(permanentRefusal(new Error('VALIDATION: readings: must hold at least one reading'))).to.equal('VALIDATION: readings: must hold at least one reading');
    expect(permanentRefusal(new Error('14 UNAVAILABLE: connection refused'))).to.equal(undefined);
  });

  it('retries a batch that did not commit, backing off, until it commits', async () => {
    let calls = 0;
    const { s, sleeps, logs } = submitter(() => (++calls < 3 ? Promise.reject(new Error('14 UNAVAILABLE: peer down')) : Promise.resolve(committed)));
    const out = await s.resolve(batch);
    expect(out?.txId).to.equal('tx1');
    expect(out?.verdicts).to.have.length(3);
    expect(sleeps).to.deep.equal([500, 1000]);
    expect(logs[0]).to.equal('batch of 3 not committed (attempt 1): 14 UNAVAILABLE: peer down; retrying');
    expect(retryDelayMs(100)).to.equal(5000);
  });

  it('answers a refused batch with SUBMIT_REFUSED for every reading, without retrying', async () => {
    const { s, sleeps } = submitter(() => Promise.reject(new Error('ACCESS_DENIED: not an ingestor')));
    const out = await s.resolve(batch);
    expect(out).to.deep.equal({ verdicts: refusedVerdicts(batch, 'ACCESS_DENIED: not an ingestor') });
    expect(sleeps).to.deep.equal([]);
  });

  it('gives up without verdicts once the ingestor is killed', async () => {
    let killed = false;
    const { s } = submitter(() => {
      killed = true;
      return Promise.resolve(committed);
    }, () => killed);
    expect(await s.resolve(batch)).to.equal(undefined);
  });
});
