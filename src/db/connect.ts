import type { ConnectOptions } from 'mongoose';

export interface DatabaseTunables {
  serverSelectionTimeoutMs: number;
  heartbeatMs: number;
}

/**
 * Connection options shared by the bot and the command-line tools. Server selection is bounded so an
 * unreachable database fails a command within WeCom's reply deadline, and mongoose does not queue
 * commands while disconnected (it would hold them for 10 s and answer nothing in time).
 */
export function connectionOptions(dbName: string, t: DatabaseTunables): ConnectOptions {
  return {
    dbName,
    autoIndex: false,
    bufferCommands: false,
    serverSelectionTimeoutMS: t.serverSelectionTimeoutMs,
    heartbeatFrequencyMS: t.heartbeatMs,
  };
}
