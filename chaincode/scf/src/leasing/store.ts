/**
 * Lease storage. Key scheme: `lease~<leaseId>` (composite key, objectType `lease`).
 * One record per lease holds its schedule, supplier payments and collections:
 * a lease changes a few times a month, so one key is no hot spot, and a bank
 * checking the lease behind a receivable reads it in one get.
 */
import { keyPart, type Ledger } from '@dec/chaincode-kit';
import { decodeLease, type Lease } from './state';

export class LeaseStore {
  constructor(private readonly ledger: Ledger) {}

  key(leaseId: string): string {
    return this.ledger.key('lease', keyPart('leaseId', leaseId));
  }

  require(leaseId: string): Promise<Lease> {
    return this.ledger.require(this.key(leaseId), decodeLease, 'lease', leaseId);
  }

  exists(leaseId: string): Promise<boolean> {
    return this.ledger.exists(this.key(leaseId));
  }

  put(lease: Lease): Promise<void> {
    return this.ledger.put(this.key(lease.id), lease);
  }
}
