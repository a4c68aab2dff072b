/**
 * Every transaction of the `energy` chaincode, once: its wire name, submit or
 * evaluate, input schema, summary, and who may call it. This map IS the access
 * table: `grants` are checked from the caller's certificate before the input is
 * parsed (access/policy.ts), `rule` names the object-level rule the operation
 * checks once state is read (access/object-rules.ts). The contracts register
 * from it (`@Tx`), the gateway builds its routes from it
 * (`@dec/chaincode-energy/transactions`), and the README table is generated
 * from it (`npm run readme`).
 */
import { defineTransactions } from '@dec/chaincode-kit/core';
import { ACCESS, ANYONE, GRID_OPERATOR, MARKET_RUNNER, PLATFORM_OPERATOR, READING_SUBMITTER } from './access/policy';
import { CHARGING_TRANSACTIONS } from './charging/transactions';
import { CREDIT_TRANSACTIONS } from './credit/transactions';
import { CROWDFUNDING_TRANSACTIONS } from './crowdfunding/transactions';
import { GOVERNANCE_TRANSACTIONS } from './governance/transactions';
import { SOCIAL_TRANSACTIONS } from './social/transactions';
import { STORE_TRANSACTIONS } from './store/transactions';
import { PAYCHAN_TRANSACTIONS } from './paychan/transactions';
import * as identity from './identity/inputs';
import { MAINTENANCE_TRANSACTIONS } from './maintenance/transactions';
import { RENTAL_TRANSACTIONS } from './rental/transactions';
import * as market from './market/inputs';
import * as metering from './metering/inputs';
import * as token from './token/inputs';

