/**
 * Names of submissions as the file system holds them: bytes. Most are UTF-8 and are used as
 * they are; a name that is not (an upload named in Latin-1, say) is shown with each byte
 * that is not part of a UTF-8 character written as `\xNN`, so no two names collapse into one
 * and none is lost, and the bytes are kept to open it.
 */
export interface EntryName {
  /** The name as shown: in the grades, the summary and the messages. */
  shown: string;
  /** The raw bytes, only when they are not UTF-8. */
  raw?: Uint8Array;
}

const strict = new TextDecoder('utf-8', { fatal: true });

export function entryName(bytes: Buffer): EntryName {
  try {
    return { shown: strict.decode(bytes) };
  } catch {
    return { shown: escapeInvalid(bytes), raw: new Uint8Array(bytes) };
  }
}

function escapeInvalid(bytes: Buffer): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const n = sequenceLength(bytes[i]);
    if (n > 0 && i + n <= bytes.length) {
      try {
        out += strict.decode(bytes.subarray(i, i + n));
        i += n;
        continue;
      } catch {
        // not a character: escaped below, one byte at a time
      }
    }
    out += `\\x${bytes[i].toString(16).padStart(2, '0')}`;
    i++;
  }
  return out;
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}
