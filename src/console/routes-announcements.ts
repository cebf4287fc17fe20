import type Router from '@koa/router';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import { UserError } from '../errors';
import { type MessageKey, t } from '../messages';
import { consoleFieldLabels } from '../messages/console';
import type { Services } from '../services';
import type { AnnouncementView } from '../services/bulletins';
import { formatDateTime } from '../time/format';
import { invalid, parseInput, refusalsOf } from './errors';
import { type Guard, jsonBody } from './session';
import type { Announcement, AnnouncementList, AnnouncementPreview, Sendable } from '../contracts';

export interface AnnouncementRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
}

// The service's refusals that belong to a field of the composer ('when' also stands for the date picker's 'at').
const FIELD_OF: Partial<Record<MessageKey, 'content' | 'when'>> = {
  announceEmpty: 'content',
  announceTooLong: 'content',
  announceBadTime: 'when',
  announceNeedTime: 'when',
  announceTimePast: 'when',
  announceTimeTooFar: 'when',
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
const refusing = refusalsOf({ fields: FIELD_OF, notFound: ['announceNotFound', 'announceBadCode'] });

/** 公告: the composer's preview, send now or at a time, the list, cancel — through the chat's service and notices. */
export function registerAnnouncementRoutes(router: Router, d: AnnouncementRoutesDeps): void {
  const { services, config, clock, guard } = d;
  const announcements = services.announcements;
  const tz = config.timezone;
  const json = (a: AnnouncementView): Sendable<Announcement> => ({
    code: a.code,
    content: a.content,
    mentionAll: a.mentionAll,
    status: a.status,
    authorName: a.authorName,
    createdAt: a.createdAt,
    scheduledAt: a.scheduledAt ?? null,
    sentAt: a.sentAt ?? null,
    scheduledText: a.scheduledAt ? formatDateTime(a.scheduledAt, tz) : null,
  });

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
      const now = clock.now();
      const preview = await announcements.preview({
        actor: who.actor,
        content: b.content,
        mentionAll: b.mentionAll,
        now,
      });
      const problems: Record<string, string> = {};
      if (preview.problem) problems.content = preview.problem;
      let schedule: { at: Date; text: string } | undefined;
      if (b.when?.trim()) {
        try {
          const at = announcements.readWhen(b.when, now);
          schedule = { at, text: formatDateTime(at, tz) };
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          problems.when = err.reply;
        }
      }
      ctx.body = { ...preview, schedule: schedule ?? null, problems } satisfies Sendable<AnnouncementPreview>;
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
          ? await refusing(() => announcements.readWhen(b.when!, now))
          : undefined;
      const a = await refusing(() => (at ? announcements.schedule({ ...base, at }) : announcements.post(base)), {
        when: timeField,
      });
      ctx.body = json(a);
    }),
  );

  router.post(
    '/announcements/:code/cancel',
    guard.office(async (ctx, who) => {
      const a = await refusing(() => announcements.revoke(String(ctx.params.code), who.actor, clock.now()));
      ctx.body = json(a);
    }),
  );
}
