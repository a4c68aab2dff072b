/**
 * Just enough protobuf wire format to handle config-update envelopes without
 * re-encoding what was signed. Admins sign the ConfigUpdate's exact bytes; a
 * JSON round trip through configtxlator may re-marshal them (map order), which
 * would void every signature. So signatures are lifted out of, and spliced
 * into, the envelope at the byte level:
 *   Envelope{1: payload}  Payload{1: header, 2: data}
 *   ConfigUpdateEnvelope{1: config_update, 2: repeated ConfigSignature}
 *   ConfigSignature{1: signature_header}  SignatureHeader{1: creator}
 *   SerializedIdentity{1: mspid}
 */

interface Field {
  number: number;
  /** Bytes of a length-delimited field; undefined for varints and fixed-width fields. */
  bytes?: Buffer;
}

function readVarint(buf: Buffer, at: number): { value: number; next: number } {
  let value = 0;
  let shift = 0;
  for (let i = at; i < buf.length; i++) {
    const byte = buf[i] ?? 0;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return { value, next: i + 1 };
    shift += 7;
  }
  throw new Error('truncated protobuf varint');
}

const FIXED_WIDTH: Record<number, number> = { 1: 8, 5: 4 };

function nextField(buf: Buffer, at: number): { field: Field; next: number } {
  const tag = readVarint(buf, at);
  const number = Math.floor(tag.value / 8);
  const wireType = tag.value % 8;
  if (wireType === 0) return { field: { number }, next: readVarint(buf, tag.next).next };
  if (wireType === 2) {
    const len = readVarint(buf, tag.next);
    const end = len.next + len.value;
    if (end > buf.length) throw new Error('truncated protobuf field');
    return { field: { number, bytes: buf.subarray(len.next, end) }, next: end };
  }
  const width = FIXED_WIDTH[wireType];
  if (width === undefined) throw new Error(`unsupported protobuf wire type ${wireType}`);
  return { field: { number }, next: tag.next + width };
}

/** Every field of a message, in order. */
export function fields(buf: Buffer): Field[] {
  const out: Field[] = [];
  for (let at = 0; at < buf.length; ) {
    const { field, next } = nextField(buf, at);
    out.push(field);
    at = next;
  }
  return out;
}

/** The bytes of every length-delimited field `number`. */
export function all(buf: Buffer, number: number): Buffer[] {
  return fields(buf).flatMap((f) => (f.number === number && f.bytes ? [f.bytes] : []));
}

/** The bytes of the one length-delimited field `number`. */
export function one(buf: Buffer, number: number, what: string): Buffer {
  const found = all(buf, number)[0];
  if (!found) throw new Error(`not a ${what}: field ${number} missing`);
  return found;
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v >= 0x80) {
    bytes.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

/** One length-delimited field. */
export function field(number: number, bytes: Buffer): Buffer {
  return Buffer.concat([varint(number * 8 + 2), varint(bytes.length), bytes]);
}
