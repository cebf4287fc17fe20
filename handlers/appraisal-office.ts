import { readBallotCode } from '../src/commands/record-codes';
import { readProjectCode } from '../src/commands/record-codes';
import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import { refuse } from '../src/refusals';
import type { Ballots } from '../src/services/ballots';
import { neutralizeUserText } from '../src/text/sanitize';
import { matchUnit } from '../src/text/unit-match';
import { formatDateTime } from '../src/time/format';
import { readDeadline, readList } from './shared/ballot-words';

// The office's 满意度测评 and 部门评议 (rating ballots), and 催投 (reminding non-voters privately).

/** What 发起测评 and 发起评议 share once their subjects are read: the deadline's words, the opening, the reply. */
async function openAndSay(
  ctx: {
    services: { ballots: Pick<Ballots, 'openAppraisal'> };
    actor: { userid: string };
    now: Date;
    msgId: string;
    config: { timezone: string };
  },
  input: { of: 'project' | 'unit'; title?: string; subjects: string[]; deadline?: string },
): Promise<string> {
  const tz = ctx.config.timezone;
  const b = await ctx.services.ballots.openAppraisal({
    ...input,
    deadline: readDeadline(input.deadline ?? '', ctx.now, tz),
    actor: ctx.actor,
    origin: ctx.msgId,
    now: ctx.now,
  });
  return t('appraisalOpened', {
    code: b.code,
    title: neutralizeUserText(b.title),
    of: input.of,
    subjects: b.candidates.map(neutralizeUserText),
    deadline: formatDateTime(b.deadline, tz),
    entitled: b.entitled,
  });
}

export const openProjectAppraisalCommand = defineCommand({
  name: '发起测评',
  role: 'office',
  summary: '年底对民生实事项目满意度测评（不记名，代表私聊投票）',
  example: '发起测评 截止：12月20日18点',
  args: {
    options: ['项目', '截止'],
    params: [{ kind: 'text', name: 'title', label: '标题' }],
    requiredOptions: ['截止'],
    usage: 'appraisalTestUsage',
  },
  uses: ['ballots'],
  async run(ctx) {
    const { params, options, now, config, chat } = ctx;
    if (chat.type === 'group') return t('appraisalOpenInGroup');
    const subjects = readList(options.项目).map((c) => readProjectCode(c, now, config.timezone));
    return openAndSay(ctx, { of: 'project', title: params.title, subjects, deadline: options.截止 });
  },
});

export const openUnitAppraisalCommand = defineCommand({
  name: '发起评议',
  role: 'office',
  summary: '部门评议：代表对承办单位不记名评价，附各单位本年办理情况',
  example: '发起评议 单位：住建办；派出所 截止：12月20日18点',
  args: {
    options: ['单位', '截止'],
    params: [{ kind: 'text', name: 'title', label: '标题' }],
    requiredOptions: ['单位', '截止'],
    usage: 'appraisalUnitUsage',
  },
  uses: ['ballots', 'opinions'],
  async run(ctx) {
    const { params, options, services, chat } = ctx;
    if (chat.type === 'group') return t('appraisalOpenInGroup');
    const known = await services.opinions.knownUnits();
    // Units as 交办 reads them: abbreviations and slips find the known unit; a name that could be several is refused.
    const units = readList(options.单位).map((typed) => {
      const m = matchUnit(typed, known);
      if (m.kind === 'ambiguous') refuse('project.unitAmbiguous', { input: typed, candidates: m.candidates });
      return m.name;
    });
    return openAndSay(ctx, { of: 'unit', title: params.title, subjects: units, deadline: options.截止 });
  },
});

export const remindVotersCommand = defineCommand({
  name: '催投',
  role: 'office',
  summary: '私下提醒还没有投票的代表（不在群里点名）',
  example: '催投 PJ2026-001',
  args: { params: [{ kind: 'code', name: 'code', of: 'PJ', required: true }], usage: 'ballotRemindUsage' },
  uses: ['ballots'],
  async run({ params, services, now, config, msgId }) {
    const code = readBallotCode(params.code, now, config.timezone);
    const r = await services.ballots.remind(code, msgId, now);
    return t('ballotReminded', {
      code,
      told: r.told,
      unreachable: r.unreachable.map((p) => p.name),
      voted: r.ballot.turnout,
      entitled: r.ballot.entitled,
    });
  },
});
