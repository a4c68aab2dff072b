import { expect } from 'chai';
import { dec, EnergyWorld, gridOperator, operator, platformClerk, regulator, user } from '../test-support/energy-world';

const alice = user('alice', 'SupplierMSP');
const bob = user('bob', 'BankMSP');

/** Access matrix and input validation of the token contract: every refusal writes nothing. */
describe('token contract access control and validation', () => {
  let w: EnergyWorld;
  let A: string;
  let B: string;

  beforeEach(async () => {
    w = new EnergyWorld();
    A = await w.onboard(alice);
    B = await w.onboard(bob);
    await w.genesis();
    await w.fundDec(A, 100);
    await w.postRate('1');
    await w.call('token', 'MintDecc', alice, { account: A, decAmount: dec(10) });
    await w.call('token', 'LockDeposit', alice, { account: A, amount: dec(10) });
  });

  afterEach(async () => {
    await w.expectInvariants();
  });

  async function refused(tx: string, caller: Parameters<EnergyWorld['tx']>[2], input: unknown, message: RegExp): Promise<void> {
    const before = w.stateFingerprint();
    const err = await w.fails('token', tx, caller, input);
    expect(err.message, `${tx} by ${caller.mspId}/${caller.name}`).to.match(message);
    expect(w.stateFingerprint(), `${tx} wrote state`).to.equal(before);
  }

  describe('platform-only transactions refuse everyone but PlatformMSP role=operator', () => {
    const platformOnly: [string, () => unknown][] = [
      ['Genesis', () => ({})],
      ['PostRate', () => ({ deccPerDec: '2' })],
      ['SetFees', () => ({ DEC: { bps: 10, min: '0' } })],
      ['ReleaseBatch', () => ({ pool: 'others', batchId: 'b1', payouts: [{ to: 'eid:p:' + '0'.repeat(32), amount: '1' }] })],
      ['ReleaseVested', () => ({ to: 'eid:p:' + '0'.repeat(32) })],
      ['FundRewardPool', () => ({ from: 'sys:ecology', decAmount: dec(1) })],
      ['PayRewards', () => ({ payouts: [{ to: 'eid:p:' + '0'.repeat(32), amount: '1' }] })],
      ['SlashDeposit', () => ({ account: 'eid:p:' + '0'.repeat(32), to: 'sys:fees', amount: '1', reason: 'x' })],
      ['OpenObligation', () => ({ account: 'eid:p:' + '0'.repeat(32), obligationId: 'o1' })],
      ['CloseObligation', () => ({ account: 'eid:p:' + '0'.repeat(32), obligationId: 'o1' })],
    ];
    const outsiders = [
      ['clerk without role=operator', platformClerk],
      ['regulator', regulator],
      ['grid operator (role=operator, wrong MSP)', gridOperator],
      ['participant', alice],
    ] as const;
    for (const [tx, input] of platformOnly) {
      for (const [who, caller] of outsiders) {
        it(`${tx} × ${who}`, async () => {
          await refused(tx, caller, input(), /^ACCESS_DENIED: /);
        });
      }
    }
  });

  describe('holder transactions refuse anyone not bound to the account', () => {
    const cases: [string, (a: string, b: string) => unknown][] = [
      ['Transfer', (a, b) => ({ from: a, to: b, asset: 'DEC', amount: '1' })],
      ['Approve', (a, b) => ({ owner: a, spender: b, asset: 'DEC', amount: '1' })],
      ['CreateHold', (a, b) => ({ payer: a, payee: b, asset: 'DEC', amount: '1', expiresAt: '2027-01-01T00:00:00Z' })],
      ['LockDeposit', (a) => ({ account: a, amount: '1' })],
      ['WithdrawDeposit', (a) => ({ account: a, amount: '1' })],
      ['MintDecc', (a) => ({ account: a, decAmount: dec(1) })],
      ['RedeemDecc', (a) => ({ account: a, deccAmount: '100' })],
      ['Consolidate', (a) => ({ account: a, asset: 'DEC' })],
      ['TransferFrom', (a, b) => ({ owner: b, spender: a, to: 'sys:fees', asset: 'DEC', amount: '1' })],
    ];
    const impostors = [
      ['another participant', bob, /caller is not bound to eID/],
      ['the regulator', regulator, /caller is not bound to eID/],
      ['a same-name identity of another org', user('alice', 'BankMSP'), /caller is not bound to eID/],
      ['the right certificate with a different eid attribute', { ...alice, attributes: { role: 'client', eid: 'eid:p:' + 'e'.repeat(32) } }, /caller is not bound to eID/],
    ] as const;
    for (const [tx, input] of cases) {
      for (const [who, caller, message] of impostors) {
        it(`${tx} on alice's account × ${who}`, async () => {
          await refused(tx, caller, input(A, B), new RegExp(`^ACCESS_DENIED: .*${message.source}`));
        });
      }
    }

    it('the platform operator is not the holder of a participant account', async () => {
      await refused('Transfer', operator, { from: A, to: B, asset: 'DEC', amount: '1' }, /^ACCESS_DENIED: caller is not bound to eID/);
      await refused('MintDecc', operator, { account: A, decAmount: dec(1) }, /^ACCESS_DENIED: caller is not bound to eID/);
    });

    it('system pools move only through their own transactions', async () => {
      await refused('Transfer', operator, { from: 'sys:team', to: B, asset: 'DEC', amount: '1' }, /^ACCESS_DENIED: sys:team cannot be debited/);
      await refused('Transfer', operator, { from: 'sys:reserve', to: B, asset: 'DEC', amount: '1' }, /^ACCESS_DENIED: sys:reserve cannot be debited/);
      await refused('Transfer', operator, { from: 'sys:rewards', to: B, asset: 'DECC', amount: '1' }, /^ACCESS_DENIED: sys:rewards cannot be debited/);
      await refused('Transfer', alice, { from: 'sys:fees', to: B, asset: 'DEC', amount: '1' }, /^ACCESS_DENIED: only the platform operator/);
    });

    it('a caller whose certificate carries its own eid attribute is accepted', async () => {
      const tagged = { ...alice, attributes: { role: 'client', eid: A } };
      await w.call('token', 'Transfer', tagged, { from: A, to: B, asset: 'DEC', amount: '1' });
      expect(await w.balance(B, 'DEC')).to.equal(1n);
    });
  });

  describe('bad input names the field and writes nothing', () => {
    const cases: [string, (a: string, b: string) => unknown, RegExp][] = [
      ['Transfer', (a, b) => ({ from: a, to: b, asset: 'DEC', amount: '1.5' }), /^VALIDATION: request\.amount: must be a non-negative integer string/],
      ['Transfer', (a, b) => ({ from: a, to: b, asset: 'DEC', amount: '-1' }), /^VALIDATION: request\.amount: must be a non-negative integer string/],
      ['Transfer', (a, b) => ({ from: a, to: b, asset: 'DEC', amount: '007' }), /^VALIDATION: request\.amount/],
      ['Transfer', (a, b) => ({ from: a, to: b, asset: 'DEC', amount: '0' }), /^VALIDATION: request\.amount: must be greater than zero/],
      ['Transfer', (a, b) => ({ from: a, to: b, asset: 'DEC', amount: 5 }), /^VALIDATION: request\.amount: Invalid input: expected string/],
      ['Transfer', (a, b) => ({ from: a, to: b, asset: 'BTC', amount: '1' }), /^VALIDATION: request\.asset: Invalid option/],
      ['Transfer', (_a, b) => ({ from: 'alice', to: b, asset: 'DEC', amount: '1' }), /^VALIDATION: request\.from: must be a participant eID/],
      ['Transfer', (a) => ({ from: a, to: a, asset: 'DEC', amount: '1' }), /^VALIDATION: request\.to: must differ from request\.from/],
      ['Transfer', (a, b) => ({ from: a, to: b, asset: 'DEC', amount: '1', memo: 'x'.repeat(201) }), /^VALIDATION: request\.memo: must be at most 200/],
      ['Approve', (a) => ({ owner: a, spender: a, asset: 'DEC', amount: '1' }), /^VALIDATION: request\.spender: must differ/],
      ['CreateHold', (a, b) => ({ payer: a, payee: b, asset: 'DEC', amount: '1', expiresAt: 'tomorrow' }), /^VALIDATION: request\.expiresAt: must be an ISO-8601/],
      ['CaptureHold', () => ({ holdId: 'hold:xyz', amount: '1' }), /^VALIDATION: request\.holdId: must be a hold ID/],
      ['MintDecc', (a) => ({ account: a, decAmount: '1' }), /^VALIDATION: request\.decAmount: is too small/],
      ['MintDecc', (a) => ({ account: a, decAmount: dec(1), expectedRate: '1,5' }), /^VALIDATION: request\.expectedRate: must be a decimal/],
      ['Consolidate', (a) => ({ account: a, asset: 'DEC', credits: ['nope'] }), /^VALIDATION: request\.credits\.0: must be a credit ID/],
      ['Balance', (a) => ({ account: a }), /^VALIDATION: request\.asset: Invalid option/],
      ['History', (a) => ({ account: a, asset: 'DEC', pageSize: 0 }), /^VALIDATION: request\.pageSize: must be at least 1/],
    ];
    for (const [tx, input, message] of cases) {
      it(`${tx}: ${message.source.replace(/^\^VALIDATION: /, '').slice(0, 50)}`, async () => {
        await refused(tx, alice, input(A, B), message);
      });
    }

    const platformCases: [string, unknown, RegExp][] = [
      ['Genesis', { splitBps: { ecology: 6000, team: 1500, others: 2000 } }, /^VALIDATION: request\.splitBps: must sum to 10000/],
      ['PostRate', { deccPerDec: '0' }, /^VALIDATION: request\.deccPerDec: must be greater than zero/],
      ['PostRate', { deccPerDec: '-1' }, /^VALIDATION: request\.deccPerDec: must be a decimal/],
      ['SetFees', { DEC: { bps: 5000, min: '0' } }, /^VALIDATION: request\.DEC\.bps: must be at most 1000/],
      ['PayRewards', { payouts: [] }, /^VALIDATION: request\.payouts: must list at least one payout/],
      ['ReleaseBatch', { pool: 'team', batchId: 'b', payouts: [{ to: 'eid:p:' + '0'.repeat(32), amount: '1' }] }, /^VALIDATION: request\.pool: Invalid option/],
      ['ReleaseBatch', { pool: 'others', batchId: 'with space', payouts: [{ to: 'eid:p:' + '0'.repeat(32), amount: '1' }] }, /^VALIDATION: request\.batchId/],
      ['SlashDeposit', { account: 'eid:p:' + '0'.repeat(32), to: 'sys:team', amount: '1', reason: 'r' }, /^VALIDATION: request\.to/],
      ['FundRewardPool', { from: 'sys:team', decAmount: '1' }, /^VALIDATION: request\.from: Invalid option/],
    ];
    for (const [tx, input, message] of platformCases) {
      it(`${tx}: ${message.source.replace(/^\^VALIDATION: /, '').slice(0, 50)}`, async () => {
        await refused(tx, operator, input, message);
      });
    }
  });
});
