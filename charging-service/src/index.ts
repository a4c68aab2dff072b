/** The charging management service (OCPP 1.6J CSMS) and the charge-point simulator. */
export { Csms, type CsmsOptions } from './csms';
export { ChargePointSimulator, type SimReservation, type IdTagInfo } from './simulator';
export { GatewayClient, GatewayError } from './gateway-client';
export { energyWh } from './meter-values';
