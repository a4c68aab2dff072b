/**
 * The gateway API as `dec start` runs it: plain HTTP on loopback by default;
 * with `--https`, HTTPS with the certificate given in DEC_API_TLS_CERT/KEY or,
 * when none is given, the development certificate the running network's
 * platform TLS CA issues (@dec/test-network's apiDevCertificate).
 */
import { startApi, type RunningApi } from '@dec/gateway-api';
import { apiDevCertificate, type DevCertificate } from '@dec/test-network';

export interface StackApi {
  api: RunningApi;
  /** The development certificate the API serves, when it serves that one. */
  dev?: DevCertificate;
}

/** Starts the API; `https` as `dec start --https`. */
export async function startStackApi(https: boolean): Promise<StackApi> {
  const dev = https && !process.env.DEC_API_TLS_CERT ? apiDevCertificate() : undefined;
  const api = await startApi(dev ? { tls: { cert: dev.cert, key: dev.key } } : {});
  return dev ? { api, dev } : { api };
}
