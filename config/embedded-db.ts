/** What the embedded database launcher needs from the environment (mongodb-memory-server's own knobs). */
export interface EmbeddedDbSettings {
  /** Where a missing mongod would be downloaded from (probed once, with a deadline, before trying). */
  downloadOrigin: string;
  /** MONGOMS_RUNTIME_DOWNLOAD=false: never download a mongod. */
  runtimeDownload: boolean;
  /** Behind a proxy the probe cannot tell reachability; let the download try. */
  behindProxy: boolean;
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'];

export function readEmbeddedDbSettings(env: NodeJS.ProcessEnv): EmbeddedDbSettings {
  const explicit = env.MONGOMS_DOWNLOAD_URL;
  return {
    downloadOrigin: new URL(explicit || env.MONGOMS_DOWNLOAD_MIRROR || 'https://fastdl.mongodb.org').origin,
    runtimeDownload: !/^(0|false|off|no)$/i.test(env.MONGOMS_RUNTIME_DOWNLOAD ?? ''),
    behindProxy: PROXY_VARS.some((k) => !!env[k]),
  };
}
