import { splitFirst } from '../src/commands/args';
import { readAnnouncementCode } from '../src/commands/record-codes';
import { type RunContext, defineCommand } from '../src/commands/types';
import { UserError } from '../src/errors';
import { t } from '../src/messages';
import { toHalfWidth } from '../src/text/normalize';
import { formatDate, formatDateTime, formatShortDateTime } from '../src/time/format';
import { parseWhen } from '../src/time/parse-time';

const MENTION_ALL = /^[@＠](全体|所有人|all)(?![A-Za-z])/i;
const SCHEDULE = /^时间\s*:/;

/** `时间：<when> <内容>` → the instant and the rest as content; refusals say how to write it. */
type AnnounceContext = Pick<
  RunContext<Record<string, never>, 'announcements'>,
  'services' | 'config' | 'now' | 'actor'
>;

function readSchedule(body: string, ctx: AnnounceContext): { at: Date; content: string } {
  const value = body.slice(SCHEDULE.exec(toHalfWidth(body))![0].length).trim();
  const parsed = parseWhen(value, { now: ctx.now, tz: ctx.config.timezone });
  if (!parsed.ok) throw new UserError('announceBadTime', { input: [...value].slice(0, 16).join('') });
  if (!parsed.hasTime) throw new UserError('announceNeedTime', { when: formatDate(parsed.date, ctx.config.timezone) });
  const content = value.slice(parsed.matched.length).replace(/^[\s，,。;；:：]+/, '');
  if (!content)
    throw new UserError('announceScheduleNoContent', { when: formatDateTime(parsed.date, ctx.config.timezone) });
  return { at: parsed.date, content };
}

async function revoke(codeText: string, ctx: AnnounceContext): Promise<string> {
  if (!codeText) return t('announceRevokeUsage');
  const code = readAnnouncementCode(codeText, ctx.now, ctx.config.timezone);
  const a = await ctx.services.announcements.revoke(code, ctx.actor, ctx.now);
  return t('announceRevoked', {
    code: a.code,
    when: a.scheduledAt ? formatDateTime(a.scheduledAt, ctx.config.timezone) : '',
  });
}

/** 公告 <内容> / 公告@全体 <内容> / 公告 时间：<when> <内容> / 公告 撤销 <编号>. */
export const announceCommand = defineCommand({
  name: '公告',
  role: 'office',
  summary: '发公告到群里；「公告@全体」同时提醒所有人；「公告 时间：…」定时发送；「公告 撤销 <编号>」',
  example: '公告 时间：明天上午9点 请各位代表按时参加培训',
  args: { params: [{ kind: 'text', name: 'text', label: '内容', required: true }], usage: 'announceUsage' },
  uses: ['announcements'],
  async run(ctx) {
    const { text } = ctx.params;
    const [first, rest] = splitFirst(text);
    if (first === '撤销') return revoke(rest, ctx);
    // `公告 列表` is a slip for 公告列表, never a one-word announcement.
    if (first === '列表' && !rest) return listAnnouncements(ctx);
    const all = MENTION_ALL.exec(text);
    // `公告：…` / `公告@全体：…`: the colon belongs to the command, not to the announcement.
    const body = (all ? text.slice(all[0].length) : text).replace(/^[\s:：]+/, '').trim();
    if (!body) return t('announceUsage');
    const base = { actor: ctx.actor, mentionAll: Boolean(all), msgId: ctx.msgId, now: ctx.now };
    if (SCHEDULE.test(toHalfWidth(body))) {
      const { at, content } = readSchedule(body, ctx);
      const a = await ctx.services.announcements.schedule({ ...base, content, at });
      return t('announceScheduled', {
        code: a.code,
        when: formatDateTime(at, ctx.config.timezone),
        mentionAll: a.mentionAll,
        preview: a.preview,
      });
    }
    const a = await ctx.services.announcements.post({ ...base, content: body });
    return t('announcePosted', { code: a.code, mentionAll: a.mentionAll });
  },
});

/** 公告列表: scheduled ones first (they can still be revoked), then the most recent. */
export const announceListCommand = defineCommand({
  name: '公告列表',
  role: 'office',
  summary: '查看待发和最近的公告及编号',
  example: '公告列表',
  uses: ['announcements'],
  readOnly: true,
  run: listAnnouncements,
});

async function listAnnouncements({ services, config, now }: AnnounceContext): Promise<string> {
  const { scheduled, recent } = await services.announcements.list();
  if (scheduled.length === 0 && recent.length === 0) return t('announceListEmpty');
  const when = (d?: Date) => (d ? formatShortDateTime(d, config.timezone, now) : '');
  const lines: string[] = [];
  if (scheduled.length) {
    lines.push(t('announceListScheduled'));
    lines.push(
      ...scheduled.map((a) =>
        t('announceListLine', { code: a.code, status: a.status, when: when(a.scheduledAt), preview: a.preview }),
      ),
    );
  }
  if (recent.length) {
    lines.push(t('announceListRecent'));
    lines.push(
      ...recent.map((a) =>
        t('announceListLine', {
          code: a.code,
          status: a.status,
          when: when(a.sentAt ?? a.scheduledAt ?? a.createdAt),
          preview: a.preview,
        }),
      ),
    );
  }
  if (scheduled.length) lines.push(t('announceListFooter'));
  return lines.join('\n');
}
