import { readBallotCode, readProjectCode } from '../src/commands/record-codes';
import { defineCommand } from '../src/commands/types';
import { UserError } from '../src/errors';
import { t } from '../src/messages';
import { refuse } from '../src/refusals';
import { neutralizeUserText } from '../src/text/sanitize';
import { matchUnit } from '../src/text/unit-match';

// The office's 民生实事 steps: 立项 from a closed 票决, the responsible unit, progress, completion.

/** A typed unit as 交办 reads it: the known unit it abbreviates or misspells, or a new one. */
function unitFrom(typed: string, known: string[]) {
  const m = matchUnit(typed, known);
  if (m.kind === 'ambiguous') return refuse('project.unitAmbiguous', { input: typed.trim(), candidates: m.candidates });
  return m;
}

export const adoptProjectsCommand = defineCommand({
  name: '立项',
  role: 'office',
  summary: '把票决当选的候选立为民生实事项目（可只立一项、指定承办单位）',
  example: '立项 PJ2026-001 2 单位：住建办',
  args: {
    options: ['单位'],
    params: [
      { kind: 'code', name: 'code', of: 'PJ', required: true },
      { kind: 'word', name: 'n', label: '序号' },
    ],
    usage: 'projectAdoptUsage',
  },
  uses: ['projects', 'opinions'],
  async run({ params, options, actor, services, now, config }) {
    const ballotCode = readBallotCode(params.code, now, config.timezone);
    if (params.n !== undefined && !/^\d{1,3}$/.test(params.n)) throw new UserError('projectAdoptUsage');
    const unit = options.单位 ? unitFrom(options.单位, await services.opinions.knownUnits()).name : undefined;
    const adopted = await services.projects.adopt({
      ballotCode,
      candidate: params.n === undefined ? undefined : Number(params.n),
      unit,
      actor,
      now,
    });
    return t('projectAdopted', {
      ballotCode,
      lines: adopted.map((a) => ({
        code: a.project.code,
        title: neutralizeUserText(a.project.title),
        unit: neutralizeUserText(a.project.unit),
        existed: a.existed,
      })),
    });
  },
});

export const projectUnitCommand = defineCommand({
  name: '实事单位',
  role: 'office',
  summary: '指定或更换民生实事项目的承办单位',
  example: '实事单位 SS2026-001 住建办',
  args: {
    params: [
      { kind: 'code', name: 'code', of: 'SS', required: true },
      { kind: 'text', name: 'unit', label: '承办单位', required: true },
    ],
    usage: 'projectUnitUsage',
  },
  uses: ['projects', 'opinions'],
  async run({ params, services, now, config }) {
    const code = readProjectCode(params.code, now, config.timezone);
    const m = unitFrom(params.unit, await services.opinions.knownUnits());
    const p = await services.projects.setUnit(code, m.name);
    return t('projectUnitSet', {
      code,
      unit: neutralizeUserText(p.unit),
      typed: m.kind === 'matched' ? neutralizeUserText(params.unit) : undefined,
      isNew: m.kind === 'new',
    });
  },
});

export const projectProgressCommand = defineCommand({
  name: '实事进展',
  role: 'office',
  summary: '记录民生实事项目的进展（写「公布」同时发到群里）',
  example: '实事进展 SS2026-001 公布 路基已完成，进入铺设阶段',
  args: {
    params: [
      { kind: 'code', name: 'code', of: 'SS', required: true },
      { kind: 'text', name: 'text', label: '内容', required: true },
    ],
    usage: 'projectProgressUsage',
  },
  uses: ['projects'],
  async run({ params, actor, services, now, config, msgId }) {
    const code = readProjectCode(params.code, now, config.timezone);
    const push = /^公布(\s|$)/.test(params.text);
    const text = push ? params.text.replace(/^公布\s*/, '') : params.text;
    const p = await services.projects.postProgress({ code, text, push, actor, origin: msgId, now });
    return t('projectProgressPosted', { code, pushed: push, count: p.progress.length });
  },
});

export const completeProjectCommand = defineCommand({
  name: '实事完成',
  role: 'office',
  summary: '把民生实事项目标为完成',
  example: '实事完成 SS2026-001',
  args: { params: [{ kind: 'code', name: 'code', of: 'SS', required: true }] },
  uses: ['projects'],
  async run({ params, services, now, config }) {
    const code = readProjectCode(params.code, now, config.timezone);
    const p = await services.projects.complete(code, now);
    return t('projectCompleted', { code, title: neutralizeUserText(p.title) });
  },
});
