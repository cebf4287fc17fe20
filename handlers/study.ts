import { splitFirst } from '../src/commands/args';
import { readStudyCode } from '../src/commands/record-codes';
import { type RunContext, defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { neutralizeUserText } from '../src/text/sanitize';
import { nextFires, parseCron } from '../src/time/cron';
import { formatDateTime } from '../src/time/format';

const URL = /https?:\/\/\S+/i;

/** `<标题> [链接] [说明]`, or with `链接：`/`说明：` options; a bare URL splits title from note. */
function readItem(
  rest: string,
  options: { 链接?: string; 说明?: string },
): { title: string; link?: string; note?: string } {
  if (options.链接) return { title: rest, link: options.链接, note: options.说明 };
  const url = URL.exec(rest);
  if (url) {
    const after = rest.slice(url.index + url[0].length).trim();
    return { title: rest.slice(0, url.index).trim(), link: url[0], note: options.说明 ?? (after || undefined) };
  }
  const [title, after] = splitFirst(rest);
  return { title, note: options.说明 ?? (after || undefined) };
}

/** When the item at queue position n should go out, if the study job is running. */
function expectedPush(
  position: number,
  ctx: Pick<RunContext<Record<string, never>, never>, 'config' | 'now'>,
): string | undefined {
  const { config } = ctx;
  if (position < 1 || !config.jobsEnabled || !config.tunables.jobs.study.enabled) return undefined;
  const at = nextFires(parseCron(config.jobSchedules.study), ctx.now, config.timezone, position)[position - 1];
  return at ? formatDateTime(at, config.timezone) : undefined;
}

export const studyAddCommand = defineCommand({
  name: '学习资料',
  role: 'office',
  summary: '把学习资料加入每周推送队列',
  example: '学习资料 代表法第二讲 https://example.com/daibiaofa 请周五前学完',
  args: {
    options: ['链接', '说明'],
    params: [{ kind: 'text', name: 'text', label: '标题 链接 说明', required: true }],
    usage: 'studyUsage',
  },
  uses: ['study'],
  async run(ctx) {
    const fields = readItem(ctx.params.text, ctx.options);
    if (!fields.title) return t('studyUsage');
    const { item, position } = await ctx.services.study.add({
      ...fields,
      actor: ctx.actor,
      msgId: ctx.msgId,
      now: ctx.now,
    });
    return t('studyAdded', {
      code: item.code,
      title: neutralizeUserText(item.title),
      position,
      when: expectedPush(position, ctx),
    });
  },
});

export const studyListCommand = defineCommand({
  name: '学习',
  role: 'deputy',
  summary: '最近的学习资料，以及我是否已学',
  example: '学习',
  uses: ['study'],
  readOnly: true,
  async run({ actor, services }) {
    const { items, queued, deputies } = await services.study.listFor(actor.userid);
    const showQueue = actor.isOffice && queued.length > 0;
    if (items.length === 0 && !showQueue) return t(actor.isOffice ? 'studyListEmptyOffice' : 'studyListEmpty');
    const lines: string[] = [];
    if (items.length) {
      lines.push(t('studyListHeader'));
      for (const i of items) {
        const count = actor.isOffice ? t('studyListCount', { learned: i.learnedCount, total: deputies }) : undefined;
        lines.push(t('studyListLine', { code: i.code, title: neutralizeUserText(i.title), mine: i.mine, count }));
      }
    }
    if (showQueue)
      lines.push(
        t('studyListQueued'),
        ...queued.map((q) => t('studyListQueuedLine', { code: q.code, title: neutralizeUserText(q.title) })),
      );
    const footer = t('studyListFooter', { example: items.find((i) => !i.mine)?.code });
    return [...lines, footer].filter(Boolean).join('\n');
  },
});

export const studyMarkCommand = defineCommand({
  name: '已学',
  role: 'deputy',
  summary: '标记已学习某份学习资料',
  example: '已学 XX2026-001',
  args: { params: [{ kind: 'code', name: 'code', of: 'XX', required: true }], usage: 'studyMarkUsage' },
  uses: ['study'],
  async run({ params: { code }, actor, services, now, config }) {
    const typed = readStudyCode(code, now, config.timezone);
    const { item, already } = await services.study.markLearned(typed, actor.userid, now);
    return t(already ? 'studyAlreadyMarked' : 'studyMarked', {
      code: item.code,
      title: neutralizeUserText(item.title),
    });
  },
});
