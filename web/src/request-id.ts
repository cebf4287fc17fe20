/**
 * A fresh id for one form submission (the server replays a retried request with the same id).
 * getRandomValues, not randomUUID: the latter is missing on a console served over plain http.
 */
export function newRequestId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
