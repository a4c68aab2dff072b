/**
 * One Fabric CA per peer org. It issues under the org's own CA key (from
 * cryptogen), so enrolled users are members of the org's MSP, and it serves
 * HTTPS with a certificate from the org's TLS CA. Its config file is written by
 * us; fabric-ca-server fills in its defaults for the rest.
 */
import { CA_REGISTRAR_ID, CA_TLS_HOST, LOOPBACK, caRegistrarSecretPath, type NetworkModel, type OrgModel } from '@dec/network';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { bin } from '../paths';
import { start, type ProcessRecord } from '../processes';


export function caTls(model: NetworkModel, org: OrgModel): { cert: string; key: string } {
  const dir = path.join(model.cryptoDir, 'peerOrganizations', org.domain, 'peers', `${CA_TLS_HOST}.${org.domain}`, 'tls');
  return { cert: path.join(dir, 'server.crt'), key: path.join(dir, 'server.key') };
}

export function startCa(model: NetworkModel, org: OrgModel): ProcessRecord {
  const ca = org.ca;
  const tls = caTls(model, org);
  mkdirSync(ca.homeDir, { recursive: true });
  const secret = readFileSync(caRegistrarSecretPath(model, org.spec.name), 'utf8').trim();
  const config = {
    version: '1.5.21',
    port: ca.port,
    address: LOOPBACK,
    debug: false,
    tls: { enabled: true, certfile: tls.cert, keyfile: tls.key },
    ca: { name: ca.caName, certfile: ca.signingCert, keyfile: ca.signingKey },
    // API users are registered under <org>.users; attributes travel in enrollment certs.
    affiliations: { [org.spec.name]: ['users', 'devices'] },
    // The registrar: may register client identities and give them any attribute.
    registry: {
      maxenrollments: -1,
      identities: [
        {
          name: CA_REGISTRAR_ID,
          pass: secret,
          type: 'client',
          affiliation: '',
          attrs: {
            'hf.Registrar.Roles': 'client,user',
            'hf.Registrar.Attributes': '*',
            'hf.Registrar.DelegateRoles': 'client,user',
            'hf.Revoker': true,
            'hf.GenCRL': true,
            'hf.AffiliationMgr': true,
            'hf.IntermediateCA': false,
          },
        },
      ],
    },
    db: { type: 'sqlite3', datasource: 'fabric-ca-server.db' },
    operations: {
      listenAddress: `${LOOPBACK}:${ca.operationsPort}`,
      tls: { enabled: true, cert: { file: tls.cert }, key: { file: tls.key } },
    },
    metrics: { provider: 'prometheus' },
  };
  writeFileSync(path.join(ca.homeDir, 'fabric-ca-server-config.yaml'), stringify(config), { mode: 0o600 });
  return start({
    name: ca.id,
    kind: 'ca',
    command: bin('fabric-ca-server'),
    args: ['start', '--home', ca.homeDir],
    ports: { api: ca.port, operations: ca.operationsPort },
    health: { url: `https://${LOOPBACK}:${ca.operationsPort}/healthz`, ca: ca.tlsCaCert },
  });
}
