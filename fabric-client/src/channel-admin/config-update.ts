/**
 * A channel config update made and sent by one org's admin without Fabric's
 * CLI tools: the channel's current config read from the org's peer
 * (`cscc GetChannelConfig`, as the admin), the org's MSP value rewritten, the
 * ConfigUpdate built the way `configtxlator compute_update` builds it for one
 * changed value (read set: the versions of the groups on its path; write set:
 * the value at version + 1), signed by the admin (ConfigSignature, then the
 * envelope) and broadcast to an orderer, which checks it against the value's
 * mod_policy — the org's own Admins — before ordering it.
 */
import * as grpc from '@grpc/grpc-js';
import type { Gateway } from '@hyperledger/fabric-gateway';
import { common, msp, orderer } from '@hyperledger/fabric-protos';
import type { GatewayOrderer } from '@dec/network';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { SigningIdentity } from '../connection';

const CONFIG_UPDATE = 2;

/** google-protobuf's Map, whose types fabric-protos references but does not ship. */
interface ProtoMap<T> {
  get(key: string): T | undefined;
  set(key: string, value: T): unknown;
}
/* eslint-disable @typescript-eslint/no-unsafe-return -- jspb.Map's declaration is not shipped, so TypeScript sees an unresolved type here */
const groupsOf = (g: common.ConfigGroup): ProtoMap<common.ConfigGroup> => g.getGroupsMap();
const valuesOf = (g: common.ConfigGroup): ProtoMap<common.ConfigValue> => g.getValuesMap();
/* eslint-enable @typescript-eslint/no-unsafe-return */

const SUCCESS = 200;

/** The channel's current config, as the peer behind `gateway` has committed it. */
export async function fetchChannelConfig(gateway: Gateway, channel: string): Promise<common.Config> {
  const bytes = await gateway.getNetwork(channel).getContract('cscc').evaluateTransaction('GetChannelConfig', channel);
  return common.Config.deserializeBinary(bytes);
}

function orgGroup(config: common.Config, mspId: string): { channel: common.ConfigGroup; app: common.ConfigGroup; org: common.ConfigGroup } {
  const channel = config.getChannelGroup();
  const app = channel ? groupsOf(channel).get('Application') : undefined;
  const org = app ? groupsOf(app).get(mspId) : undefined;
  if (!channel || !app || !org) throw new Error(`${mspId} is not a member of the channel`);
  return { channel, app, org };
}

/** The org's Fabric MSP definition in the channel config. */
export function fabricMspOf(config: common.Config, mspId: string): msp.FabricMSPConfig {
  const value = valuesOf(orgGroup(config, mspId).org).get('MSP');
  if (!value) throw new Error(`${mspId} has no MSP value on the channel`);
  const mspConfig = msp.MSPConfig.deserializeBinary(value.getValue_asU8());
  if (mspConfig.getType() !== 0) throw new Error(`${mspId}'s MSP is not a Fabric (X.509) MSP`);
  return msp.FabricMSPConfig.deserializeBinary(mspConfig.getConfig_asU8());
}

const text = (b: Uint8Array): string => Buffer.from(b).toString('utf8');

/** The org's CA certificates (root and intermediate, PEM) and its current revocation list (PEM CRLs). */
export function mspCrlState(config: common.Config, mspId: string): { caPems: string[]; revocationList: string[] } {
  const fabric = fabricMspOf(config, mspId);
  return {
    caPems: [...fabric.getRootCertsList_asU8(), ...fabric.getIntermediateCertsList_asU8()].map(text),
    revocationList: fabric.getRevocationListList_asU8().map(text),
  };
}

/** The serialized ConfigUpdate setting `mspId`'s revocation list to `list` (PEM CRLs). */
export function revocationListUpdate(channelId: string, config: common.Config, mspId: string, list: string[]): Uint8Array {
  const { channel, app, org } = orgGroup(config, mspId);
  const current = valuesOf(org).get('MSP');
  if (!current) throw new Error(`${mspId} has no MSP value on the channel`);
  const mspConfig = msp.MSPConfig.deserializeBinary(current.getValue_asU8());
  const fabric = msp.FabricMSPConfig.deserializeBinary(mspConfig.getConfig_asU8());
  fabric.setRevocationListList(list.map((pem) => Buffer.from(pem, 'utf8')));
  mspConfig.setConfig(fabric.serializeBinary());
  const value = new common.ConfigValue();
  value.setVersion(current.getVersion() + 1);
  value.setModPolicy(current.getModPolicy());
  value.setValue(mspConfig.serializeBinary());

  const path = (withValue: boolean): common.ConfigGroup => {
    const o = new common.ConfigGroup();
    o.setVersion(org.getVersion());
    if (withValue) valuesOf(o).set('MSP', value);
    const a = new common.ConfigGroup();
    a.setVersion(app.getVersion());
    groupsOf(a).set(mspId, o);
    const c = new common.ConfigGroup();
    c.setVersion(channel.getVersion());
    groupsOf(c).set('Application', a);
    return c;
  };
  const update = new common.ConfigUpdate();
  update.setChannelId(channelId);
  update.setReadSet(path(false));
  update.setWriteSet(path(true));
  return update.serializeBinary();
}

