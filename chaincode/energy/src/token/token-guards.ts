/**
 * Account-level access checks for token transactions, applying access/policy.ts
 * to the accounts a request names. They run before any token state is read or
 * written.
 */
import { AccessDeniedError, type DecContext } from '@dec/chaincode-kit';
import { isPlatformOperator, requireCreditable, requireHolder, requirePlatformOperator, requireReader } from '../access/policy';
import { IdentityStore } from '../identity/identity-store';
import type { Participant } from '../identity/identity-state';
import { isSystemAccount, SYSTEM_ACCOUNT_ASSETS, type Asset, type SystemAccount } from './accounts';

export class TokenGuards {
  private readonly identities: IdentityStore;

  constructor(private readonly ctx: DecContext) {
    this.identities = new IdentityStore(ctx.ledger);
  }

  participant(eid: string): Promise<Participant> {
    return this.identities.requireParticipant(eid);
  }

  /**
   * The caller may debit `account`: its bound, active holder; or, for one of
   * the `systemAllowed` system accounts, the platform operator.
   */
  async holder(account: string, asset: Asset | undefined, systemAllowed: readonly SystemAccount[] = []): Promise<void> {
    if (isSystemAccount(account)) {
      requirePlatformOperator(this.ctx.caller);
      if (!systemAllowed.includes(account)) throw new AccessDeniedError(`${account} cannot be debited by this transaction`);
      if (asset) this.assetAllowed(account, asset);
      return;
    }
    requireHolder(this.ctx.caller, await this.participant(account));
  }

  /** The caller is the holder of `account`, or the platform operator acting for anyone. */
  async holderOrOperator(account: string): Promise<void> {
    if (isPlatformOperator(this.ctx.caller)) return;
    if (isSystemAccount(account)) requirePlatformOperator(this.ctx.caller);
    else requireHolder(this.ctx.caller, await this.participant(account));
  }

  /** `account` may receive `asset` (participants: approved and not rejected; system accounts: only those listed). */
  async creditable(account: string, asset: Asset, systemAllowed: readonly SystemAccount[] = []): Promise<void> {
    if (isSystemAccount(account)) {
      if (!systemAllowed.includes(account)) throw new AccessDeniedError(`${account} cannot receive tokens from this transaction`);
      this.assetAllowed(account, asset);
      return;
    }
    requireCreditable(await this.participant(account));
  }

  /** The caller may read one of these accounts' details (eIDs are public, so an unknown one is simply NOT_FOUND). */
  async reader(...accounts: string[]): Promise<void> {
    const subjects: (Participant | SystemAccount)[] = [];
    for (const a of accounts) subjects.push(isSystemAccount(a) ? a : await this.participant(a));
    requireReader(this.ctx.caller, ...subjects);
  }

  private assetAllowed(account: SystemAccount, asset: Asset): void {
    if (!SYSTEM_ACCOUNT_ASSETS[account].includes(asset)) throw new AccessDeniedError(`${account} does not hold ${asset}`);
  }
}
