/**
 * The open loop sends on schedule whatever the answers do, and counts latency
 * from each transaction's due time, so a stall shows as queueing delay.
 */
import { expect } from 'chai';
import { runOpenLoad } from './open-load';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('runOpenLoad (bench)', () => {
  it('keeps sending at the rate while earlier transactions are still out', async () => {
    let inFlight = 0;
    let most = 0;
    const r = await runOpenLoad('probe', 100, 20, async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await sleep(100);
      inFlight--;
      return { code: 0 };
    });
    expect(r.committed).to.equal(20);
    expect(most, 'a closed loop would have had one at a time').to.be.greaterThan(5);
    expect(r.name).to.equal('probe (open loop, 100/s)');
  });

  it('counts validation codes and failures like the closed loop', async () => {
    const r = await runOpenLoad('mixed', 200, 4, (seq) => (seq === 3 ? Promise.reject(new Error('down')) : Promise.resolve({ code: seq === 0 ? 0 : 11 })));
    expect([r.committed, r.mvccConflicts, r.otherFailures]).to.deep.equal([1, 2, 1]);
    expect(r.firstError).to.contain('down');
  });
});