function signatureHeader(id: SigningIdentity): Uint8Array {
  const creator = new msp.SerializedIdentity();
  creator.setMspid(id.identity.mspId);
  creator.setIdBytes(id.identity.credentials);
  const header = new common.SignatureHeader();
  header.setCreator(creator.serializeBinary());
  header.setNonce(randomBytes(24));
  return header.serializeBinary();
}

const sign = (id: SigningIdentity, message: Uint8Array): Promise<Uint8Array> => id.signer(message);

/** The update signed by `id` (its ConfigSignature) in an envelope signed by `id` too, ready to broadcast. */
export async function signedConfigUpdateEnvelope(channelId: string, configUpdate: Uint8Array, id: SigningIdentity): Promise<common.Envelope> {
  const sigHeader = signatureHeader(id);
  const configSignature = new common.ConfigSignature();
  configSignature.setSignatureHeader(sigHeader);
  configSignature.setSignature(await sign(id, Buffer.concat([sigHeader, configUpdate])));
  const updateEnvelope = new common.ConfigUpdateEnvelope();
  updateEnvelope.setConfigUpdate(configUpdate);
  updateEnvelope.setSignaturesList([configSignature]);

  const channelHeader = new common.ChannelHeader();
  channelHeader.setType(CONFIG_UPDATE);
  channelHeader.setChannelId(channelId);
  const header = new common.Header();
  header.setChannelHeader(channelHeader.serializeBinary());
  header.setSignatureHeader(signatureHeader(id));
  const payload = new common.Payload();
  payload.setHeader(header);
  payload.setData(updateEnvelope.serializeBinary());
  const payloadBytes = payload.serializeBinary();
  const envelope = new common.Envelope();
  envelope.setPayload(payloadBytes);
  envelope.setSignature(await sign(id, payloadBytes));
  return envelope;
}

/** Sends the envelope to one orderer; resolves when it accepts it for ordering, rejects with its reason otherwise. */
function broadcastTo(node: GatewayOrderer, envelope: common.Envelope): Promise<void> {
  const client = new orderer.AtomicBroadcastClient(node.endpoint, grpc.credentials.createSsl(readFileSync(node.tlsRootCertPath)), { 'grpc.ssl_target_name_override': node.hostAlias });
  return new Promise<void>((resolve, reject) => {
    const stream = client.broadcast({ deadline: Date.now() + 30_000 });
    let answered = false;
    stream.on('data', (r: orderer.BroadcastResponse) => {
      answered = true;
      stream.end();
      if (r.getStatus() === SUCCESS) resolve();
      else reject(new Error(`orderer ${node.name} refused the config update: ${r.getStatus()} ${r.getInfo()}`));
    });
    stream.on('error', (e: Error) => {
      if (!answered) reject(new Error(`orderer ${node.name}: ${e.message}`));
    });
    stream.on('end', () => {
      if (!answered) reject(new Error(`orderer ${node.name} closed the stream without an answer`));
    });
    stream.write(envelope);
  }).finally(() => {
    client.close();
  });
}

/** Broadcasts to the first orderer that answers; a refusal (bad update, policy) is final. */
export async function broadcastConfigUpdate(orderers: GatewayOrderer[], envelope: common.Envelope): Promise<string> {
  if (orderers.length === 0) throw new Error('the gateway config lists no orderers (regenerate it: npm run network:up writes them)');
  const failures: string[] = [];
  for (const node of orderers) {
    try {
      await broadcastTo(node, envelope);
      return node.name;
    } catch (e) {
      const message = (e as Error).message;
      if (/refused the config update/.test(message)) throw e;
      failures.push(message);
    }
  }
  throw new Error(`no orderer took the config update: ${failures.join('; ')}`);
}
