import { expect } from 'chai';
import { distance2, project } from './geo';
import { matchBook, type BookOrder } from './matching';

const GATE = '2026-01-01T09:55:00.000Z';
const T = (s: number) => new Date(Date.parse('2026-01-01T08:00:00.000Z') + s * 1000).toISOString();

let n = 0;
function order(side: 'sell' | 'buy', owner: string, q: number, price: number, lat: number, lon: number, extra: Partial<BookOrder> = {}): BookOrder {
  n++;
  return {
    id: extra.id ?? `ord:${n.toString(16).padStart(32, '0')}`,
    side,
    owner,
    meter: extra.meter ?? `m-${owner}`,
    meterSlotMinutes: 15,
    quantityWh: BigInt(q),
    limitPrice: BigInt(price),
    latE6: lat,
    lonE6: lon,
    priorityAt: extra.priorityAt ?? T(n),
    status: 'open',
    ...extra,
  };
}
const opts = { gateAt: GATE, lonScalePpm: 1_000_000 };
const simple = (r: ReturnType<typeof matchBook>) => r.trades.map((t) => `${t.buyer}<${t.seller}:${t.quantityWh}@${t.price}`);

function shuffle<T>(xs: T[], seed: number): T[] {
  const a = [...xs];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a;
}

describe('market matching (pure)', () => {
  it('serves the nearest acceptable seller first, even when a farther one is cheaper', () => {
    const r = matchBook([order('sell', 'far', 1000, 10, 0, 100_000), order('sell', 'near', 1000, 20, 0, 1_000), order('buy', 'b', 1000, 30, 0, 0)], opts);
    expect(simple(r)).to.deep.equal(['b<near:1000@20']);
    expect(r.trades[0]?.distance2).to.equal(1_000 * 1_000);
  });

  it('ignores sellers asking more than the buyer’s limit, and the buyer’s own sell orders', () => {
    const r = matchBook([order('sell', 'b', 500, 10, 0, 0), order('sell', 'dear', 500, 40, 0, 1), order('sell', 'ok', 500, 25, 0, 9_000), order('buy', 'b', 800, 30, 0, 0)], opts);
    expect(simple(r)).to.deep.equal(['b<ok:500@25']);
  });

  it('fills partially on both sides, and every trade fills a buyer or exhausts a seller', () => {
    const r = matchBook(
      [order('sell', 's1', 700, 10, 0, 100), order('sell', 's2', 700, 10, 0, 200), order('buy', 'b1', 1000, 30, 0, 0), order('buy', 'b2', 1000, 20, 0, 0)],
      opts,
    );
    expect(simple(r)).to.deep.equal(['b1<s1:700@10', 'b1<s2:300@10', 'b2<s2:400@10']);
    expect(r.volumeWh).to.equal(1400n);
    expect(r.trades.length).to.be.at.most(4);
    expect(r.trades.map((t) => t.n)).to.deep.equal([0, 1, 0]);
  });

  it('gives buyers with higher limits the first choice; equal limits by time priority, then ID', () => {
    const s = order('sell', 's', 100, 10, 0, 0);
    const early = order('buy', 'early', 100, 20, 0, 5, { priorityAt: T(1) });
    const late = order('buy', 'late', 100, 20, 0, 5, { priorityAt: T(2) });
    const rich = order('buy', 'rich', 100, 21, 0, 50_000, { priorityAt: T(3) });
    expect(simple(matchBook([s, late, early, rich], opts))).to.deep.equal(['rich<s:100@10']);
    expect(simple(matchBook([s, late, early], opts))).to.deep.equal(['early<s:100@10']);
    const a = order('buy', 'a', 100, 20, 0, 5, { priorityAt: T(1), id: 'ord:b' });
    const b = order('buy', 'b', 100, 20, 0, 5, { priorityAt: T(1), id: 'ord:a' });
    expect(simple(matchBook([s, a, b], opts))).to.deep.equal(['b<s:100@10']);
  });

  it('breaks distance ties by lower ask, then earlier priority, then order ID', () => {
    const buyer = order('buy', 'b', 100, 50, 0, 0);
    const cheap = order('sell', 'cheap', 100, 10, 0, 1_000);
    const dear = order('sell', 'dear', 100, 20, 1_000, 0); // same distance, other axis
    expect(simple(matchBook([dear, cheap, buyer], opts))).to.deep.equal(['b<cheap:100@10']);
    const first = order('sell', 'first', 100, 10, 0, -1_000, { priorityAt: T(1) });
    const second = order('sell', 'second', 100, 10, 0, 1_000, { priorityAt: T(2) });
    expect(simple(matchBook([second, first, buyer], opts))).to.deep.equal(['b<first:100@10']);
    const x = order('sell', 'x', 100, 10, 0, 1_000, { priorityAt: T(1), id: 'ord:2' });
    const y = order('sell', 'y', 100, 10, 0, -1_000, { priorityAt: T(1), id: 'ord:1' });
    expect(simple(matchBook([x, y, buyer], opts))).to.deep.equal(['b<y:100@10']);
  });

  it('leaves out cancelled orders and those expiring at or before the gate', () => {
    const r = matchBook(
      [
        order('sell', 'gone', 100, 1, 0, 1, { status: 'cancelled' }),
        order('sell', 'expired', 100, 1, 0, 2, { expiresAt: GATE }),
        order('sell', 'valid', 100, 5, 0, 3, { expiresAt: '2026-01-01T09:55:00.001Z' }),
        order('buy', 'b', 300, 9, 0, 0),
      ],
      opts,
    );
    expect(simple(r)).to.deep.equal(['b<valid:100@5']);
  });

  it('is deterministic: any input order gives the same trades and hash', () => {
    const book: BookOrder[] = [];
    for (let i = 0; i < 60; i++) book.push(order(i % 3 === 0 ? 'buy' : 'sell', `p${i % 17}`, 100 + ((i * 37) % 500), 10 + ((i * 7) % 13), (i * 7919) % 5000, (i * 104729) % 5000));
    const first = matchBook(book, opts);
    expect(first.trades.length).to.be.greaterThan(5);
    for (const seed of [1, 2, 3]) {
      const again = matchBook(shuffle(book, seed), opts);
      expect(again.hash).to.equal(first.hash);
      expect(simple(again)).to.deep.equal(simple(first));
    }
    expect(first.trades.length).to.be.at.most(first.buyOrders + first.sellOrders);
  });

  it('records what each meter owes to earlier commitments: PPAs first, then earlier trades', () => {
    const s = order('sell', 's', 1000, 10, 0, 0, { meter: 'ms' });
    const b1 = order('buy', 'b1', 300, 30, 0, 1, { meter: 'mb1' });
    const b2 = order('buy', 'b2', 300, 20, 0, 2, { meter: 'mb2' });
    const r = matchBook([s, b1, b2], { ...opts, ppaExportWh: new Map([['ms', 250n]]), ppaImportWh: new Map([['mb2', 40n]]) });
    expect(r.trades.map((t) => [t.sellerPriorWh, t.buyerPriorWh])).to.deep.equal([
      [250n, 0n],
      [550n, 40n],
    ]);
  });

  it('uses exact integer distances with the zone’s longitude scale', () => {
    const a = project(45_000_000, 7_000_000, 707_107);
    const b = project(45_001_000, 7_001_000, 707_107);
    expect(distance2(a, b)).to.equal(707 * 707 + 1_000 * 1_000);
    // Far apart: each axis clamps, the sum stays an exact integer.
    const far = distance2(project(-90_000_000, -180_000_000, 1_000_000), project(90_000_000, 180_000_000, 1_000_000));
    expect(Number.isSafeInteger(far)).to.equal(true);
    // Scaled longitude makes an east-west neighbour nearer than a north-south one at the same degrees.
    const buyer = order('buy', 'b', 100, 50, 45_000_000, 7_000_000);
    const east = order('sell', 'east', 100, 10, 45_000_000, 7_001_000);
    const north = order('sell', 'north', 100, 10, 45_000_900, 7_000_000);
    expect(simple(matchBook([north, east, buyer], { gateAt: GATE, lonScalePpm: 707_107 }))).to.deep.equal(['b<east:100@10']);
    expect(simple(matchBook([north, east, buyer], opts))).to.deep.equal(['b<north:100@10']);
  });

  for (const size of [1_000, 10_000]) {
    it(`matches ${size.toLocaleString('en')} orders (figure printed, not asserted)`, function () {
      this.timeout(120_000);
      const book: BookOrder[] = [];
      for (let i = 0; i < size; i++) {
        const side = i % 2 === 0 ? 'sell' : 'buy';
        book.push(order(side, `p${i}`, 500 + ((i * 7919) % 5000), side === 'sell' ? 10 + ((i * 31) % 20) : 15 + ((i * 17) % 20), 31_000_000 + ((i * 104729) % 20_000), 121_000_000 + ((i * 130363) % 20_000)));
      }
      const t0 = process.hrtime.bigint();
      const r = matchBook(book, opts);
      const ms = Number((process.hrtime.bigint() - t0) / 1_000_000n);
      console.log(`      ${size} orders: ${r.trades.length} trades, ${r.volumeWh} Wh, matched in ${ms} ms`);
      expect(r.trades.length).to.be.at.most(size);
    });
  }
});
