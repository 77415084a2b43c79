/**
 * Bytes ⇄ text without losing a byte. The decoding rule (UTF-8 when valid, else latin1) is the
 * CLI's, shared so the panel and `netstage edit` agree on every file.
 */
import { createHash } from 'node:crypto';

export { decode, encode, type TextEncodingName } from '../../cli/io';

/** Lower-case hex SHA-256 of `bytes`: the digest clients send back to prove what they edited. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
