/**
 * Ledger reads for the regulator endpoints, through the peer's query system
 * chaincode (qscc) with the caller's own identity: channel info, blocks by
 * number, transactions by ID (decoded), and key history through chaincode.
 */
import { common, peer } from '@hyperledger/fabric-protos';
import type { Caller } from '../auth/identities';
import { ApiError, toApiError } from '../http/errors';
import type { FabricSessions } from '../fabric/sessions';
import { decodeBlock, decodeEnvelope, type DecodedBlock, type DecodedTransaction } from '@dec/fabric-client';

export interface ChannelInfo {
  channel: string;
  height: string;
  currentBlockHash: string;
  previousBlockHash: string;
  orgs: string[];
  chaincodes: string[];
}

export class LedgerService {
  constructor(private readonly sessions: FabricSessions) {}

  private async qscc(caller: Caller, channel: string, fn: string, ...args: string[]): Promise<Uint8Array> {
    const contract = this.sessions.network(caller, channel).getContract('qscc');
    try {
      return await contract.evaluateTransaction(fn, channel, ...args);
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'CHAINCODE_ERROR' && /not found|no such|entry not found|index out of range|retrieve/i.test(err.message)) throw new ApiError('NOT_FOUND', err.message);
      throw err;
    }
  }

  async channelInfo(caller: Caller, channel: string): Promise<ChannelInfo> {
    const info = common.BlockchainInfo.deserializeBinary(await this.qscc(caller, channel, 'GetChainInfo'));
    const ch = this.sessions.config.channels.find((c) => c.name === channel);
    return {
      channel,
      height: String(info.getHeight()),
      currentBlockHash: Buffer.from(info.getCurrentblockhash_asU8()).toString('hex'),
      previousBlockHash: Buffer.from(info.getPreviousblockhash_asU8()).toString('hex'),
      orgs: ch?.orgs ?? [],
      chaincodes: ch?.chaincodes.map((c) => c.name) ?? [],
    };
  }

  async block(caller: Caller, channel: string, number: bigint): Promise<DecodedBlock> {
    const info = await this.channelInfo(caller, channel);
    if (number >= BigInt(info.height)) throw new ApiError('NOT_FOUND', `channel ${channel} has no block ${number} (height ${info.height})`);
    return decodeBlock(common.Block.deserializeBinary(await this.qscc(caller, channel, 'GetBlockByNumber', number.toString())));
  }

  async transaction(caller: Caller, channel: string, txId: string): Promise<DecodedTransaction> {
    const processed = peer.ProcessedTransaction.deserializeBinary(await this.qscc(caller, channel, 'GetTransactionByID', txId));
    const envelope = processed.getTransactionenvelope();
    if (!envelope) throw new ApiError('NOT_FOUND', `no transaction ${txId}`);
    const decoded = decodeEnvelope(envelope.serializeBinary(), processed.getValidationcode());
    const block = common.Block.deserializeBinary(await this.qscc(caller, channel, 'GetBlockByTxID', txId));
    decoded.blockNumber = String(block.getHeader()?.getNumber() ?? '');
    return decoded;
  }
}
