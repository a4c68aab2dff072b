/**
 * One Fabric CA per peer org. It issues under the org's own CA key (from
 * cryptogen), so enrolled users are members of the org's MSP, and it serves
 * HTTPS with a certificate from the org's TLS CA. Its config file is written by
 * us; fabric-ca-server fills in its defaults for the rest.
 */
import { CA_REGISTRAR_ID, CA_TLS_HOST, caRegistrarSecretPath, endpoint, type NetworkModel, type OrgModel } from '@dec/network';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { bin } from '../paths';
import { start, type ProcessRecord, type StartSpec } from '../processes';

export function caTls(model: NetworkModel, org: OrgModel): { cert: string; key: string } {
  const dir = path.join(model.cryptoDir, 'peerOrganizations', org.domain, 'peers', `${CA_TLS_HOST}.${org.domain}`, 'tls');
  return { cert: path.join(dir, 'server.crt'), key: path.join(dir, 'server.key') };
}

/**
 * fabric-ca-server's config for the org's CA. With `relative`, file names are
 * relative to the CA's home folder (fabric-ca-server resolves them there), so
 * the config still works when a host's bundle is unpacked elsewhere.
 */
export function caServerConfig(model: NetworkModel, org: OrgModel, secret: string, relative = false): object {
  const ca = org.ca;
  const tls = caTls(model, org);
  const file = (f: string): string => (relative ? path.relative(ca.homeDir, f) : f);
  return {
    version: '1.5.21',
    port: ca.port,
    address: ca.host.address,
    debug: false,
    tls: { enabled: true, certfile: file(tls.cert), keyfile: file(tls.key) },
    ca: { name: ca.caName, certfile: file(ca.signingCert), keyfile: file(ca.signingKey) },
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
      listenAddress: endpoint(ca, ca.operationsPort),
      tls: { enabled: true, cert: { file: file(tls.cert) }, key: { file: file(tls.key) } },
    },
    metrics: { provider: 'prometheus' },
  };
}

/** Writes the CA's config into its home folder (mode 0600: it holds the registrar secret). */
export function writeCaConfig(model: NetworkModel, org: OrgModel, relative = false): void {
  mkdirSync(org.ca.homeDir, { recursive: true });
  const secret = readFileSync(caRegistrarSecretPath(model, org.spec.name), 'utf8').trim();
  writeFileSync(path.join(org.ca.homeDir, 'fabric-ca-server-config.yaml'), stringify(caServerConfig(model, org, secret, relative)), { mode: 0o600 });
}

/** Where the CA answers and how its health is checked (the same with or without hosts). */
export function caEndpoints(org: OrgModel): Pick<StartSpec, 'ports' | 'health' | 'address'> {
  const ca = org.ca;
  return {
    ports: { api: ca.port, operations: ca.operationsPort },
    health: { url: `https://${endpoint(ca, ca.operationsPort)}/healthz`, ca: ca.tlsCaCert },
    address: ca.host.address,
  };
}

export function startCa(model: NetworkModel, org: OrgModel): ProcessRecord {
  writeCaConfig(model, org);
  return start({
    name: org.ca.id,
    kind: 'ca',
    command: bin('fabric-ca-server'),
    args: ['start', '--home', org.ca.homeDir],
    ...caEndpoints(org),
  });
}
