import { expect } from 'chai';
import { href, parseRoute, type Route } from './route';

describe('explorer routes', () => {
  it('parses every page and turns it back into the same hash', () => {
    const routes: Route[] = [
      { name: 'home' },
      { name: 'signin' },
      { name: 'channel', channel: 'energy' },
      { name: 'blocks', channel: 'scf' },
      { name: 'blocks', channel: 'scf', from: 120 },
      { name: 'block', channel: 'energy', number: 7 },
      { name: 'tx', channel: 'energy', txId: 'ab'.repeat(32) },
      { name: 'search', q: 'eid:p:0011' },
      { name: 'history', channel: 'scf', objectType: 'lease', attributes: 'L1' },
      { name: 'tokens', account: 'sys:fees' },
      { name: 'market', slot: '2026-01-01T10:00:00.000Z', zone: 'Z1' },
      { name: 'meters', meter: 'eid:d:00' },
      { name: 'receivable', id: 'L1.2' },
      { name: 'alerts' },
      { name: 'project', id: `proj:${'a'.repeat(32)}` },
      { name: 'holder', eid: `eid:p:${'b'.repeat(32)}` },
      { name: 'storeOrders', status: 'shipped' },
      { name: 'storeOrders' },
      { name: 'charging' },
      { name: 'charging', page: 'sessions', id: 'ses:ab' },
      { name: 'charging', page: 'providers', id: 'eid:p:00' },
    ];
    for (const r of routes) expect(parseRoute(href(r)), href(r)).to.deep.equal(r);
  });
  it('ignores malformed parts instead of guessing', () => {
    expect(parseRoute('#/c/energy/blocks?from=abc')).to.deep.equal({ name: 'blocks', channel: 'energy' });
    expect(parseRoute('#/c/Bad Channel')).to.deep.equal({ name: 'notfound', path: '/c/Bad Channel' });
    expect(parseRoute('')).to.deep.equal({ name: 'home' });
    expect(parseRoute('#/c/energy/tx')).to.deep.equal({ name: 'notfound', path: '/c/energy/tx' });
    expect(parseRoute('#/c/energy/blocks/x1')).to.deep.equal({ name: 'notfound', path: '/c/energy/blocks/x1' });
    expect(parseRoute('#/constructor')).to.deep.equal({ name: 'notfound', path: '/constructor' });
    expect(parseRoute('#/market?slot=&zone=Z1')).to.deep.equal({ name: 'market', zone: 'Z1' });
  });
});
