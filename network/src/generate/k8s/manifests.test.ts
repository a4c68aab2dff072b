/**
 * Every generated Kubernetes object is built with its `kubernetes-models` class
 * and validated against the Kubernetes schemas (from the files as written, read
 * back), and the structure holds: one namespace per org and one for the
 * orderers, each node in its org's namespace, the pinned Fabric images, probes
 * on the operations `/healthz`, and no key material anywhere.
 */
import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { resolveNetwork } from '../../model';
import { DEFAULT_TOPOLOGY_FILE, loadTopology } from '../../topology';
import { FABRIC_IMAGES, kubernetesManifests, writeKubernetesManifests, type K8sObject, type NamespaceManifests } from './index';

/**
 * kubernetes-models 5 is ESM-only and exports no `require` condition; Node 20
 * loads its ES modules synchronously when asked for the files by path.
 */
type ModelClass = new (data: unknown) => { validate(): void };
function kubernetesModels(subpath: string, kinds: string[]): Record<string, ModelClass> {
  const root = module.paths.map((dir) => path.join(dir, 'kubernetes-models')).find((dir) => existsSync(path.join(dir, 'package.json')));
  if (!root) throw new Error('kubernetes-models is not installed (a devDependency of @dec/network): run npm ci');
  const exported = createRequire(__filename)(path.join(root, subpath, 'index.js')) as Record<string, ModelClass | undefined>;
  return Object.fromEntries(
    kinds.map((kind) => {
      const model = exported[kind];
      if (!model) throw new Error(`kubernetes-models/${subpath} has no ${kind}`);
      return [kind, model];
    }),
  );
}
const MODELS = { ...kubernetesModels('v1', ['Namespace', 'ConfigMap', 'Service']), ...kubernetesModels('apps/v1', ['Deployment', 'StatefulSet']) };

function validate(obj: K8sObject): void {
  const Model = MODELS[obj.kind];
  if (!Model) throw new Error(`${obj.kind} ${obj.metadata.name}: no schema to validate it against`);
  new Model(obj).validate();
}

interface PodShape {
  spec: { template: { spec: { containers: { image: string; readinessProbe?: { httpGet?: { path: string; port: number; scheme: string } }; volumeMounts: { name: string }[] }[]; volumes: { secret?: { secretName: string } }[] } } };
}
const pod = (obj: K8sObject): PodShape['spec']['template']['spec'] => (obj as unknown as PodShape).spec.template.spec;
const component = (obj: K8sObject): string | undefined => obj.metadata.labels?.['app.kubernetes.io/component'];
const workloads = (ns: NamespaceManifests): K8sObject[] => ns.objects.filter((o) => o.kind === 'StatefulSet' || o.kind === 'Deployment');

