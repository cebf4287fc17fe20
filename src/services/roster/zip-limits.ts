import { inflateRawSync } from 'node:zlib';

// An .xlsx is a zip: a 2 MB upload can unpack to gigabytes. What the archive declares is read first (cheap, no
// unpacking); then each entry is unpacked with a cap at its declared size, so an archive that lies is caught too.

export interface ArchiveLimits {
  /** All entries together, unpacked. */
  maxUnpackedBytes: number;
  maxEntries: number;
}

export type ArchiveCheck = { ok: true } | { ok: false; problem: 'tooLarge' | 'notZip' };

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DEFLATE = 8;
const STORED = 0;

/** The central directory's entries; undefined when the bytes are not a zip this reader can follow. */
function centralDirectory(data: Buffer, maxEntries: number): Entry[] | 'tooMany' | undefined {
  // The end record is the last 22 bytes, plus a comment of at most 65,535 bytes.
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = data.readUInt16LE(end + 10);
  if (count > maxEntries) return 'tooMany';
  const size = data.readUInt32LE(end + 12);
  const offset = data.readUInt32LE(end + 16);
  // Zip64 marks these 0xffffffff: past the end of a 2 MB upload, so refused here.
  if (offset + size > data.length) return undefined;
  const entries: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL) return undefined;
    entries.push({
      method: data.readUInt16LE(p + 10),
      compressedSize: data.readUInt32LE(p + 20),
      size: data.readUInt32LE(p + 24),
      localOffset: data.readUInt32LE(p + 42),
    });
    p += 46 + data.readUInt16LE(p + 28) + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
  }
  return entries;
}

/** What the archive says about itself: entry count and total unpacked size within the limits. No unpacking. */
export function checkDeclaredArchive(data: Buffer, limits: ArchiveLimits): ArchiveCheck {
  const entries = centralDirectory(data, limits.maxEntries);
  if (entries === 'tooMany') return { ok: false, problem: 'tooLarge' };
  if (!entries) return { ok: false, problem: 'notZip' };
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  return total > limits.maxUnpackedBytes ? { ok: false, problem: 'tooLarge' } : { ok: true };
}

/** The declared check, then every entry unpacked with its declared size as the cap (an entry that says less is refused). */
export function checkArchive(data: Buffer, limits: ArchiveLimits): ArchiveCheck {
  const declared = checkDeclaredArchive(data, limits);
  if (!declared.ok) return declared;
  for (const e of centralDirectory(data, limits.maxEntries) as Entry[]) {
    if (e.localOffset + 30 > data.length || data.readUInt32LE(e.localOffset) !== LOCAL)
      return { ok: false, problem: 'notZip' };
    const start = e.localOffset + 30 + data.readUInt16LE(e.localOffset + 26) + data.readUInt16LE(e.localOffset + 28);
    if (start + e.compressedSize > data.length) return { ok: false, problem: 'notZip' };
    if (e.method === STORED && e.compressedSize !== e.size) return { ok: false, problem: 'tooLarge' };
    if (e.method !== DEFLATE) continue;
    try {
      inflateRawSync(data.subarray(start, start + e.compressedSize), { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, problem: 'tooLarge' };
      return { ok: false, problem: 'notZip' };
    }
  }
  return { ok: true };
}
