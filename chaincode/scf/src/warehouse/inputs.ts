/** Input schemas of the warehouse transactions. */
import { positiveAmount } from '@dec/chaincode-kit/core';
import { z } from 'zod';
import { MSP } from '../common/constants';
import { companyOf, id, text } from '../common/schemas';
import { equipmentItem } from '../leasing/state';

export const issueReceiptInput = z.object({
  receiptId: id,
  /** The depositor: a supplier company or the lessor (the parties a bank can finance). */
  owner: companyOf(MSP.supplier, `must be ${MSP.lessor} or a supplier company ${MSP.supplier}:<id>`, MSP.lessor),
  goods: z.array(equipmentItem).min(1, 'must list at least one item').max(100, 'must list at most 100 items'),
  value: positiveAmount,
  location: text(200),
  orderId: id.optional(),
});

export const receiptRef = z.object({ receiptId: id });
