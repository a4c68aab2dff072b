/**
 * Collection storage. Key scheme (composite keys):
 *   collection.link~<leaseId>               CollectionLink (one energy assignment per lease)
 *   collection.assignment~<assignmentId>    { leaseId }    (one lease per energy assignment)
 * The link holds the cumulative `synced` figure; MVCC on it makes two relays
 * racing with the same income record it once.
 */
import { keyPart, type Ledger } from '@dec/chaincode-kit';
import { decodeAssignmentIndex, decodeCollectionLink, type CollectionLink } from './state';

const KEYS = { link: 'collection.link', byAssignment: 'collection.assignment' } as const;

export class CollectionStore {
  constructor(private readonly ledger: Ledger) {}

  private linkKey(leaseId: string): string {
    return this.ledger.key(KEYS.link, keyPart('leaseId', leaseId));
  }

  private indexKey(assignmentId: string): string {
    return this.ledger.key(KEYS.byAssignment, keyPart('assignmentId', assignmentId));
  }

  link(leaseId: string): Promise<CollectionLink | undefined> {
    return this.ledger.get(this.linkKey(leaseId), decodeCollectionLink);
  }

  requireLink(leaseId: string): Promise<CollectionLink> {
    return this.ledger.require(this.linkKey(leaseId), decodeCollectionLink, 'collection link of lease', leaseId);
  }

  async leaseOf(assignmentId: string): Promise<string | undefined> {
    return (await this.ledger.get(this.indexKey(assignmentId), decodeAssignmentIndex))?.leaseId;
  }

  async put(link: CollectionLink, isNew: boolean): Promise<void> {
    await this.ledger.put(this.linkKey(link.leaseId), link);
    if (isNew) await this.ledger.put(this.indexKey(link.assignmentId), { leaseId: link.leaseId });
  }
}
