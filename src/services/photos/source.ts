/** Where a picture comes from, as the transports hand it over (see InboundImage in the dispatcher's contract). */
export type PhotoRef = { url: string; aeskey?: string } | { mediaId: string };

/** Why a picture could not be taken; each reason has its own Chinese line. */
export type PhotoRefusal =
  'tooLarge' | 'unavailable' | 'timeout' | 'undecryptable' | 'notImage' | 'tooMany' | 'appChannel' | 'failed';

/** A picture that could not be fetched or read; nothing was stored. */
export class PhotoRefused extends Error {
  constructor(
    readonly reason: PhotoRefusal,
    detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** Fetches a picture's plain bytes (the WeCom side: download, size cap, timeout, decryption). */
export interface PhotoSource {
  fetch(ref: PhotoRef): Promise<Buffer>;
}
