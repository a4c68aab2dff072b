/**
 * The committed API types (src/app/api/schema.generated.ts) must be exactly
 * what openapi-typescript makes of the committed gateway-api/openapi.json, run
 * the way `npm run generate:api` runs it. A gateway route change whose types
 * were not regenerated and committed fails here, naming the command.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXPLORER_DIR } from '../server/paths';

const GENERATED = path.join(EXPLORER_DIR, 'src', 'app', 'api', 'schema.generated.ts');
const OPENAPI = path.join('..', 'gateway-api', 'openapi.json');
const CLI = path.join(path.dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');

describe('generated gateway API types', () => {
  it('are what openapi-typescript makes of gateway-api/openapi.json now', function () {
    this.timeout(120_000);
    const fresh = execFileSync(process.execPath, [CLI, OPENAPI], { cwd: EXPLORER_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
    const committed = readFileSync(GENERATED, 'utf8');
    expect(committed === fresh, `${path.relative(process.cwd(), GENERATED)} is stale: run \`npm run -w explorer-ui generate:api\` and commit it`).to.equal(true);
  });
});
