/**
 * Mocha root hooks for integration tests: the real network is brought up once
 * per run, or reused when it already runs (then it is left running). A network
 * these hooks started is taken down at the end unless DEC_KEEP_NETWORK=1.
 */
import { down, up } from '../network';
import { readState } from '../state';

let startedHere = false;

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(15 * 60_000);
    startedHere = readState() === undefined;
    await up();
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(120_000);
    if (startedHere && process.env.DEC_KEEP_NETWORK !== '1') await down();
  },
};
