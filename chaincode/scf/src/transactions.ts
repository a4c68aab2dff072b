/**
 * Every transaction of the `scf` chaincode, once: its wire name, submit or
 * evaluate, input schema, transient fields, summary, and who may call it. This
 * map IS the access table: `grants` are the roles (and MSPs) checked before the
 * input is parsed (access/policy.ts), `rule` names the object-level rule the
 * operation checks once state is read. The contracts register from it (`@Tx`),
 * the gateway builds its routes from it (`@dec/chaincode-scf/transactions`),
 * and the README table is generated from it (`npm run readme`).
 */
import { defineTransactions, type TransientField } from '@dec/chaincode-kit/core';
import { ACCESS, BANK, BUSINESS_ROLES, INSURER, LESSOR, LOGISTICS, PROJECT_COMPANY, READERS, REGULATOR, SUPPLIER } from './access/policy';
import { historyInput } from './audit/inputs';
import { COLLECTION_TRANSACTIONS } from './collection/transactions';
import { TRANSIENT } from './common/constants';
import { CREDIT_TRANSACTIONS } from './credit/transactions';
import { saltInput } from './common/salt';
import { acceptInput, advanceInput, financingRef, offerInput, repaymentAmount, repaymentInput, termsInput } from './financing/inputs';
import { assessClaimInput, claimRef, fileClaimInput, payClaimInput, policyRef, underwriteInput } from './insurance/inputs';
import { applyInput, approveInput, leaseRef, rejectInput, rentCollectedInput, supplierPaymentInput } from './leasing/inputs';
import { orderRef, registerInput } from './orders/inputs';
import { assignmentTerms, issueInput, receivableRef, splitInput, transferInput, treeInput } from './receivables/inputs';
import { alertRef, checkFinancingInput, raiseAlertInput, setRulesInput } from './rules/inputs';
import { issueReceiptInput, receiptRef } from './warehouse/inputs';

const required = (schema: TransientField['schema']): TransientField => ({ schema, required: true });
const optional = (schema: TransientField['schema']): TransientField => ({ schema, required: false });

