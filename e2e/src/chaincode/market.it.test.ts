/**
 * One whole slot of the micro-grid market on the real `energy` channel, with
 * CA-enrolled identities and real meter data over MQTT:
 *
 *   - four participants (two sellers, two buyers) with DEC business deposits,
 *     the buyers with DECC minted against DEC;
 *   - one meter each (own P-256 key, 1-minute intervals), certified by the grid operator;
 *   - the platform operator configures a zone with 1-minute slots, a 1-minute
 *     gate and a 1-minute grace, and the test picks a slot ~1–2 minutes ahead;
 *   - orders posted, Match by the grid operator after the gate;
 *   - each meter signs a reading at slot start and slot end with its own key,
 *     published over MQTT to a test broker and landed by the meter ingestor;
 *   - Settle by the grid operator after the grace period;
 *   - every DECC balance (buyers, sellers, sys:fees), the under-delivering
 *     seller's DEC deposit and the compensated buyer's DEC, checked to the unit
 *     against the formulas of market/settlement.ts, and token:Audit ok.
 *
 * The ledger's clock is the transaction timestamp, i.e. this machine's clock,
 * so the test waits in real time: about 4 minutes.
 */
import { expect } from 'chai';
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import path from 'node:path';
import mqtt from 'mqtt';
import { brokerUrl, readingsTopic, signReading, startMeterIngestor, TOPIC_ROOT, type MeterIngestor, type Verdict } from '@dec/meter-ingestor';
import { startBroker, stopBroker } from '@dec/test-network';
import { REPO_ROOT } from '@dec/network';
import { ActorPool, balance, eventually, failure, createParticipants, dec, enrollOperator, ensureGenesis, expectAuditOk, ONE_DEC, postRate, type Actor, type Participant } from '../index';

