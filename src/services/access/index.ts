// The access domain: one-time sign-in links and console sessions for office staff and deputies.
export {
  type ConsoleAuth,
  type ConsoleAuthLimits,
  type ConsoleRole,
  type ConsoleSessionView,
  createConsoleAuth,
  hashToken,
  newToken,
} from './console-auth';
