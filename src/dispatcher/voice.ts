import type { ParsedLine } from '../commands/parse';
import type { Actor } from '../commands/types';
import { t } from '../messages';
import type { Services } from '../services';
import type { InboundMessage } from './contract';

/** Speech-to-text ends sentences with punctuation a typed command would not have ("帮助。"). */
export function cleanVoiceText(text: string): string {
  return text.replace(/[\s。．.！!？?，,、；;]+$/u, '').trim();
}

/** After a command word, speech-to-text often puts a comma ("建议，村口路灯坏了"). */
export function cleanVoiceArgs(parsed: ParsedLine): ParsedLine {
  if (parsed.kind !== 'command') return parsed;
  return { ...parsed, args: parsed.args.replace(/^[，,：:、\s]+/u, '') };
}

/** A voice message that is not a command becomes a draft opinion, filed only on 确认. */
export async function offerVoiceDraft(
  services: Services,
  actor: Actor,
  msg: InboundMessage,
  now: Date,
): Promise<string> {
  const text = msg.text.trim();
  if (!text) return t('voiceEmpty');
  await services.voiceDrafts.offer(actor.userid, text, msg.id, now);
  return t('voiceDraftOffered', { text, minutes: services.voiceDrafts.draftMinutes });
}
