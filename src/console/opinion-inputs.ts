import { z } from 'zod';
import { CASE_ACTIONS, COLOURS, DUE_FILTERS, OPINION_SOURCES, OPINION_STATUSES, RESOLUTIONS } from '../contracts';
import { t } from '../messages';
import { consoleFieldLabels } from '../messages/console';
import type { DeadlineChoice } from '../services/opinions';
import { endOfYmd } from '../time/workdays';
import { queryParam } from './errors';

// What the console's opinion routes accept: zod schemas for the list, the batch and each step on a case.

const text = (max: number) => queryParam(z.string().trim().max(max).optional());

const statusList = z.preprocess(
  (v) =>
    v === undefined || v === ''
      ? undefined
      : (Array.isArray(v) ? v : [v])
          .flatMap((s) => String(s).split(/[,，]/))
          .map((s) => s.trim())
          .filter(Boolean),
  z.array(z.enum(OPINION_STATUSES)).max(OPINION_STATUSES.length).optional(),
);

/** The list filters; the filtered export takes the same ones. */
export const filterSchema = z.object({
  year: queryParam(z.coerce.number().int().min(2000).max(2100).optional()),
  status: statusList,
  category: text(20),
  unit: text(40),
  source: queryParam(z.enum(OPINION_SOURCES).optional()),
  filer: text(64),
  due: queryParam(z.enum(DUE_FILTERS).optional()),
  colour: queryParam(z.enum(COLOURS).optional()),
  q: text(100),
  fullText: queryParam(z.enum(['0', '1', 'true', 'false']).optional()),
});

export const listSchema = filterSchema.extend({
  sort: queryParam(z.enum(['filedAt', 'code', 'deadline']).default('filedAt')),
  order: queryParam(z.enum(['asc', 'desc']).default('desc')),
  page: queryParam(z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: queryParam(z.coerce.number().int().min(1).max(100).default(20)),
});

export const myListSchema = z.object({ page: queryParam(z.coerce.number().int().min(1).max(10_000).default(1)) });

const version = z.number().int().min(0);
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A real calendar day (2026-02-30 is not one). */
const isDay = (s: string) => {
  const m = ISO_DAY.exec(s);
  // Not the shape at all: the regex has said so already.
  if (!m) return true;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
};
const deadlineChoice = {
  deadline: z
    .string()
    .trim()
    .regex(ISO_DAY)
    .refine(isDay, { message: t('formDate', { label: consoleFieldLabels.deadline ?? 'deadline' }) })
    .optional(),
  workdays: z.number().int().min(1).max(365).optional(),
};
const onlyOneDeadline = (b: { deadline?: string; workdays?: number }) => !(b.deadline && b.workdays !== undefined);
export const assignSchema = z
  .object({ unit: z.string().trim().min(1).max(40), ...deadlineChoice, version })
  .refine(onlyOneDeadline, { message: t('formDeadlineOrWorkdays'), path: ['deadline'] });
// 改派 may keep the unit and only move the deadline, as in the chat.
export const reassignSchema = z
  .object({ unit: z.string().trim().max(40).default(''), ...deadlineChoice, version })
  .refine(onlyOneDeadline, { message: t('formDeadlineOrWorkdays'), path: ['deadline'] });
export const answerSchema = (max: number) =>
  z.object({
    text: z.string().trim().min(1).max(max),
    resolution: z.enum(RESOLUTIONS),
    version,
  });
export const reasonSchema = (max: number) => z.object({ reason: z.string().trim().min(1).max(max), version });
export const versionOnly = z.object({ version });
export const reviewSchema = z.object({
  approve: z.boolean(),
  reason: z.string().trim().max(500).optional(),
  version,
});
export const categorySchema = z.object({ category: z.string().trim().min(1).max(20), version });
export const previewSchema = (max: number) =>
  z.object({ text: z.string().trim().max(max).default(''), resolution: z.enum(RESOLUTIONS).optional() });
export const batchSchema = (max: number) =>
  z
    .object({
      codes: z.array(z.string().trim().min(1).max(20)).min(1).max(max),
      unit: z.string().trim().min(1).max(40),
      ...deadlineChoice,
    })
    .refine(onlyOneDeadline, { message: t('formDeadlineOrWorkdays'), path: ['deadline'] });

// 跟踪: a day (the form's date) or working days, not both; 重办: the reason.
export const followUpSchema = z
  .object({ ...deadlineChoice, version })
  .refine((b) => onlyOneDeadline(b) && (b.deadline !== undefined || b.workdays !== undefined), {
    message: t('formDeadlineOrWorkdays'),
    path: ['deadline'],
  });
// The case page's steps (the contract's) and 改类别.
export const ACTIONS = [...CASE_ACTIONS, 'category'] as const;
export type Action = (typeof ACTIONS)[number];

/** The form's choice as the service takes it: a day (its end, in the app's zone), working days, or the default. */
export function deadlineOf(b: { deadline?: string; workdays?: number }, tz: string): DeadlineChoice {
  if (b.deadline) {
    const [, year, month, day] = ISO_DAY.exec(b.deadline)!.map(Number) as [number, number, number, number];
    return { date: endOfYmd({ year, month, day }, tz) };
  }
  if (b.workdays !== undefined) return { workdays: b.workdays };
  return 'default';
}
