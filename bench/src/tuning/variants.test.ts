import { expect } from 'chai';
import { loadTopology } from '@dec/network';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_TOPOLOGY_FILE } from '@dec/network';
import { readTopologyVariant, selectVariants, topologyVariant, VARIANTS } from './variants';

describe('bench tuning variants', () => {
  it('writes a variant\'s block cutting into the topology, and the result still loads', () => {
    const text = readTopologyVariant(DEFAULT_TOPOLOGY_FILE, { name: 'x', orderer: { batchTimeout: '1s', maxMessageCount: 25 } });
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tuning-')), 'topology.yaml');
    writeFileSync(file, text);
    const t = loadTopology(file);
    expect(t.orderer.batchTimeout).to.match(/^1s$|^1000/);
    expect(t.orderer.maxMessageCount).to.equal(25);
  });

  it('refuses a topology without the field it should change', () => {
    expect(() => topologyVariant('orderer:\n  nodes: 3\n', { name: 'x', orderer: { batchTimeout: '1s' } })).to.throw('no orderer batchTimeout');
  });

  it('selects variants by name, always with the defaults first', () => {
    const picked = selectVariants('gogc,100ms');
    expect(picked.map((v) => v.name)).to.deep.equal([VARIANTS[0]!.name, 'batchTimeout 100ms', 'GOGC=400 (Go GC of peers and orderers)']);
    expect(selectVariants(undefined)).to.have.length(VARIANTS.length);
  });
});
