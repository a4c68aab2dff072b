/** The metering CLIs' argument parsing. */
import { expect } from 'chai';
import { brokerUrlArg, num, parseArgs } from './args';

describe('metering CLI arguments', () => {
  it('reads --name value, --name=value and bare flags', () => {
    const args = parseArgs(['--meters', '5', '--rate=2', '--verbose', '--port', '1999']);
    expect([...args]).to.deep.equal([['meters', '5'], ['rate', '2'], ['verbose', 'true'], ['port', '1999']]);
  });

  it('refuses a positional argument and a negative number', () => {
    expect(() => parseArgs(['meters'])).to.throw('unexpected argument meters');
    expect(() => num(parseArgs(['--rate', '-1']), 'rate', 1)).to.throw('--rate must be a non-negative number');
    expect(num(parseArgs([]), 'rate', 3)).to.equal(3);
  });

  it('builds the broker URL from --url or --port', () => {
    expect(brokerUrlArg(parseArgs(['--url', 'mqtts://broker:8883']), 1883)).to.equal('mqtts://broker:8883');
    expect(brokerUrlArg(parseArgs(['--port', '1999']), 1883)).to.equal('mqtts://127.0.0.1:1999');
    expect(brokerUrlArg(parseArgs(['--port', '1999', '--plain']), 1883)).to.equal('mqtt://127.0.0.1:1999');
  });
});
