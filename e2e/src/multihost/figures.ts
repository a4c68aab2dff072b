/** The suite's measured figures, printed as they are taken (never asserted: timings vary with the machine). */
export function figure(what: string, value: string): void {
  process.stdout.write(`      [figure] ${what}: ${value}\n`);
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
