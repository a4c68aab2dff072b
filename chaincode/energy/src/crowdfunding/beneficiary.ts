/**
 * Who a market revenue assignment pays (issue 16, item 1): a participant, or a
 * crowdfunding project, whose share lands in the project's revenue account.
 * Kept free of state and stores so the market's schemas can import it.
 */
import { z } from 'zod';

const PROJECT_ID = /^proj:[0-9a-f]{32}$/;

export const beneficiarySchema = z.string().regex(/^(eid:p:|proj:)[0-9a-f]{32}$/, 'must be a participant eID (eid:p:<32 hex>) or a crowdfunding project ID (proj:<32 hex>)');

export const isProjectBeneficiary = (beneficiary: string): boolean => PROJECT_ID.test(beneficiary);
