/** The stars of one rating (1-5): apart from ratings.ts so that input schemas load without the chaincode runtime. */
import { z } from 'zod';

export const starsSchema = z.number().int('must be an integer').min(1, 'must be at least 1').max(5, 'must be at most 5');
