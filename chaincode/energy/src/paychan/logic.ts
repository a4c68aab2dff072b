/**
 * Pure payment-channel rules: a state's final balances, nonce order, and
 * the platform fee. No ledger, no clock.
 *
 *   toUser     = userDeposit − userPaid + providerPaid
 *   toProvider = providerDeposit − providerPaid + userPaid
 * Both must be ≥ 0 (nobody pays more than they locked plus what they received),
 * so toUser + toProvider = userDeposit + providerDeposit: no unit lost or made.
 * When the provider nets a gain (userPaid > providerPaid), the platform fee is
 * floor(net × feeBps / 10 000) of that gain (the charging fee), taken from
 * the provider's side; a net flow to the user carries no fee.
 */
import { ConflictError, ValidationError } from '@dec/chaincode-kit/core';

export interface Outcome {
  toUser: bigint;
  toProvider: bigint;
  fee: bigint;
}

export function outcome(userDeposit: bigint, providerDeposit: bigint, userPaid: bigint, providerPaid: bigint, feeBps: number): Outcome {
  const toUser = userDeposit - userPaid + providerPaid;
  const toProvider = providerDeposit - providerPaid + userPaid;
  if (toUser < 0n) throw new ValidationError('request.userPaid', `exceeds what the user locked and received (${userDeposit + providerPaid})`);
  if (toProvider < 0n) throw new ValidationError('request.providerPaid', `exceeds what the provider locked and received (${providerDeposit + userPaid})`);
  const net = userPaid - providerPaid;
  const fee = net > 0n ? (net * BigInt(feeBps)) / 10_000n : 0n;
  return { toUser, toProvider: toProvider - fee, fee };
}

/** A proof must be newer than the one on the channel: an equal nonce is a replay, a lower one is stale. */
export function requireNewer(current: number, next: number): void {
  if (next === current) throw new ConflictError(`nonce ${next} was already used on this channel (replayed proof)`);
  if (next < current) throw new ConflictError(`nonce ${next} is stale: the channel holds nonce ${current}`);
}
