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
import { decodeEnergyAssignment, decodeEnergyParticipant, type EnergyAssignment, type EnergyParticipant } from './state';

export const ENERGY_SOURCE = { channel: 'energy', chaincode: 'energy', getAssignment: 'market:GetAssignment', getParticipant: 'identity:Get' } as const;

function refusal(what: string, id: string, message: string): Error {
  if (message.includes('NOT_FOUND')) return new NotFoundError(what, id);
  return new ConflictError(`the energy ledger could not be read on this peer: ${message}`);
}

/** Evaluates `fn` of the energy chaincode on this peer; its JSON answer, or NOT_FOUND / CONFLICT. */
export async function queryEnergy(ctx: DecContext, fn: string, input: object, what: string, id: string): Promise<unknown> {
  let answer: { status: number; message?: string; payload?: Uint8Array };
  try {
    answer = await ctx.stub.invokeChaincode(ENERGY_SOURCE.chaincode, [fn, JSON.stringify(input)], ENERGY_SOURCE.channel);
  } catch (e) {
    throw refusal(what, id, e instanceof Error ? e.message : String(e));
  }
  if (answer.status !== 200) throw refusal(what, id, answer.message ?? `status ${String(answer.status)}`);
  return fromBytes(answer.payload ?? new Uint8Array());
}

/** The participant holding an energy eID (the beneficiary of an assignment). */
export async function readEnergyParticipant(ctx: DecContext, eid: string): Promise<EnergyParticipant> {
  const record = decodeEnergyParticipant(await queryEnergy(ctx, ENERGY_SOURCE.getParticipant, { eid }, 'energy participant', eid));
  if (record.eid !== eid) throw new ConflictError(`the energy ledger answered participant ${record.eid} for ${eid}`);
  return record;
}

export async function readEnergyAssignment(ctx: DecContext, assignmentId: string): Promise<EnergyAssignment> {
  const record = decodeEnergyAssignment(await queryEnergy(ctx, ENERGY_SOURCE.getAssignment, { assignmentId }, 'energy assignment', assignmentId));
  if (record.id !== assignmentId) throw new ConflictError(`the energy ledger answered assignment ${record.id} for ${assignmentId}`);
  return record;
}
