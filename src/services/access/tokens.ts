import { createHash, randomBytes } from 'node:crypto';

/** sha256 (hex) of a secret token: what the database keeps instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 32 random bytes, base64url: a sign-in link token, a session token, a CSRF token or an OAuth state. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The shape of every token above: 32 bytes in base64url. Anything else is refused before a read. */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
