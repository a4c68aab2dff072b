/**
 * Every transaction of the `scf` chaincode (channel `scf`), with the input
 * schemas of chaincode/scf itself. See chaincode/scf/README.md for who may call what.
 */
import { historyInput } from '@dec/chaincode-scf/dist/audit/inputs';
import { acceptInput, advanceInput, financingRef, offerInput, repaymentAmount, repaymentInput, termsInput } from '@dec/chaincode-scf/dist/financing/inputs';
import { assessClaimInput, claimRef, fileClaimInput, payClaimInput, policyRef, underwriteInput } from '@dec/chaincode-scf/dist/insurance/inputs';
import { applyInput, approveInput, leaseRef, rejectInput, rentCollectedInput, supplierPaymentInput } from '@dec/chaincode-scf/dist/leasing/inputs';
import { orderRef, registerInput } from '@dec/chaincode-scf/dist/orders/inputs';
import { assignmentTerms, issueInput, receivableRef, splitInput, transferInput, treeInput } from '@dec/chaincode-scf/dist/receivables/inputs';
import { alertRef, checkFinancingInput, raiseAlertInput, setRulesInput } from '@dec/chaincode-scf/dist/rules/inputs';
import { issueReceiptInput, receiptRef } from '@dec/chaincode-scf/dist/warehouse/inputs';
import { networkTransactions } from './network-table';
import { evaluate, optional, required, submit, type ChaincodeTable } from './table';

export const scfTable: ChaincodeTable = {
  channel: 'scf',
  chaincode: 'scf',
  transactions: [
    ...networkTransactions,
    submit('leasing:Apply', applyInput, 'Apply for an equipment lease (project company)'),
    submit('leasing:Approve', approveInput, 'Approve a lease and fix its rent schedule (lessor officer)'),
    submit('leasing:Reject', rejectInput, 'Reject a lease application (lessor officer)'),
    submit('leasing:RecordSupplierPayment', supplierPaymentInput, 'Record a payment to the equipment supplier (lessor officer)'),
    submit('leasing:RecordRentCollected', rentCollectedInput, 'Record rent collected for an instalment (lessor officer)'),
    submit('leasing:AssessArrears', leaseRef, 'Mark a lease late or in default from its unpaid instalments'),
    evaluate('leasing:Get', leaseRef, 'A lease with its schedule, payments and collections'),

    submit('receivables:Issue', issueInput, 'Issue the root receivable of an approved lease (lessor officer)'),
    submit('receivables:Split', splitInput, 'Split a receivable part into parts summing to it (holder)'),
    submit('receivables:Transfer', transferInput, 'Transfer a receivable part upstream (holder)', { transient: { assignment: optional(assignmentTerms) } }),
    evaluate('receivables:Get', receivableRef, 'A receivable part'),
    evaluate('receivables:Tree', treeInput, 'Every part of a receivable tree'),
    evaluate('receivables:Backing', receivableRef, 'The lease and collections backing a receivable part'),

    submit('financing:Offer', offerInput, 'Offer financing against a receivable, order or receipt (bank officer); terms stay private', { transient: { terms: required(termsInput) } }),
    submit('financing:Accept', acceptInput, 'Accept a financing offer bound to its terms hash (asset holder)'),
    submit('financing:Decline', financingRef, 'Decline a financing offer (asset holder)'),
    submit('financing:RecordAdvance', advanceInput, 'Record the advance paid by the bank'),
    submit('financing:RecordRepayment', repaymentInput, 'Record a repayment (orders, receipts); amount stays private', { transient: { repayment: required(repaymentAmount) } }),
    submit('financing:Settle', financingRef, 'Settle a financing (receivables: bank-first waterfall)'),
    evaluate('financing:Get', financingRef, 'A financing record and its terms hash'),
    evaluate('financing:GetTerms', financingRef, 'The private terms of a financing (bank, holder, regulator)'),
    evaluate('financing:Waterfall', financingRef, 'How collected rent is shared between bank and holder'),

    submit('orders:Register', registerInput, 'Register a purchase order (supplier)'),
    submit('orders:Confirm', orderRef, 'Confirm a purchase order (buyer)'),
    evaluate('orders:Get', orderRef, 'A purchase order'),

    submit('warehouse:IssueReceipt', issueReceiptInput, 'Issue a warehouse receipt (logistics)'),
    submit('warehouse:ConsentRelease', receiptRef, 'Consent to releasing pledged goods (pledgee bank)'),
    submit('warehouse:Release', receiptRef, 'Release the goods of a receipt (issuing logistics party)'),
    evaluate('warehouse:Get', receiptRef, 'A warehouse receipt'),

    submit('insurance:Underwrite', underwriteInput, 'Underwrite an equipment policy (insurer)'),
    submit('insurance:FileClaim', fileClaimInput, 'File a claim against a policy (the insured)'),
    submit('insurance:AssessClaim', assessClaimInput, 'Approve or reject a claim (underwriting insurer)'),
    submit('insurance:PayClaim', payClaimInput, 'Record payment of an approved claim (underwriting insurer)'),
    evaluate('insurance:GetPolicy', policyRef, 'An insurance policy'),
    evaluate('insurance:GetClaim', claimRef, 'An insurance claim'),

    submit('rules:SetRules', setRulesInput, 'Change the regulator rules (regulator)'),
    evaluate('rules:GetRules', undefined, 'The regulator rules in force'),
    evaluate('rules:CheckFinancing', checkFinancingInput, 'Check a financing against the rules without submitting'),
    submit('rules:RaiseAlert', raiseAlertInput, 'Raise a regulator alert (bank officer, regulator)'),
    evaluate('rules:ListAlerts', undefined, 'Every alert (bank officer, regulator)'),
    evaluate('rules:GetAlert', alertRef, 'One alert'),

    evaluate('audit:History', historyInput, 'Key history of a lease, receivable part, order, receipt or financing (regulator, parties)'),
  ],
};
