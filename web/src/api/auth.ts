import type { SessionInfo, SignInOptions } from '@contracts';
import { http } from './request';

// Who is signed in, how one signs in, signing out.
export const authApi = {
  session: () => http.get<SessionInfo>('/session'),
  signInOptions: () => http.get<SignInOptions>('/login-options'),
  signOut: () => http.post('/logout'),
};
