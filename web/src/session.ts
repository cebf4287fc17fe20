import { reactive } from 'vue';
import type { SessionInfo } from '@contracts';
import { authApi } from './api/auth';

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
    session.info = await authApi.session();
  } catch {
    session.info = null;
  }
  session.loaded = true;
  return session.info;
}
