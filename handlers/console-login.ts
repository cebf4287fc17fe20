import { defineCommand } from '../src/commands/types';
import { t } from '../src/messages';

/** 登录 / 工作台: a one-time sign-in link to the office console, only in a one-to-one chat. */
export const consoleLoginCommand = defineCommand({
  name: '登录',
  aliases: ['工作台'],
  role: 'deputy',
  contacts: true,
  summary: '获取工作台（网页）登录链接，只在单聊中发送',
  example: '登录',
  uses: ['consoleAuth', 'roster'],
  async run(ctx) {
    // Whoever reads a group chat could use the link: it is only ever given one-to-one.
    if (ctx.chat.type === 'group') return t('consoleLoginGroupOnly');
    const token = await ctx.services.consoleAuth.issueLoginToken(ctx.actor.userid, 'link', ctx.now);
    // The dispatcher already refused people off the roster; a deactivation in between gets the same answer.
    if (!token) return t('rosterInactive', { contacts: await ctx.services.roster.officeContacts() });
    const auth = ctx.services.consoleAuth;
    return t('consoleLoginLink', { url: auth.loginUrl(token), minutes: auth.linkMinutes, office: ctx.actor.isOffice });
  },
});
