// @ts-check
/**
 * One lint for the whole monorepo. Two jobs beyond style:
 * - the package graph has one direction (LAYERS below): a package may import only the
 *   workspaces it names, only through their declared exports (never `dist/` or `src/`);
 *   `eslint-boundaries.test.ts` proves a wrong import fails the lint step;
 * - chaincode stays deterministic (no clock, randomness, timers or I/O).
 */
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The package graph, lowest layer first: folder -> the @dec packages it may import.
 * Chaincode depends on no client; every client reaches Fabric through @dec/fabric-client.
 */
export const LAYERS = {
  network: [],
  'chaincode/kit': [],
  'chaincode/energy': ['chaincode-kit'],
  'chaincode/scf': ['chaincode-kit'],
  'fabric-client': ['network'],
  'test-network': ['network', 'fabric-client'],
  'gateway-api': ['network', 'fabric-client', 'chaincode-kit', 'chaincode-energy', 'chaincode-scf'],
  'meter-ingestor': ['network', 'fabric-client', 'chaincode-kit', 'chaincode-energy'],
  'charging-service': [],
  'explorer-ui': [],
  cli: ['network', 'fabric-client', 'test-network', 'gateway-api', 'meter-ingestor', 'explorer-ui'],
  bench: ['network', 'fabric-client', 'chaincode-kit', 'chaincode-energy', 'test-network', 'gateway-api', 'meter-ingestor', 'e2e'],
  e2e: ['network', 'fabric-client', 'chaincode-kit', 'chaincode-energy', 'chaincode-scf', 'test-network', 'gateway-api', 'meter-ingestor', 'explorer-ui', 'charging-service'],
};

/** The npm name of every workspace (`chaincode/kit` is `@dec/chaincode-kit`). */
const PACKAGES = Object.keys(LAYERS).map((dir) => dir.replace('/', '-'));

/** @param {string} dir @param {readonly string[]} allowed */
function boundaryRule(dir, allowed) {
  const self = dir.replace('/', '-');
  const forbidden = PACKAGES.filter((p) => p !== self && !allowed.includes(p));
  return {
    files: [`${dir}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        paths: forbidden.map((p) => ({
          name: `@dec/${p}`,
          message: `${dir} may import only ${allowed.map((a) => `@dec/${a}`).join(', ') || 'no @dec package'} (package graph in eslint.config.mjs and the README).`,
        })),
        patterns: [
          { group: forbidden.map((p) => `@dec/${p}/*`), message: `${dir} may not depend on this package (package graph in eslint.config.mjs).` },
          { group: ['@dec/*/dist', '@dec/*/dist/*', '@dec/*/src', '@dec/*/src/*'], message: 'Import another package through its declared exports, never its dist/ or src/.' },
        ],
      }],
    },
  };
}

/** What chaincode must never do: each would make endorsers disagree or leak I/O into a transaction. */
const chaincodeDeterminism = {
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'Chaincode time comes from the transaction timestamp (ctx.ledger.txTime).' },
    { object: 'Math', property: 'random', message: 'Chaincode must be deterministic: no randomness.' },
    { object: 'crypto', property: 'randomUUID', message: 'Chaincode must be deterministic: derive IDs from the tx ID.' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the clock: use ctx.ledger.txTime.' },
    { selector: "CallExpression[callee.name=/^(setTimeout|setInterval|setImmediate)$/]", message: 'No timers in chaincode.' },
    { selector: "ImportDeclaration[source.value=/^(node:)?(fs|fs\\u002Fpromises|http|https|net|child_process|dgram|os)$/]", message: 'Chaincode does no I/O and uses no host state.' },
    { selector: "ImportDeclaration[source.value='uuid']", message: 'Chaincode must be deterministic: derive IDs from the tx ID.' },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.fabric/**', '.run/**', '**/*.js', '**/*.mjs', '**/*.generated.ts'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      eqeqeq: ['error', 'always'],
      // Any exception is named at the line with its reason (eslint-disable-next-line complexity -- why).
      complexity: ['error', 10],
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
    },
  },
  {
    files: ['**/*.test.ts', '**/testing/**/*.ts', '**/test-support/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      // Tests state what they expect of a value they just built; `!` says so.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-expressions': 'off',
    },
  },
  ...Object.entries(LAYERS).map(([dir, allowed]) => boundaryRule(dir, allowed)),
  {
    files: ['chaincode/**/*.ts'],
    ignores: ['chaincode/**/*.test.ts', 'chaincode/kit/src/testing/**', 'chaincode/*/src/test-support/**'],
    rules: chaincodeDeterminism,
  },
);
