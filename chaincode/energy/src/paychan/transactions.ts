/**
 * The payment-channel lines of the energy transaction map (spread into
 * src/transactions.ts): who may call each `paychan:` transaction.
 */
import { ANYONE } from '../access/policy';
import * as i from './inputs';

const PARTY = "the holder of `by`, the channel's user or provider";

export const PAYCHAN_TRANSACTIONS = {
  'paychan:Open': { kind: 'submit', input: i.openInput, grants: ANYONE, rule: 'the holder of the user, with a DEC deposit; the provider has role service-provider', summary: "Open a payment channel to a provider: the user's DECC deposit is locked, its P-256 proof key recorded" },
  'paychan:Join': { kind: 'submit', input: i.joinInput, grants: ANYONE, rule: 'the holder of the provider', summary: "The provider joins a channel with its proof key (and an optional deposit): the channel is open" },
  'paychan:CooperativeClose': { kind: 'submit', input: i.cooperativeCloseInput, grants: ANYONE, rule: "the holder of the user or the provider; both parties' signatures of the final state", summary: 'Close with a final state signed by both: settles at once' },
  'paychan:Close': { kind: 'submit', input: i.closeInput, grants: ANYONE, rule: PARTY, summary: 'Close unilaterally with the latest proof held: starts the challenge window (a never-joined channel is withdrawn at once)' },
  'paychan:Update': { kind: 'submit', input: i.updateInput, grants: ANYONE, rule: PARTY, summary: 'During the challenge window, submit a proof with a higher nonce: the latest proof wins' },
  'paychan:Settle': { kind: 'submit', input: i.settleInput, grants: ANYONE, rule: "after the window: the holder of `by` or the platform operator; before it: only the holder of the party that did not close", summary: 'Pay a closing channel out once, by its latest proof' },
  'paychan:Get': { kind: 'evaluate', input: i.channelInput, grants: ANYONE, rule: 'a reader of the user or the provider', summary: 'A payment channel' },
} as const;
