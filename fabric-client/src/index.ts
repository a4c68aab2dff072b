/**
 * @dec/fabric-client: what any client of the DEC consortium needs, and nothing
 * of a particular client: the consortium's org config, gRPC connections to
 * peers, signing identities, Gateways, submit/evaluate with the shared retry
 * policy, typed transaction failures, the Fabric CA REST client, and block
 * decoding. The fabric-gateway names clients need are re-exported, so they
 * depend on one package for Fabric.
 */
export { DEFAULT_GATEWAY_CONFIG, findOrg, loadGatewayConfig } from './network-config';
export { openGateway, orgAdminIdentity, peerClient, signingIdentity, type SigningIdentity } from './connection';
export { PeerClients } from './peer-clients';
export { DEFAULT_RETRY, submitTransaction, submitValidTransaction, type RetryPolicy, type SubmitResult } from './submit';
export { isTimeout, isTransient, sleep, withRetry, type RetryLoop } from './retry';
export { TransactionInvalidError, transactionIdOf } from './errors';
export { DUPLICATE_TXID, isMvccConflict, VALIDATION_CODES, validationCodeName } from './validation-codes';
export { decodeResult } from './results';
export { CaError, FabricCaClient, type CaAttribute, type Enrollment, type RegisterRequest } from './ca/fabric-ca';
export { createKeyAndCsr, type KeyAndCsr } from './ca/csr';
export { enrolledHome, readEnrolledFolder, registerAndEnrollUser, registrarEnrollment, writeEnrolledFolder } from './ca/enrolled-folder';
export { peerHeight, waitForBlock } from './ledger/peer-height';
export { decodeBlock, decodeEnvelope, decodeRwSet, readableKey, type DecodedBlock, type DecodedIdentity, type DecodedRwSet, type DecodedTransaction } from './ledger/decode';

export { CommitError, CommitStatusError, EndorseError, GatewayError, connect } from '@hyperledger/fabric-gateway';
export type { Commit, Contract, Gateway, Network, ProposalOptions, Status, Transaction, ChaincodeEvent, CloseableAsyncIterable, Identity, Signer } from '@hyperledger/fabric-gateway';
export { CrlRefusedError, crlSignedBy, readCrl, subjectKeyId, type CrlFacts } from './channel-admin/crl-facts';
export { revocationListWith, type RevocationListChange } from './channel-admin/msp-crl';
export { publishCrl, type CrlPublication, type PublishOptions } from './channel-admin/publish-crl';
