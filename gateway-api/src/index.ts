/**
 * @dec/gateway-api: the REST API over the Fabric Gateway for integrators, wallets,
 * meters and the explorer. Start it with startApi (or the dec-gateway-api bin).
 */
export { DEFAULT_DATA_DIR, startApi, type ApiOptions, type RunningApi } from './server';
export { apiBanner } from './banner';
