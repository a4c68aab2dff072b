import { expect } from 'chai';
import { cacheControl, contentType, isGatewayPath, resolveStatic } from './static-files';

describe('explorer static files', () => {
  const root = '/srv/explorer';
  it('maps paths inside the bundle and refuses ones that leave it', () => {
    expect(resolveStatic(root, '/assets/index-abc.js')).to.equal('/srv/explorer/assets/index-abc.js');
    expect(resolveStatic(root, '/')).to.equal('/srv/explorer');
    expect(resolveStatic(root, '/../etc/passwd')).to.equal('/srv/explorer/etc/passwd');
    expect(resolveStatic(root, '/%2e%2e/%2e%2e/etc/passwd')).to.equal('/srv/explorer/etc/passwd');
    expect(resolveStatic(root, '/a%00b')).to.equal(undefined);
    expect(resolveStatic(root, '/%E0%A4%A')).to.equal(undefined);
  });
  it('proxies only the gateway paths and types and caches files sensibly', () => {
    expect(isGatewayPath('/api/v1/ledger/energy')).to.equal(true);
    expect(isGatewayPath('/openapi.json')).to.equal(true);
    expect(isGatewayPath('/apis')).to.equal(false);
    expect(contentType('x/index.html')).to.equal('text/html; charset=utf-8');
    expect(cacheControl('/srv/explorer/assets/index-abc.js')).to.contain('immutable');
    expect(cacheControl('/srv/explorer/index.html')).to.equal('no-cache');
  });
});
