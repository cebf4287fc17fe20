import type { Card } from '../../cards';
import { utf8Bytes } from '../../text/split';
import type { DirectChats } from './direct-chats';
import { LIMITS, type Outbox, type PushRequest } from './outbox';

export interface Notifier {
  /** A group message (markdown). `mentionAll` adds a short text push that @-mentions everyone. */
  toGroup(
    key: string,
    markdown: string,
    opts?: {
      mentionAll?: boolean;
      mentionAllText?: string;
      notBefore?: Date;
      order?: { group: string; seq: number };
      /** The notice's choices as a card, where the group channel carries cards (the long connection). */
      card?: Card;
    },
  ): Promise<void>;
  /** A picture for the group (PNG/JPEG; at most 2 MB by the robot, 10 MB over the long connection). */
  imageToGroup(key: string, image: Buffer, opts?: { order?: { group: string; seq: number } }): Promise<void>;
  /** A file for one person, privately: over the long connection or the self-built app (one must be configured). */
  fileToUser(key: string, userid: string, file: { filename: string; bytes: Buffer }): Promise<void>;
  /**
   * Tells specific people: by app message (NOTIFY_CHANNEL=app); else privately over the long connection to
   * those who have written to the bot one-to-one (when it carries group pushes), and by @-mention in the group
   * to the rest.
   */
  toUsers(key: string, userids: string[], markdown: string, opts?: PersonalCard): Promise<void>;
}

/** A personal notice's choices as a card: for those in `to` (all recipients when left out) where cards go. */
export interface PersonalCard {
  card?: Card;
  to?: string[];
}

/** A personal notice as one group push that @-mentions its recipients. */
export function mentionPush(key: string, userids: string[], markdown: string): PushRequest {
  const mentions = userids.map((u) => `<@${u}>`).join(' ');
  return { key, target: { kind: 'group' }, format: 'markdown', content: `${mentions}\n${markdown}` };
}

export function createNotifier(deps: {
  outbox: Outbox;
  channel: 'group' | 'app';
  /** Set when group pushes go over the long connection: who can be told one-to-one instead. */
  direct?: DirectChats;
  afterEnqueue?: () => void;
}): Notifier {
  const done = () => deps.afterEnqueue?.();
  return {
    async toGroup(key, markdown, opts = {}) {
      const pushes: PushRequest[] = [
        {
          key,
          target: { kind: 'group' },
          format: 'markdown',
          content: markdown,
          notBefore: opts.notBefore,
          order: opts.order,
          ...(opts.card ? { card: opts.card } : {}),
        },
      ];
      if (opts.mentionAll) {
        // Markdown pushes cannot @all; a text push with mentioned_list can.
        pushes.push({
          key: `${key}:@all`,
          target: { kind: 'group', mentionUserids: ['@all'] },
          format: 'text',
          content: opts.mentionAllText ?? '请各位代表查看上面的消息。',
          notBefore: opts.notBefore,
        });
      }
      await deps.outbox.enqueueAll(pushes);
      done();
    },
    async imageToGroup(key, image, opts = {}) {
      await deps.outbox.enqueueImage({ key, image, order: opts.order });
      done();
    },
    async fileToUser(key, userid, file) {
      await deps.outbox.enqueueFile({ key, userid, filename: file.filename, bytes: file.bytes });
      done();
    },
    async toUsers(key, userids, markdown, opts = {}) {
      const unique = [...new Set(userids)].filter(Boolean);
      if (unique.length === 0) return;
      const card = opts.card;
      const carded = (u: string) => card !== undefined && (opts.to === undefined || opts.to.includes(u));
      if (deps.channel === 'app') {
        // One app message for those with the card, one for the rest (an app message goes to all its users alike).
        const withCard = unique.filter(carded);
        const rest = unique.filter((u) => !carded(u));
        const pushes: PushRequest[] = [];
        if (rest.length)
          pushes.push({ key, target: { kind: 'users', userids: rest }, format: 'markdown', content: markdown });
        if (withCard.length)
          pushes.push({
            key: `${key}:card`,
            target: { kind: 'users', userids: withCard },
            format: 'markdown',
            content: markdown,
            card,
          });
        await deps.outbox.enqueueAll(pushes);
      } else {
        // A notice too long for one private message goes to the group, where it may be split.
        const privately =
          deps.direct && utf8Bytes(markdown) <= LIMITS.direct ? await deps.direct.known(unique) : new Set<string>();
        const pushes: PushRequest[] = unique
          .filter((u) => privately.has(u))
          .map((u) => ({
            key: `${key}:direct:${u}`,
            target: { kind: 'direct', userid: u },
            format: 'markdown',
            content: markdown,
            ...(carded(u) ? { card } : {}),
          }));
        const rest = unique.filter((u) => !privately.has(u));
        if (rest.length > 0) pushes.push(mentionPush(key, rest, markdown));
        await deps.outbox.enqueueAll(pushes);
      }
      done();
    },
  };
}
