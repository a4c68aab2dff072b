/**
 * Token accounts are addressed by participant eID (`eid:p:…`) or are one of the
 * platform's system accounts below. Which system account holds which asset is
 * fixed here; who may move them is in access/policy.ts.
 */
import { alternatives, statedPattern } from '@dec/chaincode-kit/core';
import { z } from 'zod';

export const ASSETS = ['DEC', 'DECC'] as const;
export const assetSchema = z.enum(ASSETS);
export type Asset = z.infer<typeof assetSchema>;

export const SYS = {
  /** Ecology construction allocation, released by the platform in batches. */
  ecology: 'sys:ecology',
  /** Team allocation, released by the 20/20/30/30 vesting schedule. */
  team: 'sys:team',
  /** "Others" allocation, released by the platform in batches. */
  others: 'sys:others',
  /** DEC locked against minted DECC. */
  reserve: 'sys:reserve',
  /** Platform fee account (DEC and DECC). */
  fees: 'sys:fees',
  /** DECC reward pool: rewards are paid from here, never minted from nothing. */
  rewards: 'sys:rewards',
} as const;
export type SystemAccount = (typeof SYS)[keyof typeof SYS];

/** The assets each system account may hold. */
export const SYSTEM_ACCOUNT_ASSETS: Record<SystemAccount, readonly Asset[]> = {
  'sys:ecology': ['DEC'],
  'sys:team': ['DEC'],
  'sys:others': ['DEC'],
  'sys:reserve': ['DEC'],
  'sys:fees': ['DEC', 'DECC'],
  'sys:rewards': ['DECC'],
};

/** Allocation pools: their DEC is not yet in circulation. */
export const ALLOCATION_POOLS = [SYS.ecology, SYS.team, SYS.others] as const;

const SYSTEM_IDS = Object.values(SYS) as string[];

export function isSystemAccount(account: string): account is SystemAccount {
  return SYSTEM_IDS.includes(account);
}

export const accountIdSchema = statedPattern(
  z.string().refine((s) => /^eid:p:[0-9a-f]{32}$/.test(s) || isSystemAccount(s), `must be a participant eID (eid:p:<32 hex>) or one of ${SYSTEM_IDS.join(', ')}`),
  `^(?:eid:p:[0-9a-f]{32}|${alternatives(SYSTEM_IDS)})$`,
);
