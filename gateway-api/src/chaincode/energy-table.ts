/**
 * Every transaction of the `energy` chaincode (channel `energy`). The energy
 * contracts are still growing: a new transaction is one line here
 * (`submit|evaluate('contract:Name', inputSchema, summary)`); the drift test in
 * tables.test.ts fails until the line exists.
 */
import { pageRequest } from '@dec/chaincode-energy/dist/common/ids';
import * as identity from '@dec/chaincode-energy/dist/identity/identity-inputs';
import * as market from '@dec/chaincode-energy/dist/market/market-inputs';
import * as metering from '@dec/chaincode-energy/dist/metering/metering-inputs';
import * as token from '@dec/chaincode-energy/dist/token/token-inputs';
import { networkTransactions } from './network-table';
import { z } from '../openapi/zod';
import { evaluate, submit, type ChaincodeTable } from './table';

/** market:PpaSettlements builds its input in the contract; same shape here. */
const ppaPageInput = z.strictObject({ ppaId: market.ppaIdSchema, ...pageRequest });

export const energyTable: ChaincodeTable = {
  channel: 'energy',
  chaincode: 'energy',
  transactions: [
    ...networkTransactions,
    submit('identity:Register', identity.registerInput, 'Register the caller as a participant (eID) with KYC hash and roles'),
    submit('identity:Approve', identity.approveInput, 'Approve a participant\'s KYC (platform operator)'),
    submit('identity:Reject', identity.decisionInput, 'Reject a participant\'s KYC (platform operator)'),
    submit('identity:Suspend', identity.decisionInput, 'Suspend a participant (platform operator)'),
    submit('identity:Reinstate', identity.reinstateInput, 'Reinstate a suspended participant (platform operator)'),
    evaluate('identity:Get', identity.eidInput, 'A participant by eID'),
    evaluate('identity:WhoAmI', undefined, 'The caller\'s participant record'),
    evaluate('identity:ListByRole', identity.listByRoleInput, 'Participants of a role, paged'),
    submit('identity:RegisterDevice', identity.registerDeviceInput, 'Register a device (meter, inverter, ...) of a participant'),
    submit('identity:RetireDevice', identity.retireDeviceInput, 'Retire a device'),
    evaluate('identity:GetDevice', identity.deviceEidInput, 'A device by eID'),
    evaluate('identity:ListDevices', identity.listDevicesInput, 'Devices of a participant, paged'),

    submit('token:Genesis', token.genesisInput, 'Mint the fixed DEC supply into the allocation pools, once (platform operator)'),
    submit('token:PostRate', token.postRateInput, 'Post the DECC-per-DEC rate (platform operator)'),
    submit('token:SetFees', token.setFeesInput, 'Set transfer fee rules (platform operator)'),
    submit('token:ReleaseBatch', token.releaseBatchInput, 'Release a numbered batch from the ecology or others pool (platform operator)'),
    submit('token:ReleaseVested', token.releaseVestedInput, 'Release vested team tokens'),
    submit('token:FundRewardPool', token.fundRewardPoolInput, 'Fund the DECC reward pool from DEC'),
    submit('token:PayRewards', token.payRewardsInput, 'Pay rewards from the reward pool'),
    submit('token:Transfer', token.transferInput, 'Transfer DEC or DECC'),
    submit('token:Approve', token.approveInput, 'Set an allowance'),
    submit('token:TransferFrom', token.transferFromInput, 'Transfer under an allowance'),
    submit('token:Consolidate', token.consolidateInput, 'Consolidate delta credits into the balance'),
    submit('token:MintDecc', token.mintDeccInput, 'Mint DECC against DEC at the posted rate'),
    submit('token:RedeemDecc', token.redeemDeccInput, 'Redeem DECC for DEC at the posted rate'),
    submit('token:CreateHold', token.createHoldInput, 'Hold funds for a later capture'),
    submit('token:CaptureHold', token.captureHoldInput, 'Capture (part of) a hold'),
    submit('token:ReleaseHold', token.holdIdInput, 'Release a hold'),
    submit('token:ExpireHold', token.holdIdInput, 'Expire a hold past its expiry'),
    submit('token:LockDeposit', token.depositAmountInput, 'Lock a security deposit'),
    submit('token:WithdrawDeposit', token.depositAmountInput, 'Withdraw from a security deposit'),
    submit('token:SlashDeposit', token.slashDepositInput, 'Slash a security deposit'),
    submit('token:OpenObligation', token.openObligationInput, 'Open an obligation that keeps a deposit locked'),
    submit('token:CloseObligation', token.closeObligationInput, 'Close an obligation'),
    evaluate('token:Balance', token.balanceInput, 'Balance of an account in one asset'),
    evaluate('token:Credits', token.pagedAccountAssetInput, 'Unconsolidated credits of an account, paged'),
    evaluate('token:History', token.pagedAccountAssetInput, 'Journal of an account, paged'),
    evaluate('token:Holds', token.pagedAccountInput, 'Holds of an account, paged'),
    evaluate('token:GetHold', token.holdIdInput, 'A hold'),
    evaluate('token:GetDeposit', token.accountInput, 'The deposit of an account'),
    evaluate('token:Allowance', token.allowanceQueryInput, 'An allowance'),
    evaluate('token:Supply', undefined, 'Total supply per asset'),
    evaluate('token:Audit', undefined, 'Conservation audit of the whole ledger'),
    evaluate('token:GetGenesis', undefined, 'The genesis record'),
    evaluate('token:GetRate', undefined, 'The posted DECC rate'),
    evaluate('token:GetFees', undefined, 'The fee rules'),

    submit('metering:RegisterMeter', metering.registerMeterInput, 'Register a meter bound to an identity device'),
    submit('metering:CertifyMeter', metering.certifyMeterInput, 'Certify a meter (grid operator)'),
    submit('metering:DecommissionMeter', metering.decommissionMeterInput, 'Decommission a meter'),
    submit('metering:RotateKey', metering.rotateKeyInput, 'Rotate a meter\'s signing key'),
    submit('metering:SubmitReadings', metering.submitReadingsInput, 'Submit a signed batch of meter readings'),
    evaluate('metering:GetMeter', metering.meterInput, 'A meter'),
    evaluate('metering:Readings', metering.rangeQueryInput, 'Readings of a meter in a range, paged'),
    evaluate('metering:Intervals', metering.rangeQueryInput, 'Interval energy per slot of a meter, paged'),
    evaluate('metering:Anomalies', metering.anomaliesInput, 'Anomalies of a meter, paged'),
    evaluate('metering:MetersInZone', metering.zoneInput, 'Meters of a grid zone, paged'),

    submit('market:ConfigureZone', market.configureZoneInput, 'Configure a market zone (platform operator)'),
    submit('market:PostOrder', market.postOrderInput, 'Post a buy or sell order for a slot and zone (DECC escrow)'),
    submit('market:AmendOrder', market.amendOrderInput, 'Amend an open order'),
    submit('market:CancelOrder', market.orderIdInput, 'Cancel an open order'),
    submit('market:Match', market.slotZonePageInput, 'Match a page of orders of a slot and zone'),
    submit('market:Settle', market.slotZonePageInput, 'Settle a page of trades of a slot and zone from metered energy'),
    submit('market:ProposePpa', market.proposePpaInput, 'Propose a power purchase agreement'),
    submit('market:AcceptPpa', market.ppaIdInput, 'Accept a PPA'),
    submit('market:TerminatePpa', market.terminatePpaInput, 'Terminate a PPA'),
    submit('market:SettlePpa', market.settlePpaInput, 'Settle a PPA for a slot'),
    submit('market:PostEmergency', market.postEmergencyInput, 'Post a grid emergency (grid operator)'),
    submit('market:OfferEmergency', market.offerEmergencyInput, 'Offer capacity for a grid emergency'),
    submit('market:DispatchEmergency', market.emergencyIdInput, 'Dispatch the offers of a grid emergency'),
    submit('market:SettleEmergency', market.emergencyIdInput, 'Settle a grid emergency'),
    submit('market:AssignRevenue', market.assignRevenueInput, 'Assign a meter\'s market revenue'),
    submit('market:ReleaseAssignment', market.assignmentIdInput, 'Release a revenue assignment'),
    submit('market:Leave', market.eidInput, 'Leave the market'),
    evaluate('market:GetZone', market.zoneInput, 'A market zone'),
    evaluate('market:OrderBook', market.orderBookInput, 'The order book of a slot and zone, paged'),
    evaluate('market:GetOrder', market.orderIdInput, 'An order'),
    evaluate('market:OrdersOf', market.eidPageInput, 'Orders of a participant, paged'),
    evaluate('market:TradesOf', market.eidPageInput, 'Trades of a participant, paged'),
    evaluate('market:Clearing', market.slotZoneInput, 'The clearing of a slot and zone'),
    evaluate('market:Trades', market.orderBookInput, 'Trades of a slot and zone, paged'),
    evaluate('market:Statement', market.statementInput, 'A participant\'s statement for a slot and zone'),
    evaluate('market:GetPpa', market.ppaIdInput, 'A PPA'),
    evaluate('market:PpaSettlements', ppaPageInput, 'Settlements of a PPA, paged'),
    evaluate('market:GetEmergency', market.emergencyIdInput, 'A grid emergency'),
    evaluate('market:GetAssignment', market.assignmentIdInput, 'A revenue assignment'),
    evaluate('market:AssignmentsOf', market.meterInput, 'Revenue assignments of a meter'),
  ],
};