export const ENERGY_TRANSACTIONS = defineTransactions({
  argument: 'request',
  access: ACCESS,
  transactions: {
    'identity:Register': { kind: 'submit', input: identity.registerInput, grants: ANYONE, rule: 'a role `grid` only from a GridMSP identity; one eID per identity', summary: 'Register the caller as a participant (eID) with KYC hash and roles' },
    'identity:Approve': { kind: 'submit', input: identity.approveInput, grants: PLATFORM_OPERATOR, summary: 'Approve a participant\'s KYC (platform operator)' },
    'identity:Reject': { kind: 'submit', input: identity.decisionInput, grants: PLATFORM_OPERATOR, summary: 'Reject a participant\'s KYC (platform operator)' },
    'identity:Suspend': { kind: 'submit', input: identity.decisionInput, grants: PLATFORM_OPERATOR, summary: 'Suspend a participant (platform operator)' },
    'identity:Reinstate': { kind: 'submit', input: identity.reinstateInput, grants: PLATFORM_OPERATOR, summary: 'Reinstate a suspended participant (platform operator)' },
    'identity:Get': { kind: 'evaluate', input: identity.eidInput, grants: ANYONE, summary: 'A participant by eID' },
    'identity:WhoAmI': { kind: 'evaluate', grants: ANYONE, summary: 'The caller\'s participant record' },
    'identity:ListByRole': { kind: 'evaluate', input: identity.listByRoleInput, grants: ANYONE, summary: 'Participants of a role, paged' },
    'identity:RegisterDevice': { kind: 'submit', input: identity.registerDeviceInput, grants: ANYONE, rule: "the owner's holder or the platform operator; the owner has the roles the device kind needs", summary: 'Register a device (meter, inverter, ...) of a participant' },
    'identity:RetireDevice': { kind: 'submit', input: identity.retireDeviceInput, grants: ANYONE, rule: "the owner's holder or the platform operator", summary: 'Retire a device' },
    'identity:GetDevice': { kind: 'evaluate', input: identity.deviceEidInput, grants: ANYONE, summary: 'A device by eID' },
    'identity:ListDevices': { kind: 'evaluate', input: identity.listDevicesInput, grants: ANYONE, summary: 'Devices of a participant, paged' },
    'token:Genesis': { kind: 'submit', input: token.genesisInput, grants: PLATFORM_OPERATOR, summary: 'Mint the fixed DEC supply into the allocation pools, once (platform operator)' },
    'token:PostRate': { kind: 'submit', input: token.postRateInput, grants: PLATFORM_OPERATOR, rule: 'a passed committee decision with this rate, applied once', summary: 'Post the DECC-per-DEC rate (platform operator, by committee decision)' },
    'token:SetFees': { kind: 'submit', input: token.setFeesInput, grants: PLATFORM_OPERATOR, rule: 'a passed committee decision with these fees, applied once', summary: 'Set transfer fee rules (platform operator, by committee decision)' },
    'token:ReleaseBatch': { kind: 'submit', input: token.releaseBatchInput, grants: PLATFORM_OPERATOR, rule: 'ecology: within the committee-approved plan of the year; others: the 8.6.4 spending approvals (`approvalId` / `decisionId`)', summary: 'Release a numbered batch from the ecology or others pool (platform operator)' },
    'token:ReleaseVested': { kind: 'submit', input: token.releaseVestedInput, grants: PLATFORM_OPERATOR, summary: 'Release vested team tokens' },
    'token:FundRewardPool': { kind: 'submit', input: token.fundRewardPoolInput, grants: PLATFORM_OPERATOR, rule: 'from ecology: within the yearly plan; from others/fees: the 8.6.4 spending approvals', summary: 'Fund the DECC reward pool from DEC' },
    'token:PayRewards': { kind: 'submit', input: token.payRewardsInput, grants: PLATFORM_OPERATOR, rule: 'the 8.6.4 spending approvals', summary: 'Pay rewards from the reward pool' },
    'token:Transfer': { kind: 'submit', input: token.transferInput, lane: 'from', grants: ANYONE, rule: 'the holder of `from` (the platform operator for `sys:fees`, within the 8.6.4 spending approvals)', summary: 'Transfer DEC or DECC' },
    'token:Approve': { kind: 'submit', input: token.approveInput, grants: ANYONE, rule: 'the holder of `owner`', summary: 'Set an allowance' },
    'token:TransferFrom': { kind: 'submit', input: token.transferFromInput, lane: 'owner', grants: ANYONE, rule: 'the holder of `spender`; `owner` active', summary: 'Transfer under an allowance' },
    'token:Consolidate': { kind: 'submit', input: token.consolidateInput, grants: ANYONE, rule: 'the holder of the account, or the platform operator', summary: 'Consolidate delta credits into the balance' },
    'token:MintDecc': { kind: 'submit', input: token.mintDeccInput, lane: 'account', grants: ANYONE, rule: 'the holder of the account', summary: 'Mint DECC against DEC at the posted rate' },
    'token:RedeemDecc': { kind: 'submit', input: token.redeemDeccInput, lane: 'account', grants: ANYONE, rule: 'the holder of the account', summary: 'Redeem DECC for DEC at the posted rate' },
    'token:CreateHold': { kind: 'submit', input: token.createHoldInput, lane: 'payer', grants: ANYONE, rule: 'the holder of the payer', summary: 'Hold funds for a later capture' },
    'token:CaptureHold': { kind: 'submit', input: token.captureHoldInput, grants: ANYONE, rule: "the payee's holder, or the platform operator; never market escrow (payee `sys:fees`)", summary: 'Capture (part of) a hold' },
    'token:ReleaseHold': { kind: 'submit', input: token.holdIdInput, grants: ANYONE, rule: "the payee's holder, or the platform operator; never market escrow (payee `sys:fees`)", summary: 'Release a hold' },
    'token:ExpireHold': { kind: 'submit', input: token.holdIdInput, grants: ANYONE, rule: "the payer's or the payee's holder, or the platform operator", summary: 'Expire a hold past its expiry' },
    'token:LockDeposit': { kind: 'submit', input: token.depositAmountInput, lane: 'account', grants: ANYONE, rule: 'the holder of the account', summary: 'Lock a security deposit' },
    'token:WithdrawDeposit': { kind: 'submit', input: token.depositAmountInput, grants: ANYONE, rule: 'the holder of the account', summary: 'Withdraw from a security deposit' },
    'token:SlashDeposit': { kind: 'submit', input: token.slashDepositInput, grants: PLATFORM_OPERATOR, rule: 'above 10,000 DEC: a passed committee decision naming it, applied once', summary: 'Slash a security deposit' },
    'token:OpenObligation': { kind: 'submit', input: token.openObligationInput, grants: PLATFORM_OPERATOR, summary: 'Open an obligation that keeps a deposit locked' },
    'token:CloseObligation': { kind: 'submit', input: token.closeObligationInput, grants: PLATFORM_OPERATOR, summary: 'Close an obligation' },
    'token:Balance': { kind: 'evaluate', input: token.balanceInput, grants: ANYONE, rule: 'a reader of the account', summary: 'Balance of an account in one asset' },
    'token:Credits': { kind: 'evaluate', input: token.pagedAccountAssetInput, grants: ANYONE, rule: 'a reader of the account', summary: 'Unconsolidated credits of an account, paged' },
    'token:History': { kind: 'evaluate', input: token.pagedAccountAssetInput, grants: ANYONE, rule: 'a reader of the account', summary: 'Journal of an account, paged' },
    'token:Holds': { kind: 'evaluate', input: token.pagedAccountInput, grants: ANYONE, rule: 'a reader of the account', summary: 'Holds of an account, paged' },
    'token:GetHold': { kind: 'evaluate', input: token.holdIdInput, grants: ANYONE, rule: 'a reader of the payer or the payee', summary: 'A hold' },
    'token:GetDeposit': { kind: 'evaluate', input: token.accountInput, grants: ANYONE, rule: 'a reader of the account', summary: 'The deposit of an account' },
    'token:Allowance': { kind: 'evaluate', input: token.allowanceQueryInput, grants: ANYONE, rule: 'a reader of the owner or the spender', summary: 'An allowance' },
    'token:Supply': { kind: 'evaluate', grants: ANYONE, summary: 'Total supply per asset' },
    'token:Audit': { kind: 'evaluate', grants: ANYONE, summary: 'Conservation audit of the whole ledger' },
    'token:GetGenesis': { kind: 'evaluate', grants: ANYONE, summary: 'The genesis record' },
    'token:GetRate': { kind: 'evaluate', grants: ANYONE, summary: 'The posted DECC rate' },
    'token:GetFees': { kind: 'evaluate', grants: ANYONE, summary: 'The fee rules' },
    'metering:RegisterMeter': { kind: 'submit', input: metering.registerMeterInput, grants: ANYONE, rule: "the owner's holder, the platform operator or the grid operator", summary: 'Register a meter bound to an identity device' },
    'metering:CertifyMeter': { kind: 'submit', input: metering.certifyMeterInput, grants: GRID_OPERATOR, summary: 'Certify a meter (grid operator)' },
    'metering:DecommissionMeter': { kind: 'submit', input: metering.decommissionMeterInput, grants: ANYONE, rule: "the owner's holder, the platform operator or the grid operator", summary: 'Decommission a meter' },
    'metering:RotateKey': { kind: 'submit', input: metering.rotateKeyInput, grants: ANYONE, rule: "a signature by the meter's current key, or the grid operator", summary: 'Rotate a meter\'s signing key' },
    'metering:SubmitReadings': { kind: 'submit', input: metering.submitReadingsInput, grants: READING_SUBMITTER, summary: 'Submit a signed batch of meter readings' },
    'metering:GetMeter': { kind: 'evaluate', input: metering.meterInput, grants: ANYONE, summary: 'A meter' },
    'metering:Readings': { kind: 'evaluate', input: metering.rangeQueryInput, grants: ANYONE, summary: 'Readings of a meter in a range, paged' },
    'metering:Intervals': { kind: 'evaluate', input: metering.rangeQueryInput, grants: ANYONE, summary: 'Interval energy per slot of a meter, paged' },
    'metering:Anomalies': { kind: 'evaluate', input: metering.anomaliesInput, grants: ANYONE, summary: 'Anomalies of a meter, paged' },
    'metering:MetersInZone': { kind: 'evaluate', input: metering.zoneInput, grants: ANYONE, summary: 'Meters of a grid zone, paged' },
    'market:ConfigureZone': { kind: 'submit', input: market.configureZoneInput, grants: PLATFORM_OPERATOR, summary: 'Configure a market zone (platform operator)' },
    'market:PostOrder': { kind: 'submit', input: market.postOrderInput, grants: ANYONE, rule: "the holder of the owner, with a role of the order's side", summary: 'Post a buy or sell order for a slot and zone (DECC escrow)' },
    'market:AmendOrder': { kind: 'submit', input: market.amendOrderInput, grants: ANYONE, rule: "the holder of the owner, with a role of the order's side", summary: 'Amend an open order' },
    'market:CancelOrder': { kind: 'submit', input: market.orderIdInput, grants: ANYONE, rule: "the holder of the owner, with a role of the order's side", summary: 'Cancel an open order' },
    'market:Match': { kind: 'submit', input: market.slotZonePageInput, grants: MARKET_RUNNER, summary: 'Match a page of orders of a slot and zone' },
    'market:Settle': { kind: 'submit', input: market.slotZonePageInput, grants: MARKET_RUNNER, summary: 'Settle a page of trades of a slot and zone from metered energy' },
    'market:ProposePpa': { kind: 'submit', input: market.proposePpaInput, grants: ANYONE, rule: 'the holder of the seller or the buyer', summary: 'Propose a power purchase agreement' },
    'market:AcceptPpa': { kind: 'submit', input: market.ppaIdInput, grants: ANYONE, rule: 'the holder of the other party', summary: 'Accept a PPA' },
    'market:TerminatePpa': { kind: 'submit', input: market.terminatePpaInput, grants: ANYONE, rule: "either party's holder, or the platform operator", summary: 'Terminate a PPA' },
    'market:SettlePpa': { kind: 'submit', input: market.settlePpaInput, grants: ANYONE, rule: "either party's holder, the platform operator or the grid operator", summary: 'Settle a PPA for a slot' },
    'market:PostEmergency': { kind: 'submit', input: market.postEmergencyInput, grants: GRID_OPERATOR, rule: 'the holder of the `grid` eID', summary: 'Post a grid emergency (grid operator)' },
    'market:OfferEmergency': { kind: 'submit', input: market.offerEmergencyInput, grants: ANYONE, rule: 'the holder of a storage-owner eID', summary: 'Offer capacity for a grid emergency' },
    'market:DispatchEmergency': { kind: 'submit', input: market.emergencyIdInput, grants: GRID_OPERATOR, rule: "the holder of the emergency's `grid` eID", summary: 'Dispatch the offers of a grid emergency' },
    'market:SettleEmergency': { kind: 'submit', input: market.emergencyIdInput, grants: MARKET_RUNNER, summary: 'Settle a grid emergency' },
    'market:AssignRevenue': { kind: 'submit', input: market.assignRevenueInput, grants: ANYONE, rule: "the holder of the meter's owner; a project beneficiary must have succeeded", summary: 'Assign a meter\'s market revenue to a participant or a crowdfunding project' },
    'market:ReleaseAssignment': { kind: 'submit', input: market.assignmentIdInput, grants: ANYONE, rule: "the beneficiary's holder, or the platform operator (a project's assignment: the platform operator only)", summary: 'Release a revenue assignment' },
    'market:Leave': { kind: 'submit', input: market.eidInput, grants: ANYONE, rule: 'the holder of the eID', summary: 'Leave the market' },
    'market:GetZone': { kind: 'evaluate', input: market.zoneInput, grants: ANYONE, summary: 'A market zone' },
    'market:OrderBook': { kind: 'evaluate', input: market.orderBookInput, grants: ANYONE, summary: 'The order book of a slot and zone, paged' },
    'market:GetOrder': { kind: 'evaluate', input: market.orderIdInput, grants: ANYONE, summary: 'An order' },
    'market:OrdersOf': { kind: 'evaluate', input: market.eidPageInput, grants: ANYONE, rule: 'a reader of the eID', summary: 'Orders of a participant, paged' },
    'market:TradesOf': { kind: 'evaluate', input: market.eidPageInput, grants: ANYONE, rule: 'a reader of the eID', summary: 'Trades of a participant, paged' },
    'market:Clearing': { kind: 'evaluate', input: market.slotZoneInput, grants: ANYONE, summary: 'The clearing of a slot and zone' },
    'market:Trades': { kind: 'evaluate', input: market.orderBookInput, grants: ANYONE, summary: 'Trades of a slot and zone, paged' },
    'market:Statement': { kind: 'evaluate', input: market.statementInput, grants: ANYONE, rule: 'a reader of the eID', summary: 'A participant\'s statement for a slot and zone' },
    'market:GetPpa': { kind: 'evaluate', input: market.ppaIdInput, grants: ANYONE, rule: 'a reader of the seller or the buyer', summary: 'A PPA' },
    'market:PpaSettlements': { kind: 'evaluate', input: market.ppaPageInput, grants: ANYONE, rule: 'a reader of the seller or the buyer', summary: 'Settlements of a PPA, paged' },
    'market:GetEmergency': { kind: 'evaluate', input: market.emergencyIdInput, grants: ANYONE, summary: 'A grid emergency' },
    'market:GetAssignment': { kind: 'evaluate', input: market.assignmentIdInput, grants: ANYONE, summary: 'A revenue assignment' },
    'market:AssignmentsOf': { kind: 'evaluate', input: market.meterInput, grants: ANYONE, summary: 'Active revenue assignments of a meter (at most 20)' },
    ...CHARGING_TRANSACTIONS,
    ...RENTAL_TRANSACTIONS,
    ...CROWDFUNDING_TRANSACTIONS,
    ...GOVERNANCE_TRANSACTIONS,
    ...CREDIT_TRANSACTIONS,
    ...STORE_TRANSACTIONS,
    ...SOCIAL_TRANSACTIONS,
    ...PAYCHAN_TRANSACTIONS,
    ...MAINTENANCE_TRANSACTIONS,
  },
});

export type EnergyTxName = keyof typeof ENERGY_TRANSACTIONS.transactions;
