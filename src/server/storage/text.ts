/**
 * Bytes ⇄ text without losing a byte: UTF-8 when the bytes are valid UTF-8 (a BOM is kept as
 * U+FEFF), otherwise latin1, which maps every byte to one code unit, so `encode(decode(bytes))` is
 * always the same bytes. The encoding travels with the text and is used again to write it out.
 * One rule for the panel and the `netstage` command, so both agree on every file.
 */
import { createHash } from 'node:crypto';

export type TextEncodingName = 'utf8' | 'latin1';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decode(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  try {
    return { text: utf8.decode(bytes), encoding: 'utf8' };
  } catch {
    return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'), encoding: 'latin1' };
  }
}

export function encode(text: string, encoding: TextEncodingName): Buffer {
  return Buffer.from(text, encoding);
}

/** Lower-case hex SHA-256 of `bytes`: the digest clients send back to prove what they edited. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
