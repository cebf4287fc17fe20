import { readStudyCode } from '../src/commands/record-codes';
import { defineCardTap } from '../src/commands/card-taps';
import { noticeCard } from '../src/cards';
import { t } from '../src/messages';
import { neutralizeUserText } from '../src/text/sanitize';

/** 已学 on a study push: the typed 已学 <编号>. */
export const studyLearnedTap = defineCardTap({
  on: 'XX',
  action: 'learned',
  role: 'deputy',
  command: '已学',
  uses: ['study'],
  async run({ subject, actor, now, services, config, taskId, step }) {
    const code = readStudyCode(subject, now, config.timezone);
    const { item, already } = await services.study.markLearned(code, actor.userid, now);
    const params = { code: item.code, title: neutralizeUserText(item.title) };
    const text = t(already ? 'studyAlreadyMarked' : 'studyMarked', params);
    const title = t(already ? 'cardStudyAlreadyTitle' : 'cardStudyMarkedTitle');
    return { text, card: noticeCard(taskId, title, text, step) };
  },
});
