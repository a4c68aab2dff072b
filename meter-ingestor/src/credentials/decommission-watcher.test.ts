/** Which chaincode events name a decommissioned meter: alone, inside a Batch event, and none otherwise. */
import { expect } from 'chai';
import { decommissionedMeters } from './decommission-watcher';

const bytes = (v: unknown): Uint8Array => Buffer.from(JSON.stringify(v));
const M1 = 'eid:d:11111111111111111111111111111111';
const M2 = 'eid:d:22222222222222222222222222222222';

describe('decommission events', () => {
  it('reads the meter of a MeterDecommissioned event and of every one inside a Batch event', () => {
    expect(decommissionedMeters({ eventName: 'MeterDecommissioned', payload: bytes({ meter: M1, status: 'decommissioned' }) })).to.deep.equal([M1]);
    const batch = { events: [{ name: 'MeterCertified', payload: { meter: M2 } }, { name: 'MeterDecommissioned', payload: { meter: M2 } }, { name: 'MeterDecommissioned', payload: { meter: M1 } }] };
    expect(decommissionedMeters({ eventName: 'Batch', payload: bytes(batch) })).to.deep.equal([M2, M1]);
  });

  it('names no meter for other events or payloads without one', () => {
    expect(decommissionedMeters({ eventName: 'MeterCertified', payload: bytes({ meter: M1 }) })).to.deep.equal([]);
    expect(decommissionedMeters({ eventName: 'MeterDecommissioned', payload: bytes({}) })).to.deep.equal([]);
    expect(decommissionedMeters({ eventName: 'Batch', payload: bytes({ events: [{ name: 'MeterDecommissioned', payload: { meter: 7 } }] }) })).to.deep.equal([]);
  });
});
