/**
 * Submission lanes: the gateway submits the transactions of one lane (one
 * debited account, as the chaincode's map names it) one after another, each
 * waiting until the previous one has committed. Concurrent debits of one
 * account would otherwise all read the same balance version and all but one
 * fail MVCC at commit; in a lane each sees the balance the last one left, so
 * a client gets either a commit or the chaincode's own refusal (insufficient
 * funds), never a conflict it could not act on. Lanes of different accounts
 * run in parallel; a lane costs its account one commit per transaction.
 */
export class Lanes {
  private readonly tails = new Map<string, Promise<void>>();

  /** Waits for the lane's earlier holders; the returned function lets the next one in (call it exactly once). */
  async enter(lane: string): Promise<() => void> {
    const previous = this.tails.get(lane) ?? Promise.resolve();
    let release = (): void => undefined;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(lane, tail);
    void tail.then(() => {
      if (this.tails.get(lane) === tail) this.tails.delete(lane);
    });
    await previous;
    return release;
  }

  /** Lanes with a holder or a waiter (for metrics and tests). */
  get busy(): number {
    return this.tails.size;
  }
}
