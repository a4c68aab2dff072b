/** A domain event produced by pure scf logic; operations pass these to ctx.emitAll. */
export interface ScfEvent {
  name: string;
  payload: Record<string, unknown>;
}
