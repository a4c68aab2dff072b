/**
 * The gateway API's development certificate for the running network: issued
 * by the platform org's TLS CA (dev-certificate.ts says why that CA) and kept
 * in .run/api-tls, where the README tells developers which file to trust.
 */
import { currentModel } from '../network';
import { runPath } from '../paths';
import { devCertificate, platformTlsCa, type DevCertificate } from './dev-certificate';

export const API_TLS_DIR = runPath('api-tls');

export function apiDevCertificate(): DevCertificate {
  const { model } = currentModel();
  const platform = model.orgs.find((o) => o.spec.mspId === 'PlatformMSP') ?? model.orgs[0];
  if (!platform) throw new Error('the topology has no org to issue the API certificate');
  return devCertificate(API_TLS_DIR, platformTlsCa(platform.tlsCaCert));
}
