/**
 * The relay's checkpoint: the next block to read, in a small JSON file written
 * atomically (write, then rename). It is written after a block's claims are
 * recorded on scf; a crash before that replays the block, which the scf
 * chaincode answers with "already recorded", so nothing is recorded twice.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export function readCheckpoint(file: string): bigint {
  if (!existsSync(file)) return 0n;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { nextBlock?: unknown };
  if (typeof parsed.nextBlock !== 'string' || !/^[0-9]+$/.test(parsed.nextBlock)) throw new Error(`checkpoint ${file} is malformed`);
  return BigInt(parsed.nextBlock);
}

export function writeCheckpoint(file: string, nextBlock: bigint): void {
  writeFileSync(`${file}.tmp`, JSON.stringify({ nextBlock: nextBlock.toString() }));
  renameSync(`${file}.tmp`, file);
}
