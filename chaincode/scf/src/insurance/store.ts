/** Insurance storage. Key scheme: `inspolicy~<policyId>`, `claim~<claimId>` (a claim names its policy). */
import { keyPart, type Ledger } from '@dec/chaincode-kit';
import { decodeClaim, decodePolicy, type Claim, type InsurancePolicy } from './state';

export class InsuranceStore {
  constructor(private readonly ledger: Ledger) {}

  policyKey(policyId: string): string {
    return this.ledger.key('inspolicy', keyPart('policyId', policyId));
  }

  claimKey(claimId: string): string {
    return this.ledger.key('claim', keyPart('claimId', claimId));
  }

  requirePolicy(policyId: string): Promise<InsurancePolicy> {
    return this.ledger.require(this.policyKey(policyId), decodePolicy, 'insurance policy', policyId);
  }

  requireClaim(claimId: string): Promise<Claim> {
    return this.ledger.require(this.claimKey(claimId), decodeClaim, 'insurance claim', claimId);
  }

  policyExists(policyId: string): Promise<boolean> {
    return this.ledger.exists(this.policyKey(policyId));
  }

  claimExists(claimId: string): Promise<boolean> {
    return this.ledger.exists(this.claimKey(claimId));
  }

  putPolicy(p: InsurancePolicy): Promise<void> {
    return this.ledger.put(this.policyKey(p.id), p);
  }

  putClaim(c: Claim): Promise<void> {
    return this.ledger.put(this.claimKey(c.id), c);
  }
}
