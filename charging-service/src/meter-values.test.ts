import { expect } from 'chai';
import { energyWh } from './meter-values';

describe('OCPP MeterValues: the energy register in Wh', () => {
  it('takes the last Energy.Active.Import.Register reading; a bare value is Wh; kWh converts exactly; other measurands are skipped', () => {
    expect(energyWh([{ timestamp: 't', sampledValue: [{ value: '1200' }] }])).to.equal('1200');
    expect(energyWh([{ timestamp: 't', sampledValue: [{ value: '12.3456', unit: 'kWh' }] }])).to.equal('12345');
    expect(energyWh([{ timestamp: 't', sampledValue: [{ value: '7000', measurand: 'Power.Active.Import', unit: 'W' }, { value: '5', unit: 'Wh', measurand: 'Energy.Active.Import.Register' }] }])).to.equal('5');
    expect(energyWh([{ timestamp: 't', sampledValue: [{ value: '-1' }, { value: '1e3' }] }])).to.equal(undefined);
  });
});
