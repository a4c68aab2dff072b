/**
 * Credit storage. Key scheme (composite keys):
 *   credit.score~<party>                  CreditRecord (counted facts, score, recent fact refs)
 *   credit.request~<party>~<bank>         FinancingRequest (while open, the bank may read the score)
 *   credit.eid~<eid>                      EidBinding: the scf party an energy eID's facts count for
 *   credit.counted~<eid>~<txId>~<n>       { subject, txId }: an energy fact counted once
 * A score record changes only in a transaction that records a fact about that party.
 */
import { keyPart, type Ledger } from '@dec/chaincode-kit';
import type { EnergyFactId } from './inputs';
import { decodeCountedMark, decodeCreditRecord, decodeEidBinding, decodeFinancingRequest, type CreditRecord, type EidBinding, type FinancingRequest } from './state';

const KEYS = { score: 'credit.score', request: 'credit.request', eid: 'credit.eid', counted: 'credit.counted' } as const;

export class CreditStore {
  constructor(private readonly ledger: Ledger) {}

  scoreKey(subject: string): string {
    return this.ledger.key(KEYS.score, keyPart('subject', subject));
  }

  private requestKey(subject: string, bank: string): string {
    return this.ledger.key(KEYS.request, keyPart('subject', subject), keyPart('bank', bank));
  }

  private eidKey(eid: string): string {
    return this.ledger.key(KEYS.eid, keyPart('eid', eid));
  }

  private countedKey(id: EnergyFactId): string {
    return this.ledger.key(KEYS.counted, keyPart('subject', id.subject), keyPart('txId', id.txId), String(id.n));
  }

  record(subject: string): Promise<CreditRecord | undefined> {
    return this.ledger.get(this.scoreKey(subject), decodeCreditRecord);
  }

  putRecord(record: CreditRecord): Promise<void> {
    return this.ledger.put(this.scoreKey(record.subject), record);
  }

  request(subject: string, bank: string): Promise<FinancingRequest | undefined> {
    return this.ledger.get(this.requestKey(subject, bank), decodeFinancingRequest);
  }

  putRequest(request: FinancingRequest): Promise<void> {
    return this.ledger.put(this.requestKey(request.subject, request.bank), request);
  }

  binding(eid: string): Promise<EidBinding | undefined> {
    return this.ledger.get(this.eidKey(eid), decodeEidBinding);
  }

  putBinding(binding: EidBinding): Promise<void> {
    return this.ledger.put(this.eidKey(binding.eid), binding);
  }

  async counted(id: EnergyFactId): Promise<string | undefined> {
    return (await this.ledger.get(this.countedKey(id), decodeCountedMark))?.txId;
  }

  markCounted(id: EnergyFactId, subject: string, txId: string): Promise<void> {
    return this.ledger.put(this.countedKey(id), { subject, txId });
  }
}
