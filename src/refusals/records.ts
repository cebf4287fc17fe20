import type { RefusalSpec } from './spec';

// The yearly records' refusals (履职, 述职): a block of their own, spread into the catalogue beside the others.

export interface RecordsRefusalFields {
  /** A year before records began or after the current one. */
  'records.badYear': { year: number; from: number; current: number };
  /** 述职 for someone the roster does not know. */
  'records.notOnRoster': Record<string, never>;
}

export type RecordsRefusalCode = keyof RecordsRefusalFields;

export const RECORDS_REFUSALS: { readonly [C in RecordsRefusalCode]: RefusalSpec } = {
  'records.badYear': { kind: 'invalid', field: 'year' },
  'records.notOnRoster': { kind: 'notFound' },
};
