/**
 * Issue 13 item 1 on the real network: a buyer endorses a CancelOrder (and an
 * AmendOrder to a lower limit) while the slot is still open, holds the
 * endorsed transactions, and submits them after `market:Match` committed.
 * Before the fix the CancelOrder committed VALID (the buyer got its escrow
 * back, the trade stayed obligated and the seller was never paid). Now every
 * order mutation reads the slot's book-freeze key that the first Match page
 * writes, so Fabric's validator invalidates both (MVCC_READ_CONFLICT), and
 * settlement pays the seller for what its meter delivered.
 *
 * Real time: a 1-minute slot with a 1-minute gate and grace, about 4 minutes.
 */
import { expect } from 'chai';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { signReading } from '@dec/meter-ingestor';
import { ActorPool, balance, createParticipants, dec, enrollOperator, ensureGenesis, expectAuditOk, failure, postRate, runId, type Actor, type Participant } from '../index';

const VALID = 0;
const MVCC_READ_CONFLICT = 11;
const MINUTE = 60_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
/** Waits until this machine's clock (the next transaction's timestamp) is past `ms`. */
async function until(ms: number): Promise<void> {
  const wait = ms + 1_500 - Date.now();
  if (wait > 0) await sleep(wait);
}

interface Trader extends Participant {
  meter: string;
  key: KeyObject;
}

