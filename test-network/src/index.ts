/**
 * @dec/test-network: the consortium run natively on one machine. The public API
 * is what tools and tests outside the package use: bring the network up and
 * down, read its state and processes, restart a peer (failover tests), enroll
 * users at an org's CA, and run the meters' MQTT broker.
 */
export { BUILD_SCRIPT, FABRIC_BIN, LOG_DIR, REPO_ROOT, RUN_DIR, bin, runPath } from './paths';
export { checkChaincodeNames, currentModel, deploy, down, networkProcessNames, processStatus, status, up, type ProcessStatus } from './network';
export { isAlive, record, records, sleep, stop, type ProcessRecord } from './processes';
export { readState, type NetworkState } from './state';
export { GATEWAY_CONFIG_FILE, profilePath } from './steps/generate';
export { peerChainInfo, startPeer } from './steps/peers';
export { ordererChannelInfo } from './steps/orderers';
export { registerAndEnroll, type EnrolledUser } from './ca-client';
export { httpsGet } from './health';
export * from './hosts';
export * from './broker';
export { API_TLS_DIR, apiDevCertificate } from './api-tls/api-certificate';
export { devCertificate, platformTlsCa, type DevCertificate, type IssuingCa } from './api-tls/dev-certificate';
