import { utf8Bytes } from '../../text/split';
import type { DirectChats } from './direct-chats';
import { LIMITS, type Outbox, type PushRequest } from './outbox';

export interface Notifier {
  /** A group message (markdown). `mentionAll` adds a short text push that @-mentions everyone. */
  toGroup(
    key: string,
    markdown: string,
    opts?: { mentionAll?: boolean; mentionAllText?: string; notBefore?: Date; order?: { group: string; seq: number } },
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
  toUsers(key: string, userids: string[], markdown: string): Promise<void>;
  /**
   * Tells specific people privately or not at all: by app message (NOTIFY_CHANNEL=app), else one-to-one over the
   * long connection to those who have written to the bot; never in the group. Says who could not be reached.
   */
  toUsersPrivately(
    key: string,
    userids: string[],
    markdown: string,
  ): Promise<{ told: string[]; unreachable: string[] }>;
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
    async toUsers(key, userids, markdown) {
      const unique = [...new Set(userids)].filter(Boolean);
      if (unique.length === 0) return;
      if (deps.channel === 'app') {
        await deps.outbox.enqueue({
          key,
          target: { kind: 'users', userids: unique },
          format: 'markdown',
          content: markdown,
        });
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
          }));
        const rest = unique.filter((u) => !privately.has(u));
        if (rest.length > 0) pushes.push(mentionPush(key, rest, markdown));
        await deps.outbox.enqueueAll(pushes);
      }
      done();
    },
    toUsersPrivately: (key, userids, markdown) => toUsersPrivately(deps, done, { key, userids, markdown }),
  };
}

/** A notice for some people, privately (app message, or one-to-one over the long connection) or not at all. */
async function toUsersPrivately(
  deps: { outbox: Outbox; channel: 'group' | 'app'; direct?: DirectChats },
  done: () => void,
  n: { key: string; userids: string[]; markdown: string },
): Promise<{ told: string[]; unreachable: string[] }> {
  const { key, markdown } = n;
  const unique = [...new Set(n.userids)].filter(Boolean);
  if (deps.channel === 'app') {
    if (unique.length)
      await deps.outbox.enqueue({
        key,
        target: { kind: 'users', userids: unique },
        format: 'markdown',
        content: markdown,
      });
    done();
    return { told: unique, unreachable: [] };
  }
  const privately =
    deps.direct && unique.length && utf8Bytes(markdown) <= LIMITS.direct
      ? await deps.direct.known(unique)
      : new Set<string>();
  const told = unique.filter((u) => privately.has(u));
  await deps.outbox.enqueueAll(
    told.map((u) => ({
      key: `${key}:direct:${u}`,
      target: { kind: 'direct', userid: u, privateOnly: true },
      format: 'markdown',
      content: markdown,
    })),
  );
  done();
  return { told, unreachable: unique.filter((u) => !privately.has(u)) };
}
