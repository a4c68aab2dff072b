/**
 * Root hooks of the multi-host suite (.mocharc.multihost.js): the hosts'
 * network is brought up once (its `up` time printed) or reused when it runs,
 * and taken down at the end if these hooks started it, unless DEC_KEEP_NETWORK=1.
 */
import { down, readState, up } from '@dec/test-network';
import { figure } from './figures';

let startedHere = false;

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(15 * 60_000);
    if (process.env.DEC_MULTIHOST !== '1') throw new Error('the multi-host hooks need .mocharc.multihost.js (DEC_TOPOLOGY, DEC_GATEWAY_CONFIG)');
    startedHere = readState() === undefined;
    const t0 = Date.now();
    await up();
    if (startedHere) figure('multi-host up (6 hosts, 12 processes, chaincode committed)', `${((Date.now() - t0) / 1000).toFixed(1)} s`);
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(120_000);
    if (startedHere && process.env.DEC_KEEP_NETWORK !== '1') await down();
  },
};
