import type { Outbox, PushRequest } from './outbox';

export interface Notifier {
  /** False when group pushes go over the long connection, which cannot carry pictures. */
  readonly groupTakesImages: boolean;
  /** A group message (markdown). `mentionAll` adds a short text push that @-mentions everyone. */
  toGroup(
    key: string,
    markdown: string,
    opts?: { mentionAll?: boolean; mentionAllText?: string; notBefore?: Date; order?: { group: string; seq: number } },
  ): Promise<void>;
  /** A picture for the group (PNG/JPEG, at most 2 MB); false when the group channel cannot carry pictures (long connection). */
  imageToGroup(key: string, image: Buffer, opts?: { order?: { group: string; seq: number } }): Promise<boolean>;
  /** Tells specific people: by @-mention in the group, or by app message (NOTIFY_CHANNEL=app). */
  toUsers(key: string, userids: string[], markdown: string): Promise<void>;
}

export function createNotifier(deps: {
  outbox: Outbox;
  channel: 'group' | 'app';
  afterEnqueue?: () => void;
}): Notifier {
  const done = () => deps.afterEnqueue?.();
  return {
    groupTakesImages: deps.outbox.groupTakesImages,
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
      const queued = await deps.outbox.enqueueImage({ key, image, order: opts.order });
      if (queued === 'unsupported') return false;
      done();
      return true;
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
        const mentions = unique.map((u) => `<@${u}>`).join(' ');
        await deps.outbox.enqueue({
          key,
          target: { kind: 'group' },
          format: 'markdown',
          content: `${mentions}\n${markdown}`,
        });
      }
      done();
    },
  };
}
