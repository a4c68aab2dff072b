/**
 * The rules for putting an org's CRL into its channel MSP's `revocation_list`,
 * independent of how the config is encoded (the CLI edits configtxlator JSON,
 * the gateway edits protobufs). The CRL must come from one of the org's own
 * CAs (its authority key ID is the CA's subject key ID, and that CA's key
 * signed it) and must not be older than the CRL of the same CA already there
 * (replaying an old CRL would un-revoke). It replaces that CA's earlier CRL;
 * other CAs' CRLs stay.
 */
import { X509Certificate } from 'node:crypto';
import { crlSignedBy, CrlRefusedError, readCrl, subjectKeyId, type CrlFacts } from './crl-facts';

export interface RevocationListChange {
  /** The new revocation list (PEM CRLs), in the order to store. */
  list: string[];
  crl: CrlFacts;
  /** Serials the previous CRL of this CA named and the new one does not (e.g. expired certificates). */
  dropped: string[];
  /** The list is the same as before (this CRL is already there). */
  unchanged: boolean;
}

/** Refuses a CRL that none of `caPems` issued and signed. */
async function requireIssuedBy(mspId: string, caPems: string[], crlPem: string, crl: CrlFacts): Promise<void> {
  for (const ca of caPems) {
    if ((await subjectKeyId(ca)) !== crl.authorityKeyId) continue;
    if (await crlSignedBy(crlPem, ca)) return;
    throw new CrlRefusedError(
      `the CRL names ${mspId}'s CA (${new X509Certificate(ca).subject.replace(/\n/g, ', ')}) as its issuer but that CA did not sign it: it is forged or was edited`,
      `generate the CRL at ${mspId}'s Fabric CA (gencrl) and propose it unedited`,
    );
  }
  throw new CrlRefusedError(
    `the CRL was issued by ${crl.issuer} (key ID ${crl.authorityKeyId}), which is none of ${mspId}'s CAs on this channel`,
    `propose a CRL from ${mspId}'s own Fabric CA`,
  );
}

/**
 * The revocation list of `mspId` (whose CA certificates are `caPems`, current list `earlier`) with
 * `crlPem` in place of its CA's earlier CRL. Throws CrlRefusedError for a CRL that must not go in.
 */
export async function revocationListWith(mspId: string, caPems: string[], earlier: string[], crlPem: string): Promise<RevocationListChange> {
  const crl = await readCrl(crlPem);
  await requireIssuedBy(mspId, caPems, crlPem, crl);
  const kept: string[] = [];
  const dropped = new Set<string>();
  for (const pem of earlier) {
    const old = await readCrl(pem);
    if (old.authorityKeyId !== crl.authorityKeyId) {
      kept.push(pem);
      continue;
    }
    if (old.lastUpdate > crl.lastUpdate) {
      throw new CrlRefusedError(
        `the CRL (issued ${crl.lastUpdate.toISOString()}) is older than the one of the same CA already on the channel (issued ${old.lastUpdate.toISOString()})`,
        'an older CRL could un-revoke certificates: generate a fresh one at the CA (gencrl)',
      );
    }
    for (const s of old.serials) if (!crl.serials.includes(s)) dropped.add(s);
  }
  const list = [...kept, crlPem];
  const unchanged = list.length === earlier.length && list.every((p, i) => p === earlier[i]);
  return { list, crl, dropped: [...dropped], unchanged };
}
