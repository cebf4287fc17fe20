import { refuse } from '../../refusals';
import type { FileDelivery, FileDeliveryService } from '../delivery';
import type { Performance } from './performance';

/** 述职: one deputy's draft (.docx) for the person who asked, as a file where one can reach them, else the link. */
export function createReportDelivery(d: {
  files: FileDeliveryService;
  performance: Performance;
  /** The console's download of the draft (signed in as the deputy or the office). */
  reportUrl: (userid: string, year: number) => string;
}) {
  return {
    /** `to` is the deputy themself, or the office member who asked; `key` is the request's idempotency key. */
    async deliver(o: { deputy: string; year: number; to: string; key: string }): Promise<FileDelivery> {
      d.performance.checkYear(o.year);
      return d.files.deliver({
        key: o.key,
        userid: o.to,
        url: d.reportUrl(o.deputy, o.year),
        file: async () => {
          const report = await d.performance.reportFor(o.deputy, o.year);
          if (!report) refuse('records.notOnRoster', {});
          return { filename: report.fileName, bytes: report.docx };
        },
      });
    },
  };
}

export type ReportDelivery = ReturnType<typeof createReportDelivery>;
