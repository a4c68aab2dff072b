/** Progress output: every step says what it does and how long it took. */
const started = Date.now();

const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

export function say(message: string): void {
  process.stdout.write(`[${elapsed().padStart(6)}] ${message}\n`);
}

export async function step<T>(title: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  say(`${title} ...`);
  const value = await fn();
  say(`${title}: done in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  return value;
}

/** An error whose message tells the user what to do next. */
export class UserFacingError extends Error {
  constructor(message: string, readonly hint: string) {
    super(`${message}\n  -> ${hint}`);
    this.name = 'UserFacingError';
  }
}
