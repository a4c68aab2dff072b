import { expect } from 'chai';
import { commonName, formatAsset, formatTime, formatUnits, shortHash, valueText } from './format';

describe('explorer format', () => {
  it('scales base units with bigint precision and groups thousands', () => {
    expect(formatUnits('319000000000000000000000000', 18)).to.equal('319,000,000');
    expect(formatUnits('1370000000000000000', 18)).to.equal('1.37');
    expect(formatUnits('1500', 2)).to.equal('15.00');
    expect(formatUnits('5', 2)).to.equal('0.05');
    expect(formatUnits('-123456', 2)).to.equal('-1,234.56');
    expect(formatUnits('1', 18)).to.equal('0');
    expect(formatUnits('abc', 2)).to.equal('abc');
  });
  it('formats assets with their own decimals', () => {
    expect(formatAsset('1000000000000000000000', 'DEC')).to.equal('1,000 DEC');
    expect(formatAsset('250', 'DECC')).to.equal('2.50 DECC');
    expect(formatAsset('7', 'XYZ')).to.equal('7 XYZ');
  });
  it('shortens hashes and formats times in UTC', () => {
    expect(shortHash('c26b9089fb7c967c3e35760cf63a07783cd820949f57fa6ea29df613d5cd4d44')).to.equal('c26b9089…4d44');
    expect(shortHash('abc')).to.equal('abc');
    expect(formatTime('2026-11-23T23:15:43.158Z')).to.equal('2026-11-23 23:15:43 UTC');
    expect(formatTime(undefined)).to.equal('—');
  });
  it('takes the common name out of an X.509 subject', () => {
    expect(commonName('C=US, OU=users + OU=client + OU=supplier, CN=bench10-mwtv')).to.equal('bench10-mwtv');
    expect(commonName('O=x')).to.equal(undefined);
  });
  it('shows JSON values as text: scalars as they read, the rest as JSON', () => {
    expect(valueText('L1')).to.equal('L1');
    expect(valueText(42)).to.equal('42');
    expect(valueText(false)).to.equal('false');
    expect(valueText(null)).to.equal('null');
    expect(valueText({ a: [1] })).to.equal('{"a":[1]}');
  });
});
