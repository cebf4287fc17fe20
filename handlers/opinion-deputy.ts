import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';
import type { Rating } from '../src/services/opinions';
import { formatDate } from '../src/time/format';
import { actionInput } from './shared/opinion-input';
import { shown } from '../src/text/group-safe';
import { formatProgress } from './shared/opinion-format';
import { assignCard, rateCard } from '../src/cards';

/** 进度 / 查看: one opinion's timeline (full text only for the filer and the office). */
export const progressCommand = defineCommand({
  name: '进度',
  aliases: ['查看'],
  role: 'deputy',
  contacts: true,
  summary: '查看一件建议的办理过程',
  example: '进度 YJ2026-001',
  args: { params: [{ kind: 'code', name: 'code', of: 'YJ' }] },
  uses: ['opinions', 'holidays'],
  readOnly: true,
  async run(ctx) {
    const { code } = ctx.params;
    const view = await ctx.services.opinions.progress(code, ctx.actor);
    const colour = ctx.services.opinions.colourOf(view.opinion, ctx.now);
    const format = (v: typeof view) =>
      formatProgress(v, ctx.config.timezone, ctx.now, ctx.services.holidays.calendar(), colour);
    // Everyone in a group reads the reply: full text (phones, ID numbers) only in a one-to-one chat.
    if (view.fullAccess && ctx.chat.type === 'group') {
      return [format({ ...view, fullAccess: false }), t('opinionProgressMaskedInGroup', { code })].join('\n');
    }
    const text = format(view);
    // One-to-one only: how many photos came with it (they are shown in the console, to the office and the filer).
    const photos = ctx.chat.type === 'single' ? (view.opinion.photos?.length ?? 0) : 0;
    const full = photos > 0 ? `${text}\n${t('photoProgressCount', { count: photos })}` : text;
    // The filer of an answered, unrated case can rate it here with a tap (the notice may have come without a card).
    const o = view.opinion;
    // The office, one-to-one, assigns a new opinion from its card.
    if (ctx.chat.type === 'single' && ctx.actor.isOffice && o.status === '待交办') {
      const units = await ctx.services.opinions.knownUnits();
      if (units.length)
        return {
          text: full,
          card: assignCard(
            { code: o.code, title: shown(o.title, true), content: shown(o.content, true) },
            units,
            ctx.now,
          ),
        };
    }
    const rateable = o.filer === ctx.actor.userid && o.status === '已答复' && o.ratedRound !== o.round;
    if (ctx.chat.type !== 'single' || !rateable) return full;
    return {
      text: full,
      card: rateCard(
        { code: o.code, unit: shown(o.unit ?? '', true), answer: o.answer ?? '', resolution: o.resolution },
        ctx.now,
      ),
    };
  },
});

/** 附议 / 联名: co-sign another deputy's open opinion. */
export const cosignCommand = defineCommand({
  name: '附议',
  aliases: ['联名'],
  role: 'deputy',
  summary: '附议（联名支持）别人的建议',
  example: '附议 YJ2026-001',
  args: { params: [{ kind: 'code', name: 'code', of: 'YJ' }] },
  uses: ['opinions'],
  async run(ctx) {
    const { code } = ctx.params;
    const o = await ctx.services.opinions.cosign({ code }, actionInput(ctx));
    return t('opinionCosigned', { code, title: shown(o.title, false), count: (o.cosigners ?? []).length });
  },
});

const RATING = /^(基本满意|不满意|满意)\s*[,，:：。;；]?\s*([\s\S]*)$/;

/** 评价: the filer rates the answer; 不满意 sends it back for another round. */
export const rateCommand = defineCommand({
  name: '评价',
  role: 'deputy',
  summary: '评价答复：满意 / 基本满意 / 不满意（可加说明）',
  example: '评价 YJ2026-001 满意',
  args: {
    params: [
      { kind: 'code', name: 'code', of: 'YJ' },
      { kind: 'text', name: 'rest', label: '满意|基本满意|不满意 说明' },
    ],
  },
  uses: ['opinions'],
  async run(ctx) {
    const { code, rest = '' } = ctx.params;
    const m = RATING.exec(rest.trim());
    if (!m) return t('opinionRateUsage', { code });
    const note = (m[2] ?? '').trim();
    const r = await ctx.services.opinions.rate({ code, rating: m[1] as Rating, note }, actionInput(ctx));
    if (!r.reopened) return t('opinionRated', { code, rating: m[1]! });
    const deadline = r.opinion.deadline ? formatDate(r.opinion.deadline, ctx.config.timezone) : '';
    return t('opinionRatedReopened', {
      code,
      round: r.opinion.round ?? 2,
      unit: shown(r.opinion.unit ?? '', true),
      deadline,
    });
  },
});

/** 撤回: the filer withdraws an opinion the office has not assigned yet. */
export const withdrawCommand = defineCommand({
  name: '撤回',
  role: 'deputy',
  summary: '撤回自己尚未交办的建议',
  example: '撤回 YJ2026-001',
  args: { params: [{ kind: 'code', name: 'code', of: 'YJ' }] },
  uses: ['opinions'],
  async run(ctx) {
    const { code } = ctx.params;
    await ctx.services.opinions.withdraw({ code }, actionInput(ctx));
    return t('opinionWithdrawn', { code });
  },
});
