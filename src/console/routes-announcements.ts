import type Router from '@koa/router';
import { z } from 'zod';
import type { Config } from '../../config';
import type { Clock } from '../clock';
import type { Services } from '../services';
import { isRefusal, type Refusal } from '../refusals';
import type { AnnouncementView } from '../services/bulletins';
import type { Actor } from '../services/roster';
import { formatCode, parseCode } from '../services/codes';
import { formatDateTime } from '../time/format';
import { yearOf } from '../time/zone';
import { fromRefusal, notFound, parseInput } from './errors';
import { renderForConsole } from './refusals';
import { type Guard, jsonBody } from './session';
import type { Announcement, AnnouncementList, AnnouncementPreview, Sendable } from '../contracts';

export interface AnnouncementRoutesDeps {
  services: Services;
  config: Config;
  clock: Clock;
  guard: Guard;
}

// Generous bounds: the service's own limit (in characters, with its Chinese sentence) decides.
const CONTENT = z.string().max(20_000);
// The time is an instant from the date picker: Chinese time words are the chat's to read, not the console's.
const AT = z.iso.datetime({ offset: true });
const previewSchema = z
  .object({ content: CONTENT, mentionAll: z.boolean().default(false), at: AT.optional() })
  .strict();
const sendSchema = z
  .object({
    content: CONTENT,
    mentionAll: z.boolean().default(false),
    /** When to send (absent: now). */
    at: AT.optional(),
    /** One per composed announcement: a retried click finds the first record instead of posting twice. */
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  })
  .strict();

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
      const now = clock.now();
      const base = {
        actor: who.actor,
        content: b.content,
        mentionAll: b.mentionAll,
        msgId: `console:${who.actor.userid}:announce:${b.requestId}`,
        now,
      };
      const at = b.at ? new Date(b.at) : undefined;
      // The service's time refusals (its field `when`) belong beside the date picker (`at`).
      const a = await (at ? announcements.schedule({ ...base, at }) : announcements.post(base)).catch(
        (err: unknown) => {
          throw isRefusal(err) ? fromRefusal(err, { timezone: tz, now }, { when: 'at' }) : err;
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

/** The composer's preview: what the group will see, and each field's problem (the picked time's on 'at'). */
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
  if (b.at) {
    const at = new Date(b.at);
    try {
      announcements.checkTime(at, now);
      schedule = { at, text: formatDateTime(at, tz) };
    } catch (err) {
      if (!isRefusal(err)) throw err;
      problems.at = said(err);
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
