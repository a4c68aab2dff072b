/** The charging management service (OCPP 1.6J CSMS) and the charge-point simulator. */
export { Csms, remoteTag, type CsmsOptions } from './csms';
export { ChargePointSimulator, type SimReservation, type IdTagInfo, type RemoteStart } from './simulator';
export { GatewayClient, GatewayError } from './gateway-client';
export { energyWh } from './meter-values';
export { fabricTlsCa, makeServerTls, type ServerTls, type SigningCa } from './tls';
