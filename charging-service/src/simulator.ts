/**
 * A charge point simulator on ocpp-rpc (the same library as the CSMS), for
 * tests and the demo: it connects with its identity and Basic-auth password
 * (over TLS when given the CA to trust: security profile 2), boots, accepts
 * RemoteStartTransaction (scan to pay) and ReserveNow (keeping the reservation until a transaction with
 * its parentIdTag starts), and drives Authorize, StartTransaction,
 * MeterValues and StopTransaction the way a real charger does.
 */
import { EventEmitter, once } from 'node:events';
import { RPCClient } from 'ocpp-rpc';

export interface SimReservation {
  reservationId: number;
  connectorId: number;
  idTag: string;
  parentIdTag?: string;
  expiryDate: string;
}

export interface RemoteStart {
  idTag: string;
  connectorId?: number;
}

export interface IdTagInfo {
  status: string;
  parentIdTag?: string;
}

export class ChargePointSimulator extends EventEmitter {
  readonly reservations = new Map<number, SimReservation>();
  private readonly client: RPCClient;

  /** `tls.ca`: the CA certificate the CSMS's server certificate is checked against (a `wss://` endpoint). */
  constructor(endpoint: string, readonly identity: string, password: string, tls?: { ca: string }) {
    super();
    // ocpp-rpc's typings declare every option required; the library fills the rest with its defaults.
    const wsOpts = tls ? { ca: tls.ca, minVersion: 'TLSv1.2' } : {};
    const options = { endpoint, identity, password, protocols: ['ocpp1.6'], strictMode: true, reconnect: false, wsOpts };
    this.client = new RPCClient(options as unknown as ConstructorParameters<typeof RPCClient>[0]);
    this.client.handle('ReserveNow', ({ params }) => {
      const r = params as unknown as SimReservation;
      this.reservations.set(r.reservationId, r);
      this.emit('reservation', r);
      return Promise.resolve({ status: 'Accepted' });
    });
    this.client.handle('RemoteStartTransaction', ({ params }) => {
      this.emit('remoteStart', params);
      return Promise.resolve({ status: 'Accepted' });
    });
    this.client.handle('CancelReservation', ({ params }) => {
      const id = (params as { reservationId: number }).reservationId;
      return Promise.resolve({ status: this.reservations.delete(id) ? 'Accepted' : 'Rejected' });
    });
  }

  async connect(): Promise<void> {
    await this.client.connect();
    await this.client.call('BootNotification', { chargePointVendor: 'DEC', chargePointModel: 'Simulator' });
  }

  /** Waits for the next ReserveNow. */
  async nextReservation(): Promise<SimReservation> {
    const [r] = (await once(this, 'reservation')) as [SimReservation];
    return r;
  }

  /** Waits for the next RemoteStartTransaction. */
  async nextRemoteStart(): Promise<RemoteStart> {
    const [r] = (await once(this, 'remoteStart')) as [RemoteStart];
    return r;
  }

  async status(connectorId: number, status: string): Promise<void> {
    await this.client.call('StatusNotification', { connectorId, errorCode: 'NoError', status, timestamp: new Date().toISOString() });
  }

  async authorize(idTag: string): Promise<IdTagInfo> {
    return ((await this.client.call('Authorize', { idTag })) as { idTagInfo: IdTagInfo }).idTagInfo;
  }

  /** Starts on the connector; a reservation whose parentIdTag the authorisation answered is named (OCPP: MUST include it). */
  async startTransaction(connectorId: number, idTag: string, meterStartWh: number, parentIdTag?: string): Promise<{ transactionId: number; idTagInfo: IdTagInfo }> {
    const reserved = [...this.reservations.values()].find((r) => r.connectorId === connectorId && (r.idTag === idTag || (parentIdTag !== undefined && r.parentIdTag === parentIdTag)));
    const answer = (await this.client.call('StartTransaction', {
      connectorId,
      idTag,
      meterStart: meterStartWh,
      timestamp: new Date().toISOString(),
      ...(reserved ? { reservationId: reserved.reservationId } : {}),
    })) as { transactionId: number; idTagInfo: IdTagInfo };
    if (reserved && answer.idTagInfo.status === 'Accepted') this.reservations.delete(reserved.reservationId);
    return answer;
  }

  async meterValues(connectorId: number, transactionId: number, registerWh: number): Promise<void> {
    await this.client.call('MeterValues', {
      connectorId,
      transactionId,
      meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: String(registerWh), measurand: 'Energy.Active.Import.Register', unit: 'Wh', context: 'Sample.Periodic' }] }],
    });
  }

  async stopTransaction(transactionId: number, meterStopWh: number): Promise<IdTagInfo | undefined> {
    const answer = (await this.client.call('StopTransaction', { transactionId, meterStop: meterStopWh, timestamp: new Date().toISOString(), reason: 'Local' })) as { idTagInfo?: IdTagInfo };
    return answer.idTagInfo;
  }

  async close(): Promise<void> {
    await this.client.close({ force: true });
  }
}
