import type { Logger } from 'pino';
import type { Config } from '../config';

export interface DeploymentWarning {
  check: 'push' | 'office' | 'console_url' | 'trust_proxy';
  message: string;
}

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1)$/i;

/**
 * Configurations that start but cannot work as a deployment expects: one warning each, so the
 * operator reads the cause in the first lines of the log instead of meeting it weeks later.
 */
export async function checkDeployment(d: {
  config: Config;
  officeUserIds: () => Promise<string[]>;
}): Promise<DeploymentWarning[]> {
  const { config } = d;
  const out: DeploymentWarning[] = [];
  const longConnection = Boolean(config.wecom.longConnection);
  if (!config.wecom.webhookKey && !longConnection) {
    out.push({
      check: 'push',
      message:
        'no way to push to the group: set WECOM_WEBHOOK_KEY (group robot webhook) or WECOM_BOT_ID and WECOM_BOT_SECRET (long connection); announcements, reminders and the digest cannot reach the group',
    });
  }
  if ((await d.officeUserIds()).length === 0) {
    out.push({
      check: 'office',
      message:
        'no office staff: OFFICE_USERIDS is empty and nobody on the roster is office staff; office commands (交办, 公告, 任务 …) have no one to use them',
    });
  }
  // Unset, links point at this process on loopback: nothing crosses the network.
  const url = new URL(config.consoleUrl ?? `http://127.0.0.1:${config.port}`);
  if (url.protocol !== 'https:' && !LOOPBACK_HOSTS.test(url.hostname)) {
    out.push({
      check: 'console_url',
      message: `CONSOLE_URL is not https (${url.protocol}//${url.host}): the console's sign-in would cross the network in clear text and the session cookie has no Secure flag; put it behind the HTTPS proxy`,
    });
  }
  // Reachable from other machines and believing X-Forwarded-For: safe only if just the proxy can connect and it
  // replaces the header (a proxy that appends lets a client choose the address the sign-in limit counts).
  if (config.trustProxy > 0 && !LOOPBACK_HOSTS.test(config.host)) {
    out.push({
      check: 'trust_proxy',
      message: `listening on ${config.host}:${config.port} and trusting ${config.trustProxy} X-Forwarded-For hop(s) (TRUST_PROXY): make sure only your reverse proxy can reach this port and that it sets the header to the client's address (nginx: proxy_set_header X-Forwarded-For $remote_addr;), or set TRUST_PROXY=0 when nothing is in front`,
    });
  }
  return out;
}

/** Logs each warning on its own line; a database that cannot answer yet is itself one line. */
export async function logDeploymentWarnings(check: () => Promise<DeploymentWarning[]>, log: Logger): Promise<void> {
  try {
    for (const w of await check()) log.warn({ check: w.check }, w.message);
  } catch (err) {
    log.warn({ err }, 'could not check the deployment configuration');
  }
}