describe('energy market: order changes held across Match are invalidated by MVCC (real network, issue 13 item 1)', function () {
  const pool = new ActorPool();
  const tag = runId();
  const ZONE = `FRZ-${tag}`;
  let operator: Actor, gridOperator: Actor, ingestor: Actor, regulator: Actor;
  let seller: Trader, buyer: Trader;

  before(async function () {
    this.timeout(300_000);
    [operator, gridOperator, ingestor, regulator] = await Promise.all([
      enrollOperator(pool),
      pool.enroll('GridMSP', 'freeze-gridop', { role: 'operator' }),
      pool.enroll('GridMSP', 'freeze-ingestor', { role: 'ingestor' }),
      pool.enroll('RegulatorMSP', 'freeze-auditor', { role: 'regulator' }),
    ]);
    await ensureGenesis(operator);
    await postRate(pool, operator, '2');
    const people = await createParticipants(pool, operator, 2, { name: `frz${tag}-`, fundWholeDec: 1000, orgs: ['SupplierMSP', 'BankMSP'] });
    [seller, buyer] = (await Promise.all(
      people.map(async (p, i) => {
        const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
        const device = await p.actor.submit<{ eid: string }>('energy', 'identity:RegisterDevice', { ownerEid: p.eid, kind: 'meter', serial: `FRZ-${tag}-${i}`, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
        await p.actor.submit('energy', 'metering:RegisterMeter', { meter: device.eid, zone: ZONE, ratedPowerW: 1_000_000, slotMinutes: 1 });
        await p.actor.submit('energy', 'token:LockDeposit', { account: p.eid, amount: dec(100) });
        if (i === 1) await p.actor.submit('energy', 'token:MintDecc', { account: p.eid, decAmount: dec(5), expectedRate: '2' });
        return { ...p, meter: device.eid, key: privateKey };
      }),
    )) as [Trader, Trader];
    for (const t of [seller, buyer]) await gridOperator.submit('energy', 'metering:CertifyMeter', { meter: t.meter });
    await operator.submit('energy', 'market:ConfigureZone', { zone: ZONE, slotMinutes: 1, gateMinutes: 1, graceMinutes: 1, settleWindowMinutes: 60, minDeposit: dec(10), feeBps: 0 });
  });

  after(() => {
    pool.close();
  });

  it('a CancelOrder and an AmendOrder endorsed before the gate and submitted after Match are MVCC_READ_CONFLICT; the seller is paid', async function () {
    this.timeout(600_000);
    const startMs = Math.ceil((Date.now() + MINUTE + 20_000) / MINUTE) * MINUTE;
    const slot = new Date(startMs).toISOString();
    const post = (t: Trader, side: 'sell' | 'buy', limitPrice: number): Promise<{ id: string }> =>
      t.actor.submit<{ id: string }>('energy', 'market:PostOrder', { eid: t.eid, side, meter: t.meter, zone: ZONE, slot, quantityWh: '1000', limitPrice: String(limitPrice), latE6: 52_000_000, lonE6: 13_000_000 });
    await post(seller, 'sell', 100);
    const buy = await post(buyer, 'buy', 150);
    const sellerDecc0 = await balance(regulator, seller.eid, 'DECC');
    const buyerDecc0 = await balance(regulator, buyer.eid, 'DECC');

    // The attack: endorse now (honest timestamp, before the gate), submit after Match.
    const contract = buyer.actor.contract('energy');
    const heldCancel = await contract.newProposal('market:CancelOrder', { arguments: [JSON.stringify({ orderId: buy.id })] }).endorse();
    const heldAmend = await contract.newProposal('market:AmendOrder', { arguments: [JSON.stringify({ orderId: buy.id, limitPrice: '10' })] }).endorse();

    await until(startMs - MINUTE);
    const matched = await gridOperator.submit<{ clearing: { trades: number }; done: boolean }>('energy', 'market:Match', { slot, zone: ZONE });
    expect([matched.done, matched.clearing.trades]).to.deep.equal([true, 1]);
    const cancelStatus = await (await heldCancel.submit()).getStatus();
    const amendStatus = await (await heldAmend.submit()).getStatus();
    expect([cancelStatus.code, amendStatus.code]).to.deep.equal([MVCC_READ_CONFLICT, MVCC_READ_CONFLICT]);
    expect(VALID).to.not.equal(cancelStatus.code);
    const { order } = await regulator.evaluate<{ order: { status: string; limitPrice: string } }>('energy', 'market:GetOrder', { orderId: buy.id });
    expect(order).to.include({ status: 'open', limitPrice: '150' });
    expect(await balance(regulator, buyer.eid, 'DECC')).to.equal(buyerDecc0);
    // A fresh attempt is refused at endorsement, whatever its timestamp.
    expect(await failure(buyer.actor.submit('energy', 'market:CancelOrder', { orderId: buy.id }))).to.match(/CONFLICT: .*frozen/);

    // Delivery of the 1,000 Wh sold, then settlement pays the seller 1000 Wh × 100 / 1000 = 100.
    const read = (t: Trader, seq: number, ts: number, imp: bigint, exp: bigint) =>
      signReading(t.key, { meter: t.meter, seq, ts: new Date(ts).toISOString(), importWh: imp.toString(), exportWh: exp.toString() });
    await until(startMs);
    await ingestor.submit('energy', 'metering:SubmitReadings', { readings: [read(seller, 1, startMs, 0n, 5_000n), read(buyer, 1, startMs, 9_000n, 0n)] });
    await until(startMs + MINUTE);
    await ingestor.submit('energy', 'metering:SubmitReadings', { readings: [read(seller, 2, startMs + MINUTE, 0n, 6_000n), read(buyer, 2, startMs + MINUTE, 10_000n, 0n)] });
    await until(startMs + 2 * MINUTE);
    const settled = await gridOperator.submit<{ clearing: { status: string; totals: { deliveredWh: string; paid: string } } }>('energy', 'market:Settle', { slot, zone: ZONE });
    expect(settled.clearing.status).to.equal('settled');
    expect(settled.clearing.totals).to.include({ deliveredWh: '1000', paid: '100' });
    expect(await balance(regulator, seller.eid, 'DECC')).to.equal(sellerDecc0 + 100n);
    expect(await balance(regulator, buyer.eid, 'DECC')).to.equal(buyerDecc0 + 150n - 100n); // escrow 150, paid 100, 50 back
    await expectAuditOk(regulator);
  });
});
