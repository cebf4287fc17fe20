import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';

/** 设为代表群: the group it is said in receives the long connection's group pushes from now on. */
export const choosePushGroupCommand = defineCommand({
  name: '设为代表群',
  role: 'office',
  summary: '把本群设为接收群推送的代表群（长连接推送时使用），在该群里 @机器人 发送',
  example: '设为代表群',
  uses: ['pushGroup'],
  async run(ctx) {
    if (ctx.chat.type !== 'group' || !ctx.chat.id) return t('pushGroupGroupOnly');
    if (!ctx.services.pushGroup.needed) return t('pushGroupNotNeeded');
    const chosen = await ctx.services.pushGroup.choose(ctx.chat.id, ctx.actor.userid, { fromGroup: true });
    if (!chosen.ok) return t('pushGroupUnknown');
    return t('pushGroupChosen', { unchanged: chosen.unchanged, waiting: chosen.waiting });
  },
});
