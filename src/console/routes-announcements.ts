import type Router from '@koa/router';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import { readAnnouncementTime } from '../commands/announce-time';
import { UserError } from '../errors';
import { type MessageKey, t } from '../messages';
import { consoleFieldLabels } from '../messages/console';
import type { Services } from '../services';
import { isRefusal, type Refusal } from '../refusals';
import type { AnnouncementView } from '../services/bulletins';
import type { Actor } from '../services/roster';
import { formatCode, parseCode } from '../services/codes';
import { formatDateTime } from '../time/format';
import { yearOf } from '../time/zone';
import { fromRefusal, invalid, notFound, parseInput, refusalsOf } from './errors';
import { renderForConsole } from './refusals';
import { type Guard, jsonBody } from './session';
import type { Announcement, AnnouncementList, AnnouncementPreview, Sendable } from '../contracts';

export interface AnnouncementRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
}

// The service's refusals that belong to a field of the composer ('when' also stands for the date picker's 'at').
const FIELD_OF: Partial<Record<MessageKey, 'when'>> = {
  announceBadTime: 'when',
  announceNeedTime: 'when',
};

// Generous bounds: the service's own limit (in characters, with its Chinese sentence) decides.
const CONTENT = z.string().max(20_000);
const previewSchema = z
  .object({ content: CONTENT, mentionAll: z.boolean().default(false), when: z.string().max(60).optional() })
  .strict();
const sendSchema = z
  .object({
    content: CONTENT,
    mentionAll: z.boolean().default(false),
    /** Chinese natural language, read by the chat's parser. */
    when: z.string().trim().max(60).optional(),
    /** An instant from the date picker. */
    at: z.iso.datetime({ offset: true }).optional(),
    /** One per composed announcement: a retried click finds the first record instead of posting twice. */
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  })
  .strict();

/** A refusal of the announcements service as the composer shows it: on its field, or a 404. */
const refusing = refusalsOf({ fields: FIELD_OF });

/** 公告: the composer's preview, send now or at a time, the list, cancel — through the chat's service and notices. */
export function registerAnnouncementRoutes(router: Router, d: AnnouncementRoutesDeps): void {
  const { services, config, clock, guard } = d;
  const announcements = services.announcements;
  const tz = config.timezone;
  const json = (a: AnnouncementView) => announcementJson(a, tz);

  router.get(
    '/announcements',
    guard.office(async (ctx) => {
      const { scheduled, recent } = await announcements.list();
      ctx.body = { scheduled: scheduled.map(json), recent: recent.map(json) } satisfies Sendable<AnnouncementList>;
    }),
  );

  // A POST only because the text can be long; it writes nothing (the guard still wants the CSRF token).
  router.post(
    '/announcements/preview',
    guard.office(async (ctx, who) => {
      const b = parseInput(previewSchema, await jsonBody(ctx));
      ctx.body = await previewAnnouncement(d, who.actor, b);
    }),
  );

  router.post(
    '/announcements',
    guard.office(async (ctx, who) => {
      const b = parseInput(sendSchema, await jsonBody(ctx));
      if (b.when && b.at) invalid({ when: t('announceWhenOrAt') });
      // An empty time field is a slip, never "send now".
      if (b.when !== undefined && !b.when)
        invalid({ when: t('formRequired', { label: consoleFieldLabels.when ?? 'when' }) });
      const now = clock.now();
      const base = {
        actor: who.actor,
        content: b.content,
        mentionAll: b.mentionAll,
        msgId: `console:${who.actor.userid}:announce:${b.requestId}`,
        now,
      };
      const timeField = b.at ? 'at' : 'when';
      const at = b.at
        ? new Date(b.at)
        : b.when
          ? await refusing(() => {
              const picked = readAnnouncementTime(b.when!, now, tz);
              announcements.checkTime(picked, now);
              return picked;
            })
          : undefined;
      // The time's refusals belong on the field that gave it (the date picker's `at`, or the words' `when`).
      const a = await (at ? announcements.schedule({ ...base, at }) : announcements.post(base)).catch(
        (err: unknown) => {
          throw isRefusal(err) ? fromRefusal(err, { timezone: tz, now }, { when: timeField }) : err;
        },
      );
      ctx.body = json(a);
    }),
  );

  router.post(
    '/announcements/:code/cancel',
    guard.office(async (ctx, who) => {
      const now = clock.now();
      const code = parseCode(String(ctx.params.code ?? ''), 'GG', yearOf(now, tz));
      if (!code) throw notFound();
      const a = await announcements.revoke(formatCode(code), who.actor, now);
      ctx.body = json(a);
    }),
  );
}

/** The composer's preview: what the group will see, and each field's problem (the words' time on 'when'). */
async function previewAnnouncement(
  d: AnnouncementRoutesDeps,
  actor: Actor,
  b: z.infer<typeof previewSchema>,
): Promise<Sendable<AnnouncementPreview>> {
  const announcements = d.services.announcements;
  const tz = d.config.timezone;
  const now = d.clock.now();
  const preview = await announcements.preview({
    actor,
    content: b.content,
    mentionAll: b.mentionAll,
    now,
  });
  const { problem, ...shown } = preview;
  const said = (r: Refusal) => renderForConsole(r, { timezone: tz, now }).message;
  const problems: Record<string, string> = {};
  if (problem) problems.content = said(problem);
  let schedule: { at: Date; text: string } | undefined;
  if (b.when?.trim()) {
    try {
      const at = readAnnouncementTime(b.when, now, tz);
      announcements.checkTime(at, now);
      schedule = { at, text: formatDateTime(at, tz) };
    } catch (err) {
      if (err instanceof UserError) problems.when = err.reply;
      else if (isRefusal(err)) problems.when = said(err);
      else throw err;
    }
  }
  return {
    ...shown,
    ...(problem ? { problem: problems.content } : {}),
    schedule: schedule ?? null,
    problems,
  } satisfies Sendable<AnnouncementPreview>;
}

function announcementJson(a: AnnouncementView, tz: string): Sendable<Announcement> {
  return {
    code: a.code,
    content: a.content,
    mentionAll: a.mentionAll,
    status: a.status,
    authorName: a.authorName,
    createdAt: a.createdAt,
    scheduledAt: a.scheduledAt ?? null,
    sentAt: a.sentAt ?? null,
    scheduledText: a.scheduledAt ? formatDateTime(a.scheduledAt, tz) : null,
  };
}
