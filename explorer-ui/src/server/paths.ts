/**
 * Where the explorer's own files are, found from this module's place (so the
 * server needs no repository-wide constant): src/server under ts-node,
 * dist/node/server once built.
 */
import path from 'node:path';

const BUILT = __dirname.endsWith(path.join('dist', 'node', 'server'));

/** The explorer-ui package folder. */
export const EXPLORER_DIR = path.resolve(__dirname, BUILT ? '../../..' : '../..');

/** The browser bundle `vite build` writes: what the static server serves. */
export const BUNDLE_DIR = path.join(EXPLORER_DIR, 'dist', 'public');
