/**
 * The package graph is enforced by the lint step (LAYERS in eslint.config.mjs):
 * these cases prove that a forbidden import fails it with the boundary message
 * and that an allowed one passes. Each case lints a few lines of code in place
 * of an existing file of the package in question (type-aware lint accepts only
 * files its TypeScript projects know); nothing is written.
 */
import { expect } from 'chai';
import { ESLint } from 'eslint';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..');

/** The no-restricted-imports messages ESLint reports for `code` placed at `file`. */
async function boundaryMessages(eslint: ESLint, file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('package graph (eslint import boundaries)', function () {
  // Type-aware linting loads each package's TypeScript project once.
  this.timeout(120_000);
  const eslint = new ESLint({ cwd: REPO });

  it('refuses a client package in chaincode', async () => {
    const messages = await boundaryMessages(eslint, 'chaincode/energy/src/index.ts', "import { openGateway } from '@dec/fabric-client';\nexport const o = openGateway;\n");
    expect(messages).to.have.length(1);
    expect(messages[0]).to.match(/chaincode\/energy may import only @dec\/chaincode-kit/);
  });

  it('refuses a lower layer importing a higher one', async () => {
    const messages = await boundaryMessages(eslint, 'test-network/src/index.ts', "import { startApi } from '@dec/gateway-api';\nexport const s = startApi;\n");
    expect(messages.join('\n')).to.match(/test-network may import only @dec\/network, @dec\/fabric-client/);
  });

  it("refuses another package's dist/ or src/, even an allowed package", async () => {
    const dist = await boundaryMessages(eslint, 'bench/src/run.ts', "import { startApi } from '@dec/gateway-api/dist/server';\nexport const s = startApi;\n");
    expect(dist.join('\n')).to.match(/through its declared exports, never its dist\/ or src\//);
    const src = await boundaryMessages(eslint, 'e2e/src/index.ts', "import { up } from '@dec/test-network/src/network';\nexport const u = up;\n");
    expect(src.join('\n')).to.match(/through its declared exports, never its dist\/ or src\//);
  });

  it('lets a package import what the graph allows', async () => {
    expect(await boundaryMessages(eslint, 'gateway-api/src/index.ts', "import { openGateway } from '@dec/fabric-client';\nexport const o = openGateway;\n")).to.deep.equal([]);
    expect(await boundaryMessages(eslint, 'bench/src/run.ts', "import { ActorPool } from '@dec/e2e';\nexport const a = ActorPool;\n")).to.deep.equal([]);
  });
});
