/**
 * @dec/explorer-ui for Node: the explorer's static server (bundle plus a proxy
 * to the gateway API) and where its files are, for the supervisor that starts
 * the stack and for the browser tests. The browser app itself is the bundle.
 */
export { startExplorer, type ExplorerServerOptions, type RunningExplorer } from './static-server';
export { BUNDLE_DIR, EXPLORER_DIR } from './paths';
