/**
 * What a chaincode function returns, as a client reads it: chaincode in this
 * consortium returns JSON, a few functions plain text, some nothing at all.
 */

/** JSON when the bytes are JSON, the text otherwise, `null` for no bytes. */
export function decodeResult(bytes: Uint8Array): unknown {
  const text = Buffer.from(bytes).toString('utf8');
  if (text.length === 0) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
