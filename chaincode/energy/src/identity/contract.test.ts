import { expect } from 'chai';
import { EnergyWorld, gridOperator, kycHash, operator, platformClerk, regulator, user } from '../test-support/energy-world';
import type { Device, Participant } from './state';
import { failure } from '@dec/chaincode-kit/testing';

const alice = user('alice', 'SupplierMSP');
const bob = user('bob', 'BankMSP');

describe('identity contract', () => {
  let w: EnergyWorld;
  beforeEach(() => {
    w = new EnergyWorld();
  });

  it('registers a participant bound to the caller identity, with an eID derived from the tx ID', async () => {
    const out = await w.tx('identity', 'Register', alice, { kycHash: kycHash('alice'), roles: ['producer'] });
    const p = out.result as Participant;
    expect(p).to.include({ status: 'pending', mspId: 'SupplierMSP', registeredTxId: out.txId });
    expect(p.certId).to.match(/CN=alice/);
    expect(out.events).to.deep.equal([{ name: 'ParticipantRegistered', payload: { eid: p.eid, mspId: 'SupplierMSP', requestedRoles: ['producer'], kycHash: kycHash('alice') } }]);
    const again = new EnergyWorld();
    const twin = await again.call<Participant>('identity', 'Register', alice, { kycHash: kycHash('alice'), roles: ['producer'] });
    expect(twin.eid).to.equal(p.eid); // same tx ID, same eID: deterministic on every endorser
  });

  it('approves (KYC), shows the participant to the caller, and refuses a second registration', async () => {
    const eid = await w.onboard(alice, ['producer', 'storage-owner']);
    const me = await w.call<{ participant: Participant; platformOperator: boolean }>('identity', 'WhoAmI', alice);
    expect(me.participant).to.include({ eid, status: 'active' });
    expect(me.participant.roles).to.deep.equal(['producer', 'storage-owner']);
    expect(me.platformOperator).to.equal(false);
    expect((await w.call('identity', 'WhoAmI', bob)).participant).to.equal(null);
    const err = await w.fails('identity', 'Register', alice, { kycHash: kycHash('alice'), roles: ['consumer'] });
    expect(err.message).to.match(/^CONFLICT: this identity is already registered as eid:p:/);
  });

  it('lets a rejected identity apply again with a new eID', async () => {
    const first = await w.call<Participant>('identity', 'Register', alice, { kycHash: kycHash('alice'), roles: ['consumer'] });
    const rejected = await w.tx('identity', 'Reject', operator, { eid: first.eid, reason: 'documents unreadable' });
    expect(rejected.events[0]?.name).to.equal('ParticipantRejected');
    const second = await w.call<Participant>('identity', 'Register', alice, { kycHash: kycHash('alice2'), roles: ['consumer'] });
    expect(second.eid).to.not.equal(first.eid);
    expect((await w.call<{ participant: Participant }>('identity', 'WhoAmI', alice)).participant.eid).to.equal(second.eid);
  });

  it('suspends and reinstates, with events', async () => {
    const eid = await w.onboard(alice);
    const s = await w.tx('identity', 'Suspend', operator, { eid, reason: 'meter tampering' });
    expect(s.events[0]).to.deep.equal({ name: 'ParticipantSuspended', payload: { eid, reason: 'meter tampering' } });
    expect((await w.call<Participant>('identity', 'Get', bob, { eid })).status).to.equal('suspended');
    const r = await w.tx('identity', 'Reinstate', operator, { eid });
    expect(r.events[0]?.name).to.equal('ParticipantReinstated');
    expect((r.result as Participant).status).to.equal('active');
  });

  it('lists participants by granted role, page by page', async () => {
    const eids: string[] = [];
    for (let i = 0; i < 5; i++) eids.push(await w.onboard(user(`p${i}`), ['producer']));
    await w.onboard(user('c0'), ['consumer']);
    await w.call('identity', 'Register', user('pending'), { kycHash: kycHash('pending'), roles: ['producer'] });
    const seen: string[] = [];
    let bookmark = '';
    let pages = 0;
    do {
      const page = await w.call<{ items: Participant[]; bookmark: string }>('identity', 'ListByRole', bob, { role: 'producer', pageSize: 2, bookmark });
      seen.push(...page.items.map((p) => p.eid));
      bookmark = page.bookmark;
      pages++;
    } while (bookmark);
    expect(pages).to.equal(3);
    expect([...seen].sort()).to.deep.equal([...eids].sort());
  });

  it('only lets a GridMSP identity ask for the grid role', async () => {
    const err = await w.fails('identity', 'Register', alice, { kycHash: kycHash('a'), roles: ['grid'] });
    expect(err.message).to.match(/^ACCESS_DENIED: role grid may only be requested by a GridMSP identity/);
    const eid = await w.onboard(gridOperator, ['grid']);
    expect((await w.call<Participant>('identity', 'Get', alice, { eid })).roles).to.deep.equal(['grid']);
  });

  describe('devices', () => {
    it('binds a meter to its owner; lists and retires it', async () => {
      const eid = await w.onboard(alice);
      const out = await w.tx('identity', 'RegisterDevice', alice, { ownerEid: eid, kind: 'meter', serial: 'SM-0001', label: 'roof PV meter' });
      const d = out.result as Device;
      expect(d.eid).to.match(/^eid:d:[0-9a-f]{32}$/);
      expect(d).to.include({ ownerEid: eid, kind: 'meter', status: 'active' });
      expect(out.events[0]?.name).to.equal('DeviceRegistered');
      const list = await w.call<{ items: Device[] }>('identity', 'ListDevices', bob, { ownerEid: eid });
      expect(list.items.map((x) => x.eid)).to.deep.equal([d.eid]);
      const dup = await w.fails('identity', 'RegisterDevice', alice, { ownerEid: eid, kind: 'meter', serial: 'SM-0001' });
      expect(dup.message).to.match(/^CONFLICT: meter SM-0001 is already registered/);
      await w.call('identity', 'RetireDevice', alice, { eid: d.eid, reason: 'replaced' });
      expect((await w.call<Device>('identity', 'GetDevice', bob, { eid: d.eid })).status).to.equal('retired');
    });

    it('lets the platform register for an owner, but not a stranger; charging piles need a service role', async () => {
      const eid = await w.onboard(alice, ['consumer']);
      await w.onboard(bob);
      const stranger = await w.fails('identity', 'RegisterDevice', bob, { ownerEid: eid, kind: 'vehicle', serial: 'VIN123' });
      expect(stranger.message).to.match(/^ACCESS_DENIED: caller is not bound to eID/);
      await w.call('identity', 'RegisterDevice', operator, { ownerEid: eid, kind: 'vehicle', serial: 'VIN123' });
      const pile = await w.fails('identity', 'RegisterDevice', alice, { ownerEid: eid, kind: 'charging-pile', serial: 'CP-1' });
      expect(pile.message).to.match(/^ACCESS_DENIED: a charging-pile owner needs one of the roles/);
      const retire = await w.fails('identity', 'RetireDevice', bob, { eid: 'eid:d:' + 'f'.repeat(32), reason: 'x' });
      expect(retire.message).to.match(/^NOT_FOUND: device/);
    });

    it('does not let a suspended owner register devices', async () => {
      const eid = await w.onboard(alice);
      await w.call('identity', 'Suspend', operator, { eid, reason: 'review' });
      const err = await w.fails('identity', 'RegisterDevice', alice, { ownerEid: eid, kind: 'meter', serial: 'SM-9' });
      expect(err.message).to.match(/^ACCESS_DENIED: eID .* is suspended, not active/);
    });
  });

  describe('access matrix: KYC decisions are the platform operator\'s alone', () => {
    const decisions: [string, (eid: string) => unknown][] = [
      ['Approve', (eid) => ({ eid })],
      ['Reject', (eid) => ({ eid, reason: 'r' })],
      ['Suspend', (eid) => ({ eid, reason: 'r' })],
      ['Reinstate', (eid) => ({ eid })],
    ];
    const outsiders = [
      ['a PlatformMSP identity without role=operator', platformClerk, /lacks attribute role=operator/],
      ['a regulator', regulator, /only the platform operator/],
      ['the grid operator', gridOperator, /only the platform operator/],
      ['the participant itself', alice, /only the platform operator/],
    ] as const;
    for (const [tx, input] of decisions) {
      for (const [who, caller, message] of outsiders) {
        it(`${tx} is refused to ${who}, writing nothing`, async () => {
          const p = await w.call<Participant>('identity', 'Register', alice, { kycHash: kycHash('alice'), roles: ['consumer'] });
          const before = w.stateFingerprint();
          const err = await w.fails('identity', tx, caller, input(p.eid));
          expect(err.message).to.match(/^ACCESS_DENIED: /).and.match(message);
          expect(w.stateFingerprint()).to.equal(before);
        });
      }
    }
  });

  describe('bad input names the field and writes nothing', () => {
    const cases: [string, unknown, RegExp][] = [
      ['Register', { kycHash: 'abc', roles: ['producer'] }, /^VALIDATION: request\.kycHash: must be a lower-case hex SHA-256/],
      ['Register', { kycHash: kycHash('x'), roles: [] }, /^VALIDATION: request\.roles: must name at least one role/],
      ['Register', { kycHash: kycHash('x'), roles: ['king'] }, /^VALIDATION: request\.roles\.0: Invalid option/],
      ['Register', { kycHash: kycHash('x'), roles: ['producer'], name: 'Alice Real' }, /^VALIDATION: request: Unrecognized key: "name"/],
      ['Register', 'not json', /^VALIDATION: request: is not valid JSON/],
      ['Approve', { eid: 'eid:p:nothex' }, /^VALIDATION: request\.eid: must be a participant eID/],
      ['Reject', { eid: 'eid:p:' + '0'.repeat(32), reason: '' }, /^VALIDATION: request\.reason: must not be empty/],
      ['RegisterDevice', { ownerEid: 'eid:p:' + '0'.repeat(32), kind: 'meter', serial: 'has space' }, /^VALIDATION: request\.serial: must be 1-64 characters/],
      ['RegisterDevice', { ownerEid: 'eid:p:' + '0'.repeat(32), kind: 'toaster', serial: 'X' }, /^VALIDATION: request\.kind: Invalid option/],
      ['ListByRole', { role: 'producer', pageSize: 1000 }, /^VALIDATION: request\.pageSize: must be at most 100/],
    ];
    for (const [tx, input, message] of cases) {
      it(`${tx} ${JSON.stringify(input).slice(0, 60)}`, async () => {
        await w.onboard(bob);
        const before = w.stateFingerprint();
        const caller = ['Approve', 'Reject'].includes(tx) ? operator : alice;
        const raw = typeof input === 'string' ? input : JSON.stringify(input);
        const err = await failure(w.h.invoke(w.identity, tx, caller, [raw]), `identity:${tx}`);
        expect(err.message).to.match(message);
        expect(w.stateFingerprint()).to.equal(before);
      });
    }
  });

  it('reports unknown eIDs as NOT_FOUND', async () => {
    const err = await w.fails('identity', 'Get', bob, { eid: 'eid:p:' + 'a'.repeat(32) });
    expect(err.message).to.equal(`NOT_FOUND: participant eid:p:${'a'.repeat(32)} does not exist`);
  });
});
