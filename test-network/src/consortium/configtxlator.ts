/**
 * configtxlator, run as the local binary (no REST server to leave running):
 * protobuf <-> JSON for blocks, configs, updates and envelopes, and the delta
 * between two configs. Every config change in this folder goes through here,
 * so what is signed is exactly what Fabric's own tool encoded.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../exec';
import { bin } from '../paths';

export type ProtoType = 'common.Block' | 'common.Config' | 'common.ConfigUpdate' | 'common.Envelope';

/** Decodes a protobuf file into its JSON form. */
export async function decodeFile(type: ProtoType, file: string): Promise<unknown> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dec-ctl-'));
  try {
    const out = path.join(dir, 'out.json');
    await run(bin('configtxlator'), ['proto_decode', '--type', type, '--input', file, '--output', out]);
    return JSON.parse(readFileSync(out, 'utf8')) as unknown;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Encodes a JSON value as protobuf into `outFile`. */
export async function encodeFile(type: ProtoType, value: unknown, outFile: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dec-ctl-'));
  try {
    const input = path.join(dir, 'in.json');
    writeFileSync(input, JSON.stringify(value));
    await run(bin('configtxlator'), ['proto_encode', '--type', type, '--input', input, '--output', outFile]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The ConfigUpdate that turns `original` into `updated` (both common.Config JSON),
 * or undefined when they do not differ.
 */
export async function computeUpdate(channel: string, original: unknown, updated: unknown): Promise<unknown> {
  const dir = mkdtempSync(path.join(tmpdir(), 'dec-ctl-'));
  try {
    const files = { original: path.join(dir, 'original.pb'), updated: path.join(dir, 'updated.pb'), update: path.join(dir, 'update.pb') };
    await encodeFile('common.Config', original, files.original);
    await encodeFile('common.Config', updated, files.updated);
    try {
      await run(bin('configtxlator'), ['compute_update', '--channel_id', channel, '--original', files.original, '--updated', files.updated, '--output', files.update]);
    } catch (e) {
      if (String(e).includes('no differences detected')) return undefined;
      throw e;
    }
    return await decodeFile('common.ConfigUpdate', files.update);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
