/**
 * A pattern stated for a refinement (chaincode kit `statedPattern`) must accept
 * exactly what the schema accepts, or the document and the API disagree again
 * (issue 20, item 4). Every stated pattern of every documented route is checked
 * against its schema on values near each rule's edges.
 */
import { expect } from 'chai';
import { documentedRoutes } from '../routes/all';
import type { AnyRoute } from '../http/route';
import { statedStringPatterns } from './string-checks';

const HEX32 = 'a'.repeat(32);
const SAMPLES = [
  '', '0', '1', '01', '10', '9'.repeat(78), '9'.repeat(79), '-1', '1.0', '0.5', '0.0', '0.50', '0.000000000000000001', '0.0000000000000000001', '0.' + '0'.repeat(18),
  '12.345', '1' + '0'.repeat(17) + '.5', '1' + '0'.repeat(18), 'abc', ' 1', '1 ',
  `eid:p:${HEX32}`, `eid:p:${HEX32}0`, `eid:d:${HEX32}`, 'sys:fees', 'sys:rewards', 'sys:nope', 'sys:', 'sys:fees ',
  'BankMSP', 'BankMSP:b-1', 'LessorMSP', 'LessorMSP:x', 'SupplierMSP', 'SupplierMSP:s.1@x', 'SupplierMSP:', 'RegulatorMSP:r', 'FooMSP', 'FooMSP:x', `SupplierMSP:${'a'.repeat(129)}`,
  'lease', 'a\u0000b', 'a\u{10FFFF}', '\u{10FFFF}', 'a,b', 'a,,b', ',a', 'a,', 'ä,ß', Array.from({ length: 17 }, () => 'k').join(','), Array.from({ length: 16 }, () => 'k').join(','),
];

const requestSchemas = (r: AnyRoute) => Object.entries(r.request ?? {}).map(([where, s]) => [where, s] as const);

describe('OpenAPI: stated patterns say what the schemas check', () => {
  const stated = documentedRoutes().flatMap((r) => requestSchemas(r).flatMap(([where, s]) => statedStringPatterns(s, where).map((p) => ({ ...p, operationId: r.operationId }))));

  it('exist (positive amounts, accounts, parties, key text, ...)', () => {
    const patterns = new Set(stated.map((s) => s.pattern));
    expect(patterns.size).to.be.greaterThan(5);
  });

  it('accept exactly the values their schemas accept (with the minLength/maxLength the document also states)', () => {
    const disagreements: string[] = [];
    for (const { operationId, path, schema, pattern } of stated) {
      const re = new RegExp(pattern, 'u');
      const { minLength, maxLength } = schema as unknown as { minLength: number | null; maxLength: number | null };
      const codePoints = (v: string) => Array.from(v).length;
      const documented = (v: string) => re.test(v) && codePoints(v) >= (minLength ?? 0) && codePoints(v) <= (maxLength ?? Infinity);
      for (const v of SAMPLES) {
        const accepted = schema.safeParse(v).success;
        if (documented(v) !== accepted) disagreements.push(`${operationId} ${path} ${JSON.stringify(v)}: document ${String(documented(v))}, schema ${String(accepted)}`);
      }
    }
    expect(disagreements).to.deep.equal([]);
  });
});
