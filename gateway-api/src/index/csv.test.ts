import { expect } from 'chai';
import { csvCell, toCsv } from './csv';

describe('index CSV export', () => {
  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('two\nlines')).to.equal('"two\nlines"');
    expect(csvCell('plain')).to.equal('plain');
    expect(csvCell(null)).to.equal('');
    expect(csvCell(-5)).to.equal('-5');
  });

  it('neutralises formula prefixes = + - @ tab and carriage return', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
      const cell = csvCell(evil);
      expect(cell.replace(/^"/, '').startsWith("'"), evil).to.equal(true);
    }
    expect(csvCell('=1,2')).to.equal(`"'=1,2"`);
  });

  it('spreads a nested value into columns, arrays as JSON, in order of first appearance', () => {
    const csv = toCsv([
      { key: 'R1', value: { status: 'active', amount: '100' }, tags: ['a', 'b'] },
      { key: 'R2', value: { status: 'financed', pledge: { bank: 'B' } } },
    ]);
    expect(csv).to.equal(
      'key,value.status,value.amount,tags,value.pledge\r\n' +
        'R1,active,100,"[""a"",""b""]",\r\n' +
        'R2,financed,,,"{""bank"":""B""}"\r\n',
    );
  });

  it('gives a header only for an empty page', () => {
    expect(toCsv([])).to.equal('\r\n');
  });
});
