/**
 * Allowances (ERC-20 style approve / transferFrom): the owner sets how much a
 * spender may move out of its account; each transferFrom uses up the amount
 * it debits from the owner (the transfer plus its fee).
 */
import { ConflictError } from '@dec/chaincode-kit/core';

export function spendAllowance(current: bigint, amount: bigint, owner: string, spender: string): bigint {
  if (amount > current) throw new ConflictError(`allowance of ${spender} on ${owner} is ${current}; needs ${amount}`);
  return current - amount;
}
