/**
 * The energy chaincode's identity and token ledger on the real `energy`
 * channel, with CA-enrolled identities: genesis and vesting, KYC, transfers
 * with fees, DEC <-> DECC exchange, holds, deposits, the access matrix, and 100
 * concurrent transfers into one account that must all commit. The ledger audit
 * (supply, conservation, no negative balance) must pass after every scenario.
 */
import { expect } from 'chai';
import { ActorPool, balance, failure, createParticipants, dec, enrollOperator, ensureGenesis, expectAuditOk, kycHash, ONE_DEC, postRate, setFees, type Actor, type Participant } from '../index';

const TOTAL_DEC = (319_000_000n * ONE_DEC).toString();

describe('energy chaincode: eID registry and DEC/DECC ledger (real network)', function () {
  const pool = new ActorPool();
  let operator: Actor, clerk: Actor, gridOperator: Actor, regulator: Actor;
  let alice: Participant, bob: Participant;

  before(async () => {
    [operator, clerk, gridOperator, regulator] = await Promise.all([
      enrollOperator(pool),
      pool.enroll('PlatformMSP', 'clerk', { role: 'clerk' }),
      pool.enroll('GridMSP', 'gridop', { role: 'operator' }),
      pool.enroll('RegulatorMSP', 'auditor', { role: 'regulator' }),
    ]);
    await ensureGenesis(operator);
    await setFees(pool, operator, { DEC: { bps: 10, min: '0' }, DECC: { bps: 0, min: '0' } });
    [alice, bob] = (await createParticipants(pool, operator, 2, { name: 'ab', fundWholeDec: 1000, orgs: ['SupplierMSP', 'BankMSP'] })) as [Participant, Participant];
  });
  afterEach(async () => expectAuditOk(regulator));
  after(() => {
    pool.close();
  });

  it('minted exactly 319,000,000 DEC once, with the team tranche vesting 20/20/30/30 over four years', async () => {
    const supply = await regulator.evaluate<{ DEC: { total: string } }>('energy', 'token:Supply');
    expect(supply.DEC.total).to.equal(TOTAL_DEC);
    expect(await failure(operator.submit('energy', 'token:Genesis', {}))).to.match(/CONFLICT/);
    const { vesting } = await regulator.evaluate<{ vesting: { total: string; schedule: { at: string; cumulative: string }[] } }>('energy', 'token:GetGenesis');
    const team = BigInt(vesting.total);
    expect(vesting.schedule.map((s) => s.cumulative)).to.deep.equal([20n, 40n, 70n, 100n].map((pct) => ((team * pct) / 100n).toString()));
    // Within the first year nothing is releasable yet.
    expect(await failure(operator.submit('energy', 'token:ReleaseVested', { to: alice.eid }))).to.match(/CONFLICT|nothing/i);
  });

  it('binds an approved eID to its Fabric identity; suspension stops its account', async () => {
    const me = await alice.actor.evaluate<{ participant: { eid: string; status: string } }>('energy', 'identity:WhoAmI');
    expect(me.participant).to.include({ eid: alice.eid, status: 'active' });
    const late = await pool.enroll('LessorMSP', 'late', {});
    const pending = await late.submit<{ eid: string; status: string }>('energy', 'identity:Register', { kycHash: kycHash('late'), roles: ['consumer'] });
    expect(pending.status).to.equal('pending');
    expect(await failure(late.submit('energy', 'identity:Approve', { eid: pending.eid }))).to.match(/ACCESS_DENIED/);

    await operator.submit('energy', 'identity:Suspend', { eid: bob.eid, reason: 'integration test' });
    expect(await failure(bob.actor.submit('energy', 'token:Transfer', { from: bob.eid, to: alice.eid, asset: 'DEC', amount: '1' }))).to.match(/ACCESS_DENIED|suspended/);
    await operator.submit('energy', 'identity:Reinstate', { eid: bob.eid });
  });

  it('transfers DEC with the fee on top, paid to the fee account', async () => {
    const [a0, b0, f0] = await Promise.all([balance(alice.actor, alice.eid, 'DEC'), balance(bob.actor, bob.eid, 'DEC'), balance(operator, 'sys:fees', 'DEC')]);
    await alice.actor.submit('energy', 'token:Transfer', { from: alice.eid, to: bob.eid, asset: 'DEC', amount: dec(10) });
    const fee = (10n * ONE_DEC * 10n) / 10_000n;
    expect(await balance(alice.actor, alice.eid, 'DEC')).to.equal(a0 - 10n * ONE_DEC - fee);
    expect(await balance(bob.actor, bob.eid, 'DEC')).to.equal(b0 + 10n * ONE_DEC);
    expect(await balance(operator, 'sys:fees', 'DEC')).to.equal(f0 + fee);
  });

  it('mints DECC against DEC locked in reserve at the posted rate, and redeems it back', async () => {
    await postRate(pool, operator, '2');
    const [dec0, decc0] = await Promise.all([balance(alice.actor, alice.eid, 'DEC'), balance(alice.actor, alice.eid, 'DECC')]);
    await alice.actor.submit('energy', 'token:MintDecc', { account: alice.eid, decAmount: dec(5), expectedRate: '2' });
    expect(await balance(alice.actor, alice.eid, 'DECC')).to.equal(decc0 + 1000n); // 10 DECC, 2 decimals
    expect(await balance(alice.actor, alice.eid, 'DEC')).to.equal(dec0 - 5n * ONE_DEC);
    await alice.actor.submit('energy', 'token:RedeemDecc', { account: alice.eid, deccAmount: '500', expectedRate: '2' });
    expect(await balance(alice.actor, alice.eid, 'DECC')).to.equal(decc0 + 500n);
    expect(await balance(alice.actor, alice.eid, 'DEC')).to.equal(dec0 - 5n * ONE_DEC + (5n * ONE_DEC) / 2n);
    expect(await failure(alice.actor.submit('energy', 'token:MintDecc', { account: alice.eid, decAmount: dec(1), expectedRate: '3' }))).to.match(/CONFLICT: the posted rate/);
  });

  it('escrows DECC in a hold, captures part for the payee and returns the rest', async () => {
    const [a0, b0] = await Promise.all([balance(alice.actor, alice.eid, 'DECC'), balance(bob.actor, bob.eid, 'DECC')]);
    const hold = await alice.actor.submit<{ id: string }>('energy', 'token:CreateHold', { payer: alice.eid, payee: bob.eid, asset: 'DECC', amount: '300', expiresAt: '2099-01-01T00:00:00Z' });
    expect(await balance(alice.actor, alice.eid, 'DECC')).to.equal(a0 - 300n);
    await bob.actor.submit('energy', 'token:CaptureHold', { holdId: hold.id, amount: '200' });
    expect(await balance(bob.actor, bob.eid, 'DECC')).to.equal(b0 + 200n);
    expect(await balance(alice.actor, alice.eid, 'DECC')).to.equal(a0 - 200n);
    const closed = await regulator.evaluate<{ status: string; captured: string }>('energy', 'token:GetHold', { holdId: hold.id });
    expect(closed).to.include({ status: 'captured', captured: '200' });
  });

  it('locks a business deposit and withdraws it when no obligation is open', async () => {
    const d0 = await balance(alice.actor, alice.eid, 'DEC');
    await alice.actor.submit('energy', 'token:LockDeposit', { account: alice.eid, amount: dec(50) });
    expect((await alice.actor.evaluate<{ amount: string }>('energy', 'token:GetDeposit', { account: alice.eid })).amount).to.equal(dec(50));
    expect(await balance(alice.actor, alice.eid, 'DEC')).to.equal(d0 - 50n * ONE_DEC);
    await alice.actor.submit('energy', 'token:WithdrawDeposit', { account: alice.eid, amount: dec(50) });
    expect(await balance(alice.actor, alice.eid, 'DEC')).to.equal(d0);
  });

  it('rejects bad inputs naming the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ from: alice.eid, to: bob.eid, asset: 'DEC', amount: '-1' }, /VALIDATION: request\.amount/],
      [{ from: alice.eid, to: bob.eid, asset: 'DEC', amount: '1.5' }, /VALIDATION: request\.amount/],
      [{ from: alice.eid, to: bob.eid, asset: 'XYZ', amount: '1' }, /VALIDATION: request\.asset/],
      [{ from: alice.eid, to: alice.eid, asset: 'DEC', amount: '1' }, /VALIDATION: request\.to/],
      [{ from: alice.eid, to: 'eid:p:' + '0'.repeat(32), asset: 'DEC', amount: '1' }, /NOT_FOUND|VALIDATION: request\.to/],
    ];
    for (const [input, expected] of cases) expect(await failure(alice.actor.evaluate('energy', 'token:Transfer', input)), JSON.stringify(input)).to.match(expected);
  });

  describe('access matrix: every write transaction refuses callers without the right', () => {
    const zero = 'eid:p:' + '0'.repeat(32);
    const operatorOnly: [string, () => unknown][] = [
      ['token:Genesis', () => ({})],
      ['token:PostRate', () => ({ deccPerDec: '2' })],
      ['token:SetFees', () => ({ DEC: { bps: 10, min: '0' } })],
      ['token:ReleaseBatch', () => ({ pool: 'others', batchId: 'x', payouts: [{ to: zero, amount: '1' }] })],
      ['token:ReleaseVested', () => ({ to: zero })],
      ['token:FundRewardPool', () => ({ from: 'sys:ecology', decAmount: dec(1) })],
      ['token:PayRewards', () => ({ payouts: [{ to: zero, amount: '1' }] })],
      ['token:SlashDeposit', () => ({ account: zero, to: 'sys:fees', amount: '1', reason: 'x' })],
      ['token:OpenObligation', () => ({ account: zero, obligationId: 'o1' })],
      ['token:CloseObligation', () => ({ account: zero, obligationId: 'o1' })],
      ['identity:Approve', () => ({ eid: zero })],
      ['identity:Reject', () => ({ eid: zero, reason: 'x' })],
      ['identity:Suspend', () => ({ eid: zero, reason: 'x' })],
      ['identity:Reinstate', () => ({ eid: zero })],
    ];
    // [transaction, input, may the operator do it for others?]
    const holderOnly: [string, (a: string, b: string) => unknown, boolean?][] = [
      ['token:Transfer', (a, b) => ({ from: a, to: b, asset: 'DEC', amount: '1' })],
      ['token:Approve', (a, b) => ({ owner: a, spender: b, asset: 'DEC', amount: '1' })],
      ['token:CreateHold', (a, b) => ({ payer: a, payee: b, asset: 'DEC', amount: '1', expiresAt: '2099-01-01T00:00:00Z' })],
      ['token:LockDeposit', (a) => ({ account: a, amount: '1' })],
      ['token:WithdrawDeposit', (a) => ({ account: a, amount: '1' })],
      ['token:MintDecc', (a) => ({ account: a, decAmount: dec(1) })],
      ['token:RedeemDecc', (a) => ({ account: a, deccAmount: '1' })],
      ['token:Consolidate', (a) => ({ account: a, asset: 'DEC' }), true],
      ['token:TransferFrom', (a, b) => ({ owner: b, spender: a, to: 'sys:fees', asset: 'DEC', amount: '1' })],
      ['identity:RegisterDevice', (a) => ({ ownerEid: a, kind: 'meter', serial: 'SN-1' }), true],
    ];

    it('operator-only transactions × {platform clerk, grid operator, regulator, participant}', async () => {
      const refused: string[] = [];
      for (const [tx, input] of operatorOnly) {
        for (const [who, actor] of [['clerk', clerk], ['grid operator', gridOperator], ['regulator', regulator], ['participant', alice.actor]] as const) {
          const err = await failure(actor.evaluate('energy', tx, input()));
          expect(err, `${tx} by ${who}`).to.match(/ACCESS_DENIED/);
          refused.push(`${tx}/${who}`);
        }
      }
      expect(refused).to.have.length(operatorOnly.length * 4);
    });

    it("account-holder transactions × {another participant, regulator, operator} on someone else's account", async () => {
      for (const [tx, input, operatorMay] of holderOnly) {
        const outsiders = [['bob', bob.actor], ['regulator', regulator], ...(operatorMay ? [] : [['operator', operator]])] as [string, Actor][];
        for (const [who, actor] of outsiders) {
          const err = await failure(actor.evaluate('energy', tx, input(alice.eid, bob.eid)));
          expect(err, `${tx} by ${who}`).to.match(/ACCESS_DENIED/);
        }
      }
    });

    it('readers: only the holder, the operator and the regulator read an account', async () => {
      for (const actor of [alice.actor, operator, regulator]) await actor.evaluate('energy', 'token:Balance', { account: alice.eid, asset: 'DEC' });
      expect(await failure(bob.actor.evaluate('energy', 'token:Balance', { account: alice.eid, asset: 'DEC' }))).to.match(/ACCESS_DENIED/);
      expect(await failure(clerk.evaluate('energy', 'token:History', { account: alice.eid, asset: 'DEC' }))).to.match(/ACCESS_DENIED/);
    });
  });

  it('commits 100 concurrent transfers into one account with no MVCC conflict, and balances add up', async function () {
    this.timeout(600_000);
    const payers = await createParticipants(pool, operator, 100, { name: 'payer', fundWholeDec: 10 });
    const merchant = bob;
    const [m0, f0] = await Promise.all([balance(merchant.actor, merchant.eid, 'DEC'), balance(operator, 'sys:fees', 'DEC')]);
    const amount = 3n * ONE_DEC;
    // Endorse all first, then submit together, so they share blocks.
    const endorsed = await Promise.all(
      payers.map((p) =>
        p.actor
          .contract('energy')
          .newProposal('token:Transfer', { arguments: [JSON.stringify({ from: p.eid, to: merchant.eid, asset: 'DEC', amount: amount.toString() })] })
          .endorse(),
      ),
    );
    const codes = await Promise.all(endorsed.map(async (tx) => (await (await tx.submit()).getStatus()).code));
    expect(codes.filter((c) => c === 11), 'MVCC_READ_CONFLICT').to.have.length(0);
    expect(codes.every((c) => c === 0), `validation codes ${[...new Set(codes)].join(',')}`).to.equal(true);
    const fee = (amount * 10n) / 10_000n;
    expect(await balance(merchant.actor, merchant.eid, 'DEC')).to.equal(m0 + 100n * amount);
    expect(await balance(operator, 'sys:fees', 'DEC')).to.equal(f0 + 100n * fee);
    for (const p of payers.slice(0, 5)) expect(await balance(p.actor, p.eid, 'DEC')).to.equal(10n * ONE_DEC - amount - fee);
    // The merchant folds its credits into its base balance; nothing changes in value.
    await merchant.actor.submit('energy', 'token:Consolidate', { account: merchant.eid, asset: 'DEC' });
    expect(await balance(merchant.actor, merchant.eid, 'DEC')).to.equal(m0 + 100n * amount);
  });
});
