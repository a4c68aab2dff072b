import { expect } from 'chai';
import { meterSeries } from './meter-energy';

describe('meter interval energy series', () => {
  it('gives import and export per slot in kWh and marks the slots anomalies fall in', () => {
    const s = meterSeries(
      [
        { slotStart: '2026-01-01T10:15:00.000Z', slotEnd: '2026-01-01T10:30:00.000Z', importWh: '500', exportWh: '2500' },
        { slotStart: '2026-01-01T10:00:00.000Z', slotEnd: '2026-01-01T10:15:00.000Z', importWh: '1200', exportWh: '0' },
      ],
      [
        { kind: 'jump', ts: '2026-01-01T10:20:00.000Z', at: '2026-01-01T11:00:00.000Z' },
        { kind: 'gap', at: '2026-01-01T10:16:00.000Z' },
        { kind: 'forgery', ts: '2026-01-01T12:00:00.000Z', at: '2026-01-01T12:01:00.000Z' },
      ],
    );
    expect(s.imports.map((p) => p.y)).to.deep.equal([1.2, 0.5]);
    expect(s.exports.map((p) => p.y)).to.deep.equal([0, 2.5]);
    expect(s.anomalies).to.deep.equal([{ x: Date.parse('2026-01-01T10:15:00.000Z'), y: 2.5 }]);
    expect([...s.anomalousSlots]).to.deep.equal(['2026-01-01T10:15:00.000Z']);
  });
});
