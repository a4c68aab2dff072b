/** The shapes token operations return besides plain state records (they are also the events' payloads). */
import type { Asset } from '../accounts';
import type { Genesis } from '../genesis';
import type { Vesting } from '../vesting';

export interface ScheduleStep {
  at: string;
  cumulative: string;
}

export interface GenesisResult {
  genesis: Genesis;
  teamSchedule: ScheduleStep[];
}

export type GenesisInfo = { genesis: null; vesting: null } | { genesis: Genesis; vesting: Vesting & { releasableNow: string; schedule: ScheduleStep[] } };

export interface BatchRelease {
  pool: 'sys:ecology' | 'sys:others';
  batchId: string;
  total: string;
  payouts: { to: string; amount: string }[];
  memo: string | undefined;
}

export interface VestedRelease {
  to: string;
  amount: string;
  vesting: Vesting;
}

export interface RewardPoolFunding {
  from: 'sys:ecology' | 'sys:others' | 'sys:fees';
  decAmount: string;
  deccAmount: string;
  rateE18: string;
}

export interface RewardPayout {
  total: string;
  payouts: { to: string; amount: string; reason?: string | undefined }[];
  memo: string | undefined;
}

export interface TransferResult {
  from: string;
  to: string;
  asset: Asset;
  amount: string;
  fee: string;
  memo: string | undefined;
}

export interface ApprovalResult {
  owner: string;
  spender: string;
  asset: Asset;
  amount: string;
}

export interface TransferFromResult {
  owner: string;
  spender: string;
  to: string;
  asset: Asset;
  amount: string;
  fee: string;
  allowanceLeft: string;
  memo: string | undefined;
}

export interface Consolidation {
  account: string;
  asset: Asset;
  folded: number;
  amount: string;
  skipped: string[];
}

export interface MintResult {
  account: string;
  decAmount: string;
  deccAmount: string;
  rateE18: string;
}

export interface RedeemResult {
  account: string;
  deccAmount: string;
  decAmount: string;
  rateE18: string;
}

export interface BalanceResult {
  account: string;
  asset: Asset;
  balance: string;
  consolidated: string;
  pending: string;
  pendingCredits: number;
}

export interface AllowanceResult {
  amount: string;
  owner: string;
  spender: string;
  asset: Asset;
}

export interface SupplyResult {
  DEC: { total: string; circulating: string; pools: Record<string, string> };
  DECC: { total: string; minted: string; burned: string; rewardPool: string };
  fees: { DEC: string; DECC: string };
}