const tag = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const ZONE = `MKT-${tag}`;
const MINUTE = 60_000;
const port = 19_830 + (process.pid % 1000);
const brokerDir = path.join(REPO_ROOT, '.run', `mosquitto-market-it-${tag}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until this machine's clock (= the next transaction's timestamp) is past `ms`. */
const until = async (ms: number) => {
  const wait = ms + 1_500 - Date.now();
  if (wait > 0) await sleep(wait);
};

/** Zone parameters (also the inputs of the expected-value formulas below). */
const FEE_BPS = 250n;
const TOLERANCE_BPS = 500n;
const PENALTY_PER_KWH = ONE_DEC; // 1 DEC per kWh under-delivered beyond the tolerance

interface Trader extends Participant {
  name: string;
  meter: string;
  key: KeyObject;
  latE6: number;
  lonE6: number;
}

interface TradeView {
  buyer: string;
  seller: string;
  quantityWh: string;
  price: string;
  sellerPriorWh: string;
  buyerPriorWh: string;
  status: string;
  settlement?: { deliveredWh: string; paid: string; fee: string; sellerNet: string; shortfallWh: string; penalty: string; penaltyTaken: string; data: string };
}

interface ClearingView {
  status: string;
  trades: number;
  volumeWh: string;
  value: string;
  totals: { deliveredWh: string; paid: string; fees: string; released: string; penalties: string };
}

describe('energy market: one slot end to end on the real network (orders, Match, MQTT meter data, Settle)', function () {
  const pool = new ActorPool();
  let operator: Actor, gridOperator: Actor, regulator: Actor;
  let s1: Trader, s2: Trader, b1: Trader, b2: Trader;
  let ingestor: MeterIngestor | undefined;
  let brokerStarted = false;

  before(async function () {
    this.timeout(300_000);
    [operator, gridOperator, regulator] = await Promise.all([
      enrollOperator(pool),
      pool.enroll('GridMSP', 'market-gridop', { role: 'operator' }),
      pool.enroll('RegulatorMSP', 'market-auditor', { role: 'regulator' }),
    ]);
    await ensureGenesis(operator);
    const people = await createParticipants(pool, operator, 4, { name: `mkt${tag}-`, fundWholeDec: 1000, orgs: ['SupplierMSP', 'LessorMSP', 'BankMSP', 'SupplierMSP'] });
    // Sellers and buyers in two neighbourhoods ~15 km apart: s1/b1 in one, s2/b2 in the other.
    const places = [
      ['s1', 52_000_000, 13_000_000],
      ['s2', 52_100_000, 13_100_000],
      ['b1', 52_000_300, 13_000_200],
      ['b2', 52_100_300, 13_100_200],
    ] as const;
    await postRate(pool, operator, '2');
    [s1, s2, b1, b2] = (await Promise.all(
      people.map(async (p, i) => {
        const [name, latE6, lonE6] = places[i]!;
        const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
        const device = await p.actor.submit<{ eid: string }>('energy', 'identity:RegisterDevice', {
          ownerEid: p.eid,
          kind: 'meter',
          serial: `MKT-${tag}-${name}`,
          publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
          label: `market test meter ${name}`,
        });
        await p.actor.submit('energy', 'metering:RegisterMeter', { meter: device.eid, zone: ZONE, ratedPowerW: 1_000_000, slotMinutes: 1 });
        await p.actor.submit('energy', 'token:LockDeposit', { account: p.eid, amount: dec(100) });
        if (name.startsWith('b')) await p.actor.submit('energy', 'token:MintDecc', { account: p.eid, decAmount: dec(5), expectedRate: '2' });
        return { ...p, name, meter: device.eid, key: privateKey, latE6, lonE6 };
      }),
    )) as [Trader, Trader, Trader, Trader];
    for (const t of [s1, s2, b1, b2]) await gridOperator.submit('energy', 'metering:CertifyMeter', { meter: t.meter });
    await operator.submit('energy', 'market:ConfigureZone', {
      zone: ZONE,
      slotMinutes: 1,
      gateMinutes: 1,
      graceMinutes: 1,
      settleWindowMinutes: 60,
      minDeposit: dec(10),
      feeBps: Number(FEE_BPS),
      toleranceBps: Number(TOLERANCE_BPS),
      penaltyPerKwh: PENALTY_PER_KWH.toString(),
    });
    await startBroker({ dir: brokerDir, port });
    brokerStarted = true;
    ingestor = await startMeterIngestor({ mqttPort: port, clientId: `market-it-ingestor-${tag}`, enrollmentId: `market-ingestor-${tag}`, batchSize: 50, maxWaitMs: 200, log: () => undefined });
  });

  after(async function () {
    this.timeout(60_000);
    ingestor?.kill();
    if (brokerStarted) await stopBroker({ dir: brokerDir, port, wipe: true });
    pool.close();
  });

  it('matches nearest-first, settles from metered energy: fees, proceeds, refunds and the under-delivery penalty to the unit', async function () {
    this.timeout(600_000);
    const started = Date.now();
    // A slot whose gate closes at least 20 s from now (orders go in before it).
    const startMs = Math.ceil((Date.now() + MINUTE + 20_000) / MINUTE) * MINUTE;
    const slot = new Date(startMs).toISOString();
    const gateMs = startMs - MINUTE;
    const endMs = startMs + MINUTE;
    const settleFromMs = endMs + MINUTE;

    const dBefore = new Map<string, bigint>();
    for (const t of [s1, s2, b1, b2]) dBefore.set(t.eid, await balance(regulator, t.eid, 'DECC'));
    const s2Deposit0 = BigInt((await regulator.evaluate<{ amount: string }>('energy', 'token:GetDeposit', { account: s2.eid })).amount);
    const b2Dec0 = await balance(regulator, b2.eid, 'DEC');

    const post = (t: Trader, side: 'sell' | 'buy', quantityWh: number, limitPrice: number) =>
      t.actor.submit<{ id: string; holdId?: string }>('energy', 'market:PostOrder', {
        eid: t.eid,
        side,
        meter: t.meter,
        zone: ZONE,
        slot,
        quantityWh: String(quantityWh),
        limitPrice: String(limitPrice),
        latE6: t.latE6,
        lonE6: t.lonE6,
      });
    // Prices in DECC base units per kWh.
    await Promise.all([post(s1, 'sell', 3000, 120), post(s2, 'sell', 2000, 100), post(b1, 'buy', 2500, 150), post(b2, 'buy', 2400, 130)]);
    // Buy escrow: ceil(q × limit / 1000).
    const escrowB1 = (2500n * 150n + 999n) / 1000n;
    const escrowB2 = (2400n * 130n + 999n) / 1000n;
    expect(await balance(regulator, b1.eid, 'DECC')).to.equal(dBefore.get(b1.eid)! - escrowB1);
    expect(await balance(regulator, b2.eid, 'DECC')).to.equal(dBefore.get(b2.eid)! - escrowB2);
    expect(await failure(gridOperator.submit('energy', 'market:Match', { slot, zone: ZONE }))).to.match(/CONFLICT: .*open for orders/);

    await until(gateMs);
    expect(await failure(post(b1, 'buy', 100, 150))).to.match(/CONFLICT: .*closed for orders/);
    const matched = await gridOperator.submit<{ clearing: ClearingView; done: boolean }>('energy', 'market:Match', { slot, zone: ZONE });
    expect(matched.done).to.equal(true);
    // b1 (limit 150) is served first and takes 2500 Wh from its neighbour s1 at s1's ask 120;
    // b2 (limit 130) takes s2's 2000 Wh at 100, then the 400 Wh it still needs from s1 (500 left) at 120.
    const { items: trades } = await regulator.evaluate<{ items: TradeView[] }>('energy', 'market:Trades', { slot, zone: ZONE, pageSize: 50 });
    const pick = (buyer: Trader, seller: Trader) => trades.find((t) => t.buyer === buyer.eid && t.seller === seller.eid);
    expect(trades).to.have.length(3);
    expect(pick(b1, s1)).to.include({ quantityWh: '2500', price: '120', sellerPriorWh: '0', buyerPriorWh: '0' });
    expect(pick(b2, s2)).to.include({ quantityWh: '2000', price: '100', sellerPriorWh: '0', buyerPriorWh: '0' });
    expect(pick(b2, s1)).to.include({ quantityWh: '400', price: '120', sellerPriorWh: '2500', buyerPriorWh: '2000' });
    expect(matched.clearing).to.include({ status: 'matched', trades: 3, volumeWh: '4900', value: String((2500 * 120 + 2000 * 100 + 400 * 120) / 1000) });

    // --- delivery: each meter signs its counters at slot start and slot end; MQTT → ingestor → metering:SubmitReadings
    const verdicts: Verdict[] = [];
    const listener = await mqtt.connectAsync(brokerUrl(port), { clientId: `market-it-verdicts-${tag}`, clean: true });
    listener.on('message', (_topic, payload) => verdicts.push(JSON.parse(payload.toString('utf8')) as Verdict));
    await listener.subscribeAsync(`${TOPIC_ROOT}/+/verdicts`, { qos: 1 });
    const meterClient = await mqtt.connectAsync(brokerUrl(port), { clientId: `market-it-meters-${tag}`, clean: true });
    // Energy over the slot (Wh): s1 exports 2900 (all it sold: 2500 + 400), s2 only 1234 of its 2000,
    // b1 takes 2450 of its 2500, b2 takes 3000 (more than its 2400).
    const base = { imp: 100_000n, exp: 50_000n };
    const slotEnergy = new Map<Trader, { imp: bigint; exp: bigint }>([
      [s1, { imp: 0n, exp: 2900n }],
      [s2, { imp: 0n, exp: 1234n }],
      [b1, { imp: 2450n, exp: 0n }],
      [b2, { imp: 3000n, exp: 0n }],
    ]);
    const publishAll = async (seq: number, ts: number) => {
      for (const [t, e] of slotEnergy) {
        const k = BigInt(seq - 1);
        const reading = signReading(t.key, { meter: t.meter, seq, ts: new Date(ts).toISOString(), importWh: (base.imp + k * e.imp).toString(), exportWh: (base.exp + k * e.exp).toString() });
        await meterClient.publishAsync(readingsTopic(t.meter), JSON.stringify(reading), { qos: 1 });
      }
    };
    await until(startMs);
    await publishAll(1, startMs);
    await until(endMs);
    await publishAll(2, endMs);
    const deadline = Date.now() + 120_000;
    while (verdicts.length < 8 && Date.now() < deadline) await sleep(200);
    await meterClient.endAsync();
    await listener.endAsync();
    expect(verdicts.map((v) => `${v.meter}/${v.seq}:${v.verdict}${v.reason ? `:${v.reason}:${v.detail}` : ''}`).sort()).to.deep.equal(
      [s1, s2, b1, b2].flatMap((t) => [`${t.meter}/1:accepted`, `${t.meter}/2:accepted`]).sort(),
    );
    for (const [t, e] of slotEnergy) {
      const { items } = await regulator.evaluate<{ items: { slotStart: string; importWh: string; exportWh: string }[] }>('energy', 'metering:Intervals', { meter: t.meter, pageSize: 10 });
      expect(items, t.name).to.deep.equal([{ ...items[0], slotStart: slot, importWh: e.imp.toString(), exportWh: e.exp.toString() }]);
    }

    // --- settlement after the grace period
    expect(await failure(gridOperator.submit('energy', 'market:Settle', { slot, zone: ZONE }))).to.match(/CONFLICT: .*settles from/);
    await until(settleFromMs);
    const fees0 = await balance(regulator, 'sys:fees', 'DECC');
    const settled = await gridOperator.submit<{ clearing: ClearingView; done: boolean }>('energy', 'market:Settle', { slot, zone: ZONE });
    // The regulator's peer may still be a block behind the grid operator's: read once it shows the settlement.
    const { items: after } = await eventually(
      () => regulator.evaluate<{ items: TradeView[] }>('energy', 'market:Trades', { slot, zone: ZONE, pageSize: 50 }),
      (page) => page.items.every((t) => t.settlement !== undefined),
    );
    const fees1 = await balance(regulator, 'sys:fees', 'DECC');
    expect(settled.done).to.equal(true);

    // Expected, from settlement.ts (every division rounds down):
    //   b1←s1 2500@120: sellerAlloc min(2900,2500)=2500, buyerAlloc min(2450,2500)=2450, delivered 2450
    //   b2←s2 2000@100: sellerAlloc 1234, buyerAlloc 2000, delivered 1234; shortfall 766, tolerance 100, penalised 666 Wh
    //   b2←s1  400@120: sellerAlloc min(2900−2500,400)=400, buyerAlloc min(3000−2000,400)=400, delivered 400
    const math = (delivered: bigint, price: bigint) => {
      const paid = (delivered * price) / 1000n;
      const fee = (paid * FEE_BPS) / 10_000n;
      return { paid, fee, net: paid - fee };
    };
    const t1 = math(2450n, 120n); // paid 294, fee 7, net 287
    const t2 = math(1234n, 100n); // paid 123, fee 3, net 120
    const t3 = math(400n, 120n); // paid 48, fee 1, net 47
    const penalty = ((766n - (2000n * TOLERANCE_BPS) / 10_000n) * PENALTY_PER_KWH) / 1000n; // 666 Wh × 1 DEC/kWh
    expect([t1, t2, t3].map((t) => [t.paid, t.fee, t.net])).to.deep.equal([
      [294n, 7n, 287n],
      [123n, 3n, 120n],
      [48n, 1n, 47n],
    ]);
    expect(penalty).to.equal(666n * 10n ** 15n);

    const settlementOf = (buyer: Trader, seller: Trader) => after.find((t) => t.buyer === buyer.eid && t.seller === seller.eid)?.settlement;
    expect(settlementOf(b1, s1)).to.include({ deliveredWh: '2450', paid: '294', fee: '7', sellerNet: '287', shortfallWh: '0', penalty: '0', data: 'complete' });
    expect(settlementOf(b2, s2)).to.include({ deliveredWh: '1234', paid: '123', fee: '3', sellerNet: '120', shortfallWh: '766', penalty: penalty.toString(), penaltyTaken: penalty.toString(), data: 'complete' });
    expect(settlementOf(b2, s1)).to.include({ deliveredWh: '400', paid: '48', fee: '1', sellerNet: '47', shortfallWh: '0', penalty: '0', data: 'complete' });

    const paidB1 = t1.paid;
    const paidB2 = t2.paid + t3.paid;
    const fees = t1.fee + t2.fee + t3.fee;
    expect(settled.clearing).to.include({ status: 'settled' });
    expect(settled.clearing.totals).to.deep.equal({
      deliveredWh: '4084',
      paid: String(paidB1 + paidB2),
      fees: String(fees),
      released: String(escrowB1 - paidB1 + (escrowB2 - paidB2)),
      penalties: penalty.toString(),
    });

    // Balances to the unit: buyers paid what they took (escrow captured, rest back), sellers net of the fee.
    expect(await balance(regulator, b1.eid, 'DECC'), 'b1 DECC').to.equal(dBefore.get(b1.eid)! - paidB1); // −294
    expect(await balance(regulator, b2.eid, 'DECC'), 'b2 DECC').to.equal(dBefore.get(b2.eid)! - paidB2); // −171
    expect(await balance(regulator, s1.eid, 'DECC'), 's1 DECC').to.equal(dBefore.get(s1.eid)! + t1.net + t3.net); // +334
    expect(await balance(regulator, s2.eid, 'DECC'), 's2 DECC').to.equal(dBefore.get(s2.eid)! + t2.net); // +120
    expect(fees1 - fees0, 'sys:fees DECC').to.equal(fees); // +11
    expect(paidB1 + paidB2).to.equal(t1.net + t2.net + t3.net + fees);
    // s2's deposit pays b2 for the under-delivery beyond the tolerance.
    const s2Deposit1 = await regulator.evaluate<{ amount: string; obligations: string[] }>('energy', 'token:GetDeposit', { account: s2.eid });
    expect(BigInt(s2Deposit1.amount), 's2 deposit').to.equal(s2Deposit0 - penalty);
    expect(s2Deposit1.obligations).to.include('market');
    expect(await balance(regulator, b2.eid, 'DEC'), 'b2 DEC').to.equal(b2Dec0 + penalty);

    const orders = await regulator.evaluate<{ items: { side: string; slot: string; status: string; paid?: string; released?: string }[] }>('energy', 'market:OrdersOf', { eid: b2.eid });
    expect(orders.items.find((o) => o.side === 'buy' && o.slot === slot)).to.include({ status: 'settled', paid: String(paidB2), released: String(escrowB2 - paidB2) });
    expect(await failure(gridOperator.submit('energy', 'market:Settle', { slot, zone: ZONE }))).to.match(/CONFLICT: .*already settled/);
    await expectAuditOk(regulator);
    console.log(`      slot ${slot}: posted → settled in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });
});
