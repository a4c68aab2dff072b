/**
 * Account-level object rules of the token transactions: object-rules.ts applied
 * to the accounts a request names (which needs their participant records).
 * They run before any token state is read or written.
 */
import { AccessDeniedError, type DecContext } from '@dec/chaincode-kit';
import { IdentityStore } from '../identity/store';
import type { Participant } from '../identity/state';
import { isSystemAccount, SYS, SYSTEM_ACCOUNT_ASSETS, type Asset, type SystemAccount } from '../token/accounts';
import { requireCreditable, requireHolder, requirePlatformOperator, requireReader } from './object-rules';
import { isBoundTo, isPlatformOperator } from './principals';

/** Escrow the market took for a buy order or a grid emergency (payee `sys:fees`, which only the market may name). */
export function isMarketEscrow(hold: { payee: string; ref?: string }): boolean {
  return hold.payee === SYS.fees || (hold.ref?.startsWith('market:') ?? false);
}

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

  /**
   * A hold that may be captured or released with token:CaptureHold/ReleaseHold:
   * not market escrow. The market is the only creator of holds payable to
   * `sys:fees` (no one else may name a system account as payee), and such a hold
   * moves only through market settlement or cancellation (or expiry, back to the
   * payer), never at the discretion of the operator who acts for `sys:fees`.
   */
  directlySettleable(hold: { id: string; payee: string; ref?: string }): void {
    if (isMarketEscrow(hold)) throw new AccessDeniedError(`hold ${hold.id} is market escrow (${hold.ref ?? 'market'}): it moves only through market settlement or cancellation`);
    if (hold.ref?.startsWith('gov:') ?? false) throw new AccessDeniedError(`hold ${hold.id} is DEC locked by a governance vote (${hold.ref ?? ''}): it returns to the voter only by token:ExpireHold once the vote has closed`);
  }

  /** After a hold's expiry: the payer's or the payee's active holder, or the platform operator. */
  async holdParty(hold: { id: string; payer: string; payee: string }): Promise<void> {
    if (isPlatformOperator(this.ctx.caller)) return;
    const parties = [await this.participant(hold.payer), await this.participant(hold.payee)];
    if (!parties.some((p) => isBoundTo(this.ctx.caller, p) && p.status === 'active')) {
      throw new AccessDeniedError(`only the payer, the payee or the platform operator may expire hold ${hold.id}`);
    }
  }

  /** `account` is an active participant (an allowance's owner must be). */
  async activeParticipant(account: string, what: string): Promise<Participant> {
    const p = await this.participant(account);
    if (p.status !== 'active') throw new AccessDeniedError(`${what} ${p.eid} is ${p.status}`);
    return p;
  }

  private assetAllowed(account: SystemAccount, asset: Asset): void {
    if (!SYSTEM_ACCOUNT_ASSETS[account].includes(asset)) throw new AccessDeniedError(`${account} does not hold ${asset}`);
  }
}
