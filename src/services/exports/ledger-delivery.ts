import type { Notifier } from '../delivery';
import { type AllLedgerDeps, LEDGER_FILES, type LedgerKind, ledgerBytes } from './ledgers';

export type LedgerDelivery =
  { via: 'file'; filename: string } | { via: 'link'; url: string; reason: 'callback' | 'size' };

/**
 * 导出: a ledger for one office member. Over the long connection it arrives as a file in their one-to-one chat
 * (uploaded by the outbox sender); otherwise the reply carries the console's download link (signed in).
 */
export function createLedgerDelivery(
  d: AllLedgerDeps & {
    notify: Notifier;
    /** Files can be sent (the long connection is configured). */
    canSendFiles: boolean;
    /** Larger files are offered as a link (they wait in one outbox document). */
    maxFileBytes: number;
    consoleBaseUrl: () => string;
  },
) {
  const linkTo = (kind: LedgerKind, year: number) =>
    `${d.consoleBaseUrl()}/api/console/exports/${LEDGER_FILES[kind]}?year=${year}`;
  return {
    /** `key` is the request's idempotency key (the inbound message id): a redelivery sends no second file. */
    async deliver(kind: LedgerKind, year: number, userid: string, key: string, now: Date): Promise<LedgerDelivery> {
      if (!d.canSendFiles) return { via: 'link', url: linkTo(kind, year), reason: 'callback' };
      const file = await ledgerBytes(d, kind, year, now);
      if (file.bytes.length > d.maxFileBytes) return { via: 'link', url: linkTo(kind, year), reason: 'size' };
      await d.notify.fileToUser(key, userid, file);
      return { via: 'file', filename: file.filename };
    },
  };
}

export type LedgerDeliveryService = ReturnType<typeof createLedgerDelivery>;
