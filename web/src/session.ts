import { reactive } from 'vue';
import type { SessionInfo } from './types';

/** Who is signed in; loaded once, cleared on 401 or sign-out. */
export const session = reactive<{ info: SessionInfo | null; loaded: boolean; signedOut(): void }>({
  info: null,
  loaded: false,
  signedOut() {
    session.info = null;
    session.loaded = true;
  },
});

export async function loadSession(): Promise<SessionInfo | null> {
  if (session.loaded) return session.info;
  try {
    const res = await fetch('/api/console/session', {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    session.info = res.ok ? ((await res.json()) as SessionInfo) : null;
  } catch {
    session.info = null;
  }
  session.loaded = true;
  return session.info;
}
