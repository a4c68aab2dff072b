/** What tests and tools outside the package use of the multi-host test network. */
export { hostDir, hostPart, hostProcessNames, isMultiHost, netnsName, type HostPart } from './layout';
export { hostPids, netemAvailable, readHostsNet, setHostDelay, setHostLink } from './netns';
export { restartHost } from './restart';
export { makeBundle, type BundleManifest } from './bundle';
export { foreignKeys, keyOwners, privateKeysIn } from './foreign-keys';
export { makeOrgCrypto } from './org-crypto';
