import type { FileDelivery, FileDeliveryService } from '../delivery';
import { type AllLedgerDeps, LEDGER_FILES, type LedgerKind, ledgerBytes } from './ledgers';

/** 导出: a ledger for one office member, as a file where one can reach them (see FileDelivery), else the link. */
export function createLedgerDelivery(d: AllLedgerDeps & { files: FileDeliveryService; consoleBaseUrl: () => string }) {
  return {
    /** `key` is the request's idempotency key (the inbound message id): a redelivery sends no second file. */
    deliver(kind: LedgerKind, year: number, userid: string, key: string, now: Date): Promise<FileDelivery> {
      return d.files.deliver({
        key,
        userid,
        url: `${d.consoleBaseUrl()}/api/console/exports/${LEDGER_FILES[kind]}?year=${year}`,
        file: () => ledgerBytes(d, kind, year, now),
      });
    },
  };
}

export type LedgerDeliveryService = ReturnType<typeof createLedgerDelivery>;
