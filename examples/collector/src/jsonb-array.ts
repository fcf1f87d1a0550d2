// Responses handed to the database as one `jsonb[]` parameter in PostgreSQL's binary format: the
// database parses each answer's JSON on its own instead of one JSON array of them all (4,000
// answers parsed as one `jsonb` array, then taken apart, took a quarter longer). Both drivers send
// a byte array as a binary parameter.

/** `jsonb`'s type id, and the version byte that starts its binary form. */
const JSONB = 3802;
const JSONB_VERSION = 1;

/** The JSON texts (each one value, e.g. a response) as a binary `jsonb[]` parameter. */
export function jsonbArray(texts: readonly string[]): Uint8Array<ArrayBuffer> {
  // Header: dimensions, flags (no nulls), element type; per dimension: length, lower bound.
  const header = texts.length === 0 ? 12 : 20;
  const lengths = texts.map((text) => Buffer.byteLength(text));
  // Its own memory, never a slice of Node's shared pool: the import's reader hands it to the main
  // thread by transferring that memory. Every byte is written below.
  const bytes = Buffer.allocUnsafeSlow(header + lengths.reduce((sum, length) => sum + 5 + length, 0));
  bytes.writeInt32BE(texts.length === 0 ? 0 : 1, 0);
  bytes.writeInt32BE(0, 4);
  bytes.writeUInt32BE(JSONB, 8);
  if (texts.length > 0) {
    bytes.writeInt32BE(texts.length, 12);
    bytes.writeInt32BE(1, 16);
  }
  let offset = header;
  texts.forEach((text, i) => {
    const length = lengths[i] as number;
    // Each element: its length in bytes, then the version byte and the JSON text (UTF-8).
    bytes.writeInt32BE(1 + length, offset);
    bytes[offset + 4] = JSONB_VERSION;
    bytes.write(text, offset + 5, length);
    offset += 5 + length;
  });
  return bytes;
}
