export * from './paths';
export * from './network';
export * from './processes';
export * from './state';
export { GATEWAY_CONFIG_FILE, profilePath } from './steps/generate';
export * from './testing/actors';
export * from './ca-client';
export * from './testing/energy-fleet';
