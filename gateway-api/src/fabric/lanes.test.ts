/**
 * Lanes admit one holder at a time per lane, in arrival order, and never hold
 * up another lane.
 */
import { expect } from 'chai';
import { setTimeout as sleep } from 'node:timers/promises';
import { Lanes } from './lanes';

describe('Lanes (gateway submission lanes)', () => {
  it('runs the holders of one lane one at a time, in arrival order', async () => {
    const lanes = new Lanes();
    const log: string[] = [];
    let inside = 0;
    let most = 0;
    await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => {
        const release = await lanes.enter('acct:A');
        inside++;
        most = Math.max(most, inside);
        log.push(`in ${n}`);
        await sleep(5);
        inside--;
        release();
      }),
    );
    expect(most).to.equal(1);
    expect(log).to.deep.equal(['in 1', 'in 2', 'in 3', 'in 4', 'in 5']);
    expect(lanes.busy).to.equal(0);
  });

  it('lets another lane in while one is held', async () => {
    const lanes = new Lanes();
    const releaseA = await lanes.enter('acct:A');
    const releaseB = await Promise.race([lanes.enter('acct:B'), sleep(50).then(() => undefined)]);
    expect(releaseB, 'lane B waited for lane A').to.be.a('function');
    releaseB?.();
    releaseA();
  });
});
