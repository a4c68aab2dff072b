/**
 * Reads the `energy` channel's committed state from inside an scf transaction:
 * a chaincode-to-chaincode query of `market:GetAssignment` on channel `energy`.
 * The endorsing peer must hold both channels and have the energy chaincode
 * installed (README: every scf org's peer does). Fabric runs a cross-channel
 * call as a query: nothing is written on `energy`, and the read is not part of
 * the scf transaction's MVCC check, so scf relies only on what can never go
 * back (an assignment's `paid` only grows).
 */
import { ConflictError, fromBytes, NotFoundError, type DecContext } from '@dec/chaincode-kit';
import { decodeEnergyAssignment, type EnergyAssignment } from './state';

export const ENERGY_SOURCE = { channel: 'energy', chaincode: 'energy', getAssignment: 'market:GetAssignment' } as const;

function refusal(assignmentId: string, message: string): Error {
  if (message.includes('NOT_FOUND')) return new NotFoundError('energy assignment', assignmentId);
  return new ConflictError(`the energy ledger could not be read on this peer: ${message}`);
}

export async function readEnergyAssignment(ctx: DecContext, assignmentId: string): Promise<EnergyAssignment> {
  let answer: { status: number; message?: string; payload?: Uint8Array };
  try {
    answer = await ctx.stub.invokeChaincode(ENERGY_SOURCE.chaincode, [ENERGY_SOURCE.getAssignment, JSON.stringify({ assignmentId })], ENERGY_SOURCE.channel);
  } catch (e) {
    throw refusal(assignmentId, e instanceof Error ? e.message : String(e));
  }
  if (answer.status !== 200) throw refusal(assignmentId, answer.message ?? `status ${String(answer.status)}`);
  const record = decodeEnergyAssignment(fromBytes(answer.payload ?? new Uint8Array()));
  if (record.id !== assignmentId) throw new ConflictError(`the energy ledger answered assignment ${record.id} for ${assignmentId}`);
  return record;
}
