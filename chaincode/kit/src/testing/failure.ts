/** The error a transaction (or any promise) fails with; fails the test when it succeeds or rejects with a non-Error. */
export async function failure(outcome: Promise<unknown>, what = 'the call'): Promise<Error> {
  const err = await outcome.then(
    () => undefined,
    (e: unknown) => e ?? null,
  );
  if (err === undefined) throw new Error(`${what} was expected to fail`);
  if (!(err instanceof Error)) throw new Error(`${what} failed with a non-Error: ${JSON.stringify(err)}`);
  return err;
}
