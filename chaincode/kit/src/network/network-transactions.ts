/**
 * The transactions of the `network` contract every DEC chaincode carries
 * (liveness and identity checks), as a transaction map: the contract registers
 * from it and clients build their routes from it. Anyone on the channel may call them.
 */
import { z } from 'zod';
import type { CallerView } from '../identity/caller';
import { defineTransactions, type AccessTable } from '../transactions/spec';
import { KEY_TEXT, KEY_TEXT_MESSAGE, KEY_TEXT_PATTERN, statedPattern } from '../validation/stated';

export const probeInput = z.object({
  note: z.string().max(200, 'must be at most 200 characters').optional(),
});

export const lastProbeInput = z.strictObject({
  mspId: z.string().regex(/^[A-Za-z0-9]+$/, 'must be an MSP ID'),
});

/** Text that can be a composite-key part: not empty, no U+0000 or U+10FFFF (stated as a pattern). */
const keyText = (max: number) =>
  statedPattern(z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`).regex(KEY_TEXT, KEY_TEXT_MESSAGE), KEY_TEXT_PATTERN);

export const keyHistoryInput = z.strictObject({
  objectType: keyText(128),
  attributes: z.array(keyText(1024)).max(16, 'must list at most 16 attributes'),
});

/** The only grant of the network contract: every identity the channel admits. */
export const ANY_MEMBER = 'any channel member';

/** Access of the network contract: open to the channel; the actor is the caller as the chaincode sees it. */
export const OPEN_ACCESS: AccessTable<typeof ANY_MEMBER, CallerView> = {
  authorize: (caller) => caller,
  describe: (grants) => grants,
};

export const NETWORK_TRANSACTIONS = defineTransactions({
  argument: 'request',
  access: OPEN_ACCESS,
  transactions: {
    'network:Info': { kind: 'evaluate', summary: 'Chaincode name, version and channel', grants: ANY_MEMBER },
    'network:WhoAmI': { kind: 'evaluate', summary: 'MSP, certificate ID and CA attributes of the caller, as chaincode sees them', grants: ANY_MEMBER },
    'network:Probe': { kind: 'submit', input: probeInput, summary: 'Commit a liveness record for the caller\'s org', grants: ANY_MEMBER },
    'network:LastProbe': { kind: 'evaluate', input: lastProbeInput, positional: ['mspId'], summary: 'The last liveness record of an org', grants: ANY_MEMBER },
    'network:Beacon': { kind: 'submit', input: probeInput, summary: 'Blind-write a beacon record (one new key, no reads)', grants: ANY_MEMBER },
    'network:KeyHistory': { kind: 'evaluate', input: keyHistoryInput, summary: 'Every committed version of one composite key, newest first', grants: ANY_MEMBER },
  },
});
