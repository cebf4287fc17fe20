import { exportHeaders } from '../../messages/exports';
import type { ColumnKind, ColumnSpec } from './xlsx-stream';

/** A column by its header key (src/messages/exports.ts), its width and kind. */
export const column = (key: string, width: number, kind?: ColumnKind): ColumnSpec => ({
  header: exportHeaders[key] ?? key,
  width,
  kind,
});
