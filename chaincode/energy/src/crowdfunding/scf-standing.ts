/**
 * Reads a fundraiser's credit standing from the `scf` channel inside an energy
 * transaction: a chaincode-to-chaincode query of scf's `credit:Standing` on the
 * endorsing peer. The score is computed on scf (from lease behaviour there and
 * the energy facts relayed to it), and energy cannot compute it. Only the peers
 * of orgs on both channels (BankMSP, LessorMSP, SupplierMSP, RegulatorMSP) can
 * answer; PlatformMSP's and GridMSP's peers refuse to endorse, and the gateway
 * takes another pair of endorsers. The caller supplies no figure: each endorser
 * reads its own committed scf state, so whoever submits cannot forge a standing.
 */
import { ConflictError, fromBytes, NotFoundError, type DecContext } from '@dec/chaincode-kit';
import { decoder } from '@dec/chaincode-kit/core';
import { z } from 'zod';

export const SCF_SOURCE = { channel: 'scf', chaincode: 'scf', standing: 'credit:Standing' } as const;

/** What scf's `credit:Standing` answers, as far as energy relies on it (never the score itself). */
export const scfStanding = z.object({
  eid: z.string(),
  subject: z.string(),
  meets: z.boolean(),
  minimum: z.number().int(),
  rulesVersion: z.number().int(),
  method: z.string(),
  factCount: z.number().int().min(0),
  scoreTxId: z.string(),
});
export type ScfStanding = z.infer<typeof scfStanding>;
const decodeScfStanding = decoder(scfStanding, 'scf credit standing');

function refusal(eid: string, message: string): Error {
  if (message.includes('NOT_FOUND')) return new NotFoundError('scf party bound to energy eID', eid);
  return new ConflictError(`the scf credit standing could not be read on this peer (its org must be on both channels): ${message}`);
}

export async function readScfStanding(ctx: DecContext, eid: string): Promise<ScfStanding> {
  let answer: { status: number; message?: string; payload?: Uint8Array };
  try {
    answer = await ctx.stub.invokeChaincode(SCF_SOURCE.chaincode, [SCF_SOURCE.standing, JSON.stringify({ eid })], SCF_SOURCE.channel);
  } catch (e) {
    throw refusal(eid, e instanceof Error ? e.message : String(e));
  }
  if (answer.status !== 200) throw refusal(eid, answer.message ?? `status ${String(answer.status)}`);
  const standing = decodeScfStanding(fromBytes(answer.payload ?? new Uint8Array()));
  if (standing.eid !== eid) throw new ConflictError(`the scf ledger answered the standing of ${standing.eid} for ${eid}`);
  return standing;
}