export const SCF_TRANSACTIONS = defineTransactions({
  argument: 'input',
  access: ACCESS,
  transactions: {
    'leasing:Apply': { kind: 'submit', input: applyInput, grants: [PROJECT_COMPANY], summary: 'Apply for an equipment lease (project company)' },
    'leasing:Approve': { kind: 'submit', input: approveInput, grants: [LESSOR], summary: 'Approve a lease and fix its rent schedule (lessor officer)' },
    'leasing:Reject': { kind: 'submit', input: rejectInput, grants: [LESSOR], summary: 'Reject a lease application (lessor officer)' },
    'leasing:RecordSupplierPayment': { kind: 'submit', input: supplierPaymentInput, grants: [LESSOR], summary: 'Record a payment to the equipment supplier (lessor officer)' },
    'leasing:RecordRentCollected': { kind: 'submit', input: rentCollectedInput, grants: [LESSOR], summary: 'Record rent collected for an instalment (lessor officer)' },
    'leasing:AssessArrears': { kind: 'submit', input: leaseRef, grants: BUSINESS_ROLES, summary: 'Mark a lease late or in default from its unpaid instalments and the transaction time (any business member: a due-date check)' },
    'leasing:Get': { kind: 'evaluate', input: leaseRef, grants: READERS, summary: 'A lease with its schedule, payments and collections' },

    'receivables:Issue': { kind: 'submit', input: issueInput, grants: [LESSOR], summary: 'Issue the root receivable of an approved lease (lessor officer)' },
    'receivables:Split': { kind: 'submit', input: splitInput, grants: [LESSOR, SUPPLIER], rule: 'only the holder', summary: 'Split a receivable part into parts summing to it (holder)' },
    'receivables:Transfer': {
      kind: 'submit',
      input: transferInput,
      transient: { [TRANSIENT.assignment]: optional(assignmentTerms), [TRANSIENT.salt]: optional(saltInput) },
      grants: [LESSOR, SUPPLIER],
      rule: 'only the holder',
      summary: 'Transfer a receivable part upstream (holder)',
    },
    'receivables:Get': { kind: 'evaluate', input: receivableRef, grants: READERS, summary: 'A receivable part' },
    'receivables:Tree': { kind: 'evaluate', input: treeInput, grants: READERS, summary: 'Every part of a receivable tree' },
    'receivables:Backing': { kind: 'evaluate', input: receivableRef, grants: READERS, summary: 'The lease and collections backing a receivable part' },

    'financing:Offer': {
      kind: 'submit',
      input: offerInput,
      transient: { [TRANSIENT.terms]: required(termsInput) },
      grants: [BANK],
      summary: 'Offer financing against a receivable, order or receipt (bank officer); terms stay private',
    },
    'financing:Accept': {
      kind: 'submit',
      input: acceptInput,
      transient: { [TRANSIENT.salt]: required(saltInput) },
      grants: [LESSOR, SUPPLIER],
      rule: 'only the asset holder',
      summary: 'Accept a financing offer bound to its terms hash (asset holder)',
    },
    'financing:Decline': { kind: 'submit', input: financingRef, grants: [LESSOR, SUPPLIER], rule: 'only the asset holder', summary: 'Decline a financing offer (asset holder)' },
    'financing:RecordAdvance': { kind: 'submit', input: advanceInput, grants: [BANK], rule: 'only the offering bank', summary: 'Record the advance paid by the bank' },
    'financing:RecordRepayment': {
      kind: 'submit',
      input: repaymentInput,
      transient: { [TRANSIENT.repayment]: required(repaymentAmount), [TRANSIENT.salt]: required(saltInput) },
      grants: [BANK],
      rule: 'only the offering bank',
      summary: 'Record a repayment (orders, receipts); amount stays private',
    },
    'financing:Settle': {
      kind: 'submit',
      input: financingRef,
      transient: { [TRANSIENT.salt]: required(saltInput) },
      grants: [BANK, LESSOR, SUPPLIER],
      rule: 'only the bank or the holder',
      summary: 'Settle a financing (receivables: bank-first waterfall)',
    },
    'financing:Get': { kind: 'evaluate', input: financingRef, grants: READERS, summary: 'A financing record and its terms hash' },
    'financing:GetTerms': {
      kind: 'evaluate',
      input: financingRef,
      grants: [BANK, LESSOR, SUPPLIER, REGULATOR],
      rule: 'only the bank, the holder or the regulator',
      summary: 'The private terms of a financing (bank, holder, regulator)',
    },
    'financing:Waterfall': {
      kind: 'evaluate',
      input: financingRef,
      grants: [BANK, LESSOR, SUPPLIER, REGULATOR],
      rule: 'only the bank, the holder or the regulator',
      summary: 'How collected rent is shared between bank and holder',
    },

    'orders:Register': { kind: 'submit', input: registerInput, grants: [SUPPLIER], summary: 'Register a purchase order (supplier)' },
    'orders:Confirm': { kind: 'submit', input: orderRef, grants: [LESSOR, SUPPLIER], rule: 'only the buyer', summary: 'Confirm a purchase order (buyer)' },
    'orders:Get': { kind: 'evaluate', input: orderRef, grants: READERS, summary: 'A purchase order' },

    'warehouse:IssueReceipt': { kind: 'submit', input: issueReceiptInput, grants: [LOGISTICS], summary: 'Issue a warehouse receipt (logistics)' },
    'warehouse:ConsentRelease': { kind: 'submit', input: receiptRef, grants: [BANK], rule: 'only the pledgee bank', summary: 'Consent to releasing pledged goods (pledgee bank)' },
    'warehouse:Release': { kind: 'submit', input: receiptRef, grants: [LOGISTICS], rule: 'only the issuing logistics party', summary: 'Release the goods of a receipt (issuing logistics party)' },
    'warehouse:Get': { kind: 'evaluate', input: receiptRef, grants: READERS, summary: 'A warehouse receipt' },

    'insurance:Underwrite': { kind: 'submit', input: underwriteInput, grants: [INSURER], summary: 'Underwrite an equipment policy (insurer)' },
    'insurance:FileClaim': { kind: 'submit', input: fileClaimInput, grants: [LESSOR, PROJECT_COMPANY, SUPPLIER], rule: 'only the insured', summary: 'File a claim against a policy (the insured)' },
    'insurance:AssessClaim': { kind: 'submit', input: assessClaimInput, grants: [INSURER], rule: 'only the underwriting insurer', summary: 'Approve or reject a claim (underwriting insurer)' },
    'insurance:PayClaim': { kind: 'submit', input: payClaimInput, grants: [INSURER], rule: 'only the underwriting insurer', summary: 'Record payment of an approved claim (underwriting insurer)' },
    'insurance:GetPolicy': { kind: 'evaluate', input: policyRef, grants: READERS, summary: 'An insurance policy' },
    'insurance:GetClaim': { kind: 'evaluate', input: claimRef, grants: READERS, summary: 'An insurance claim' },

    'rules:SetRules': { kind: 'submit', input: setRulesInput, grants: [REGULATOR], summary: 'Change the regulator rules (regulator)' },
    'rules:GetRules': { kind: 'evaluate', grants: READERS, summary: 'The regulator rules in force' },
    'rules:CheckFinancing': { kind: 'evaluate', input: checkFinancingInput, grants: READERS, summary: 'Check a financing against the rules without submitting' },
    'rules:RaiseAlert': { kind: 'submit', input: raiseAlertInput, grants: [BANK, REGULATOR], summary: 'Raise a regulator alert (bank officer, regulator)' },
    'rules:ListAlerts': { kind: 'evaluate', grants: [BANK, REGULATOR], summary: 'Every alert (bank officer, regulator)' },
    'rules:GetAlert': { kind: 'evaluate', input: alertRef, grants: [BANK, REGULATOR], summary: 'One alert' },

    'audit:History': {
      kind: 'evaluate',
      input: historyInput,
      grants: READERS,
      rule: 'only a party of the asset, or the regulator',
      summary: 'Key history of a lease, receivable part, order, receipt or financing (regulator, parties)',
    },
    ...COLLECTION_TRANSACTIONS,
    ...CREDIT_TRANSACTIONS,
  },
});

export type ScfTxName = keyof typeof SCF_TRANSACTIONS.transactions;
