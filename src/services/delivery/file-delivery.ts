import type { Config } from '../../../config';
import type { Notifier } from './notify';
import type { FileChannel } from './outbox';

/** The long connection when it is configured, else the self-built app when it can send; else none (a link). */
export function fileChannelOf(config: Config): FileChannel | undefined {
  if (config.wecom.longConnection) return 'long-connection';
  return appCanSend(config) ? 'app' : undefined;
}

/** The self-built app can send messages to people (corp id, secret and agent id are configured). */
export function appCanSend(config: Config): boolean {
  const w = config.wecom;
  return Boolean(w.corpId && w.corpSecret && w.agentId);
}

export type FileDelivery =
  { via: 'file'; filename: string; url: string } | { via: 'link'; url: string; reason: 'no-channel' | 'size' };

/**
 * The one place that decides "file or link" for whatever the chat hands out (导出's ledgers, 述职's draft):
 * the file through the outbox when a channel can carry it, the console link (signed in) otherwise. The link
 * comes back with a file too, so the reply can offer it in case the file does not arrive.
 */
export function createFileDelivery(d: { notify: Notifier; channel: FileChannel | undefined; maxFileBytes: number }) {
  return {
    canSendFiles: d.channel !== undefined,
    /** `key` is the request's idempotency key (the inbound message id): a redelivery sends no second file. */
    async deliver(o: {
      key: string;
      userid: string;
      url: string;
      file: () => Promise<{ filename: string; bytes: Buffer }>;
    }): Promise<FileDelivery> {
      if (!d.channel) return { via: 'link', url: o.url, reason: 'no-channel' };
      const file = await o.file();
      // Larger files wait in no outbox document (MongoDB's 16 MB): they are offered as the link.
      if (file.bytes.length > d.maxFileBytes) return { via: 'link', url: o.url, reason: 'size' };
      await d.notify.fileToUser(o.key, o.userid, file);
      return { via: 'file', filename: file.filename, url: o.url };
    },
  };
}

export type FileDeliveryService = ReturnType<typeof createFileDelivery>;
