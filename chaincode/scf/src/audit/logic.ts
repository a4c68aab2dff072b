/**
 * Who may read an asset's key history: its parties (taken from its current
 * record) and, through `requireReader`, the regulator.
 */
import { MSP } from '../common/constants';
import type { Financing } from '../financing/state';
import type { Lease } from '../leasing/state';
import type { Order } from '../orders/state';
import type { Receivable } from '../receivables/state';
import type { Receipt } from '../warehouse/state';

export const AUDITABLE = ['lease', 'receivable', 'order', 'receipt', 'financing'] as const;
export type Auditable = (typeof AUDITABLE)[number];

export type AuditRecord =
  | { assetType: 'lease'; record: Lease }
  | { assetType: 'receivable'; record: Receivable }
  | { assetType: 'order'; record: Order }
  | { assetType: 'receipt'; record: Receipt }
  | { assetType: 'financing'; record: Financing };

const defined = (xs: (string | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => x !== undefined))].sort();

/** The parties of an asset: everyone it names as holder, buyer, seller, owner, issuer, lessee, lessor or bank. */
export function partiesOf(a: AuditRecord): string[] {
  switch (a.assetType) {
    case 'lease':
      return defined([a.record.projectCompany, MSP.lessor, a.record.supplier]);
    case 'receivable':
      // Every holder so far (the credit's path upstream), the debtor and the pledgee bank.
      return defined([...a.record.holders, a.record.holder, a.record.debtor, a.record.pledge?.bank]);
    case 'order':
      return defined([a.record.buyer, a.record.seller, a.record.pledge?.bank]);
    case 'receipt':
      return defined([a.record.issuer, a.record.owner, a.record.pledge?.bank, a.record.releaseConsent?.bank]);
    case 'financing':
      return defined([a.record.bank, a.record.counterparty]);
  }
}
