// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  ],
  'no-restricted-imports': [
    'error',
    {
      paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'node:http', 'https', 'node:https', 'net', 'node:net',
        'child_process', 'node:child_process', 'dgram', 'node:dgram', 'os', 'node:os', 'uuid'].map((name) => ({
        name,
        message: 'Chaincode does no I/O and uses no host state.',
      })),
    },
  ],
};

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.fabric/**', '.run/**', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['chaincode/**/*.ts'],
    ignores: ['chaincode/**/*.test.ts', 'chaincode/kit/src/testing/**', 'chaincode/*/src/test-support/**'],
    rules: chaincodeDeterminism,
  },
);
