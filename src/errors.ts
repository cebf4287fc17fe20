import { type MessageKey, type MessageParams, t } from './messages';

/** An expected failure: becomes a friendly Chinese reply. Anything else is a bug and gets logged. */
export class UserError<K extends MessageKey = MessageKey> extends Error {
  readonly key: K;
  readonly reply: string;
  constructor(key: K, ...params: MessageParams<K>) {
    const reply = t(key, ...params);
    super(reply);
    this.key = key;
    this.reply = reply;
  }
}