describe('Kubernetes manifests', () => {
  const model = resolveNetwork(loadTopology(DEFAULT_TOPOLOGY_FILE), '/srv/dec/.run');
  const manifests = kubernetesManifests(model);
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'dec-k8s-'));
  after(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('validates every object, as written to disk, against the Kubernetes schemas', () => {
    writeKubernetesManifests(model, outDir);
    let count = 0;
    for (const folder of readdirSync(outDir)) {
      for (const doc of parseAllDocuments(readFileSync(path.join(outDir, folder, 'manifests.yaml'), 'utf8'))) {
        validate(doc.toJS() as K8sObject);
        count += 1;
      }
    }
    expect(count).to.equal(manifests.flatMap((m) => m.objects).length);
    expect(count).to.be.greaterThan(50);
  });

  it('refuses (in validation) an object the schemas do not allow', () => {
    const broken = { ...workloads(manifests[0] as NamespaceManifests)[0], spec: { replicas: 'one' } } as K8sObject;
    expect(() => {
      validate(broken);
    }).to.throw();
  });

  it('puts each org in its own namespace and the orderers in theirs', () => {
    expect(manifests.map((m) => m.namespace)).to.deep.equal([...model.orgs.map((o) => `dec-${o.spec.name}`), 'dec-orderer']);
    for (const ns of manifests) {
      expect(ns.objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata.name)).to.deep.equal([ns.namespace]);
      for (const obj of ns.objects.slice(1)) expect(obj.metadata.namespace, `${obj.kind} ${obj.metadata.name}`).to.equal(ns.namespace);
      for (const obj of ns.objects) expect(obj.metadata.labels?.['dec.network/msp-id']).to.equal(ns.mspId);
    }
  });

  it("runs each org's CA, peers, chaincode servers and gateway in its namespace, the orderers in theirs", () => {
    for (const org of model.orgs) {
      const ns = manifests.find((m) => m.mspId === org.spec.mspId) as NamespaceManifests;
      const servers = model.chaincodeServers.filter((s) => s.org.mspId === org.spec.mspId);
      expect(workloads(ns).map((w) => `${w.kind}/${String(component(w))}/${w.metadata.name}`)).to.deep.equal([
        'StatefulSet/ca/ca',
        ...org.peers.map((p) => `StatefulSet/peer/peer${String(p.index)}`),
        ...servers.map((s) => `Deployment/chaincode/${s.chaincode.name}-chaincode`),
        'StatefulSet/gateway-api/gateway',
      ]);
    }
    const orderers = manifests.find((m) => m.mspId === model.ordererOrg.mspId) as NamespaceManifests;
    expect(workloads(orderers).map((w) => `${String(component(w))}/${w.metadata.name}`)).to.deep.equal(model.ordererOrg.nodes.map((n) => `orderer/orderer${String(n.index)}`));
  });

  it('uses the pinned official Fabric images and probes the operations /healthz over TLS', () => {
    const fabric: Record<string, [string, (name: string) => number]> = {
      peer: [FABRIC_IMAGES.peer, (name) => (model.orgs[0]?.peers.find((p) => `peer${String(p.index)}` === name)?.operationsPort ?? -1)],
      orderer: [FABRIC_IMAGES.orderer, (name) => (model.ordererOrg.nodes.find((n) => `orderer${String(n.index)}` === name)?.operationsPort ?? -1)],
      ca: [FABRIC_IMAGES.ca, () => model.orgs[0]?.ca.operationsPort ?? -1],
    };
    const first = [manifests[0], manifests[manifests.length - 1]] as NamespaceManifests[];
    for (const w of first.flatMap(workloads)) {
      const expected = fabric[component(w) ?? ''];
      if (!expected) continue;
      const [container] = pod(w).containers;
      expect(container?.image).to.equal(expected[0]);
      expect(container?.readinessProbe?.httpGet).to.deep.equal({ path: '/healthz', port: expected[1](w.metadata.name), scheme: 'HTTPS' });
    }
    expect(FABRIC_IMAGES).to.deep.equal({ peer: 'hyperledger/fabric-peer:3.1.1', orderer: 'hyperledger/fabric-orderer:3.1.1', ca: 'hyperledger/fabric-ca:1.5.21' });
  });

  it('configures peers as the test network does, advertising their cluster address', () => {
    const bank = manifests.find((m) => m.mspId === 'BankMSP') as NamespaceManifests;
    const env = bank.objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'peer0-env') as { data: Record<string, string> } & K8sObject;
    const peer = model.orgs.find((o) => o.spec.mspId === 'BankMSP')?.peers[0];
    expect(env.data.CORE_PEER_ADDRESS).to.equal(`peer0.dec-bank.svc.cluster.local:${String(peer?.port)}`);
    expect(env.data.CORE_PEER_GOSSIP_EXTERNALENDPOINT).to.equal(env.data.CORE_PEER_ADDRESS);
    expect(env.data).to.include({ CORE_PEER_LOCALMSPID: 'BankMSP', CORE_PEER_TLS_ENABLED: 'true', CORE_OPERATIONS_TLS_ENABLED: 'true', CORE_LEDGER_STATE_STATEDATABASE: 'goleveldb' });
    expect(bank.addresses.peer0).to.equal('peer0.dec-bank.svc.cluster.local');
  });

  it('mounts only Secrets that the namespace script creates, and holds no key material', () => {
    for (const ns of manifests) {
      expect(ns.objects.filter((o) => o.kind === 'Secret')).to.deep.equal([]);
      const created = new Set(ns.secrets.map((s) => s.name));
      for (const w of workloads(ns)) {
        for (const v of pod(w).volumes) if (v.secret) expect(created.has(v.secret.secretName), `${w.metadata.name} mounts ${v.secret.secretName}`).to.equal(true);
      }
    }
    for (const folder of readdirSync(outDir)) {
      for (const file of readdirSync(path.join(outDir, folder))) {
        const text = readFileSync(path.join(outDir, folder, file), 'utf8');
        expect(text, `${folder}/${file}`).not.to.match(/-----BEGIN|PRIVATE KEY/);
      }
    }
  });

  it("creates each namespace's Secrets from that org's own crypto only", () => {
    for (const ns of manifests) {
      const org = model.orgs.find((o) => o.spec.mspId === ns.mspId);
      const domain = org ? `peerOrganizations/${org.domain}/` : `ordererOrganizations/${model.ordererOrg.domain}/`;
      const script = readFileSync(path.join(outDir, ns.namespace, 'create-secrets.sh'), 'utf8');
      const crypto = [...script.matchAll(/"\$CRYPTO"\/'([^']+)'/g)].map((m) => m[1] ?? '');
      expect(crypto.length).to.be.greaterThan(0);
      for (const file of crypto) expect(file.startsWith(domain), file).to.equal(true);
    }
  });
});
