import type Exifr from 'exifr';
import type Sharp from 'sharp';

// Loaded on the first picture: starting the bot (or a test file) does not pay for the native library.
const loadSharp = async (): Promise<typeof Sharp> => (await import('sharp')).default;
const loadExifr = async (): Promise<typeof Exifr> => (await import('exifr')).default;

export interface Inspected {
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  gps?: { lat: number; lon: number };
  /** A small JPEG, upright, without metadata: what lists show. */
  thumb: Buffer;
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// A phone photo is well under this; a "decompression bomb" (tiny file, huge canvas) is refused.
const MAX_PIXELS = 50_000_000;

/** The type by the first bytes, never by a name or a header. */
export function sniffImage(bytes: Buffer): Inspected['mime'] | undefined {
  if (bytes.subarray(0, 3).equals(JPEG)) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(PNG)) return 'image/png';
  return undefined;
}

async function gpsOf(bytes: Buffer): Promise<Inspected['gps']> {
  try {
    const exifr = await loadExifr();
    const gps = (await exifr.gps(bytes)) as { latitude?: number; longitude?: number } | undefined;
    if (gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude))
      return { lat: gps.latitude as number, lon: gps.longitude as number };
  } catch {
    // Broken EXIF is common and harmless: the photo is kept without a location.
  }
  return undefined;
}

/**
 * A real JPEG or PNG that decodes to the end (the thumbnail is made from the whole image), or undefined.
 * Reads the EXIF location for the office.
 */
export async function inspectImage(bytes: Buffer, thumbPx: number): Promise<Inspected | undefined> {
  const mime = sniffImage(bytes);
  if (!mime) return undefined;
  const sharp = await loadSharp();
  try {
    const image = sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_PIXELS });
    const meta = await image.metadata();
    if ((mime === 'image/jpeg' ? 'jpeg' : 'png') !== meta.format || !meta.width || !meta.height) return undefined;
    const thumb = await image
      .rotate()
      .resize(thumbPx, thumbPx, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 78 })
      .toBuffer();
    const upright = (meta.orientation ?? 1) >= 5;
    return {
      mime,
      width: upright ? meta.height : meta.width,
      height: upright ? meta.width : meta.height,
      gps: mime === 'image/jpeg' ? await gpsOf(bytes) : undefined,
      thumb,
    };
  } catch {
    return undefined;
  }
}

/** The photo as shown to anyone but the office: upright, re-encoded, without EXIF (no location). */
export async function withoutMetadata(bytes: Buffer, mime: Inspected['mime']): Promise<Buffer> {
  const sharp = await loadSharp();
  const image = sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate();
  return mime === 'image/png' ? image.png().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}
