import { expect } from 'chai';
import { placeOf, summarise } from './profile-summary';

describe('cpu profile summary (bench)', () => {
  it('names the package, node built-in, workspace file or V8 frame a sample belongs to', () => {
    expect(placeOf('file:///work/x/node_modules/@grpc/grpc-js/build/src/call.js', 'f')).to.equal('@grpc/grpc-js');
    expect(placeOf('file:///work/x/node_modules/express/lib/router.js', 'f')).to.equal('express');
    expect(placeOf('node:internal/streams/readable', 'f')).to.equal('node:internal/streams/readable');
    expect(placeOf('file:///work/wt/t14/gateway-api/dist/app.js', 'f')).to.equal('gateway-api/dist/app.js');
    expect(placeOf('', '(garbage collector)')).to.equal('((garbage collector))');
  });

  it('adds the time deltas of each sample to its node and ranks by self time', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)', '') },
        { id: 2, callFrame: frame('parse', 'file:///a/node_modules/zod/index.js') },
        { id: 3, callFrame: frame('handle', 'file:///a/gateway-api/dist/app.js') },
      ],
      samples: [2, 3, 2, 2],
      timeDeltas: [1000, 3000, 1000, 2000],
    };
    const s = summarise(profile);
    expect(s.totalMs).to.equal(7);
    expect(s.byPlace).to.deep.equal([{ place: 'zod', ms: 4 }, { place: 'gateway-api/dist/app.js', ms: 3 }]);
    expect(s.byFunction[0]).to.deep.equal({ name: 'parse zod:1', ms: 4 });
  });
});
