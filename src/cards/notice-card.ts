import { t } from '../messages';
import { type Card, tapKey } from './card';

/** The card a tap ends on when nothing was done: a refusal, a stale card, someone without the right. */
export function noticeCard(taskId: string, title: string, text: string, step: number): Card {
  return { type: 'buttons', taskId, title, text, buttons: [{ text: t('cardOk'), key: tapKey('ok', step), style: 2 }] };
}
