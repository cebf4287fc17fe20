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
  /**
   * Tells people who are not in the deputies' group (a handling unit's contacts) privately: by app message when
   * the self-built app can send, else one-to-one over the long connection to those who have written to the bot;
   * only the rest get `groupText` (no case content) as a group @-mention.
   */
  toPeople(key: string, userids: string[], markdown: string, groupText: string): Promise<void>;
  /**
   * A card for people one-to-one, and nowhere else: by the self-built app when it can send, else over the long
   * connection to those who have written to the bot one-to-one. Without such a channel no one is told (the
   * group never reads it: the card is the office's own work). `card` is called once per message sent, as
   * WeCom wants a task id used once per bot: one app message to all, or one card per long-connection chat.
   */
  cardPrivately(key: string, userids: string[], markdown: string, card: () => Card): Promise<void>;
  /** Whether a private card can reach anyone at all (the app, or one-to-one over the long connection). */
  readonly reachesPrivately: boolean;
  /**
   * Tells specific people privately or not at all, as `cardPrivately` reaches them (the app when it can send, else
   * one-to-one over the long connection to those who have written to the bot); never in the group. Says who
   * could not be reached.
   */
  toUsersPrivately(
    key: string,
    userids: string[],
    markdown: string,
  ): Promise<{ told: string[]; unreachable: string[] }>;
  /** Several personal notices of one step queued in one write (交办 tells the filer and the unit). */
  together(build: (n: NoticeSink) => Promise<void>): Promise<void>;
}

/** Where personal notices go: the notifier itself, or a batch of `together`. */
export type NoticeSink = Pick<Notifier, 'toUsers' | 'toPeople'>;

/** One-to-one pushes to those who can be told privately; one group @-mention (of `groupText`) for the rest. */
function withGroupRest(
  key: string,
  userids: string[],
  privately: Set<string>,
  markdown: string,
  groupText: string,
): PushRequest[] {
  const pushes: PushRequest[] = userids
    .filter((u) => privately.has(u))
    .map((u) => ({
      key: `${key}:direct:${u}`,
      target: { kind: 'direct', userid: u },
      format: 'markdown',
      content: markdown,
    }));
  const rest = userids.filter((u) => !privately.has(u));
  if (rest.length > 0) pushes.push(mentionPush(key, rest, groupText));
  return pushes;
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

interface NotifierDeps {
  outbox: Outbox;
  channel: 'group' | 'app';
  /** Set when group pushes go over the long connection: who can be told one-to-one instead. */
  direct?: DirectChats;
  /** The self-built app can send messages (corp id, agent id, secret): private notices go that way first. */
  appCanSend?: boolean;
  /** Who has written to the bot one-to-one, whenever the long connection is here (for `toPeople`). */
  contactChats?: DirectChats;
  afterEnqueue?: () => void;
}

export function createNotifier(deps: NotifierDeps): Notifier {
  const done = () => deps.afterEnqueue?.();
  const enqueue = async (pushes: PushRequest[]) => {
    if (pushes.length === 0) return;
    await deps.outbox.enqueueAll(pushes);
    done();
  };

  const planUsers = (key: string, userids: string[], markdown: string, opts: PersonalCard) =>
    planForUsers(deps, key, userids, markdown, opts);
  const planPeople = (key: string, userids: string[], markdown: string, groupText: string) =>
    planForPeople(deps, key, userids, markdown, groupText);

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
      await enqueue(await planUsers(key, userids, markdown, opts));
    },
    async toPeople(key, userids, markdown, groupText) {
      await enqueue(await planPeople(key, userids, markdown, groupText));
    },
    reachesPrivately: Boolean(deps.appCanSend || deps.contactChats),
    async cardPrivately(key, userids, markdown, card) {
      await enqueue((await planPrivately(deps, { key, userids, markdown, card })).pushes);
    },
    async toUsersPrivately(key, userids, markdown) {
      const { pushes, told, unreachable } = await planPrivately(deps, { key, userids, markdown });
      await enqueue(pushes);
      return { told, unreachable };
    },
    async together(build) {
      const planned: PushRequest[] = [];
      await build({
        toUsers: async (key, userids, markdown, opts = {}) =>
          void planned.push(...(await planUsers(key, userids, markdown, opts))),
        toPeople: async (key, userids, markdown, groupText) =>
          void planned.push(...(await planPeople(key, userids, markdown, groupText))),
      });
      await enqueue(planned);
    },
  };
}

/**
 * Personal notices to deputies: app messages (one for those with the card, one for the rest), or one-to-one to those
 * known, the rest @-mentioned in the group.
 */
async function planForUsers(
  deps: NotifierDeps,
  key: string,
  userids: string[],
  markdown: string,
  opts: PersonalCard,
): Promise<PushRequest[]> {
  const unique = [...new Set(userids)].filter(Boolean);
  if (unique.length === 0) return [];
  const card = opts.card;
  const carded = (u: string) => card !== undefined && (opts.to === undefined || opts.to.includes(u));
  if (deps.channel === 'app') {
    // An app message goes to all its users alike.
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
    return pushes;
  }
  // A notice too long for one private message goes to the group, where it may be split.
  const privately =
    deps.direct && utf8Bytes(markdown) <= LIMITS.direct ? await deps.direct.known(unique) : new Set<string>();
  const pushes = withGroupRest(key, unique, privately, markdown, markdown);
  return card
    ? pushes.map((p) => (p.target.kind === 'direct' && carded(p.target.userid) ? { ...p, card } : p))
    : pushes;
}

/** Private notices to people outside the group (unit contacts): see `toPeople`. */
async function planForPeople(
  deps: NotifierDeps,
  key: string,
  userids: string[],
  markdown: string,
  groupText: string,
): Promise<PushRequest[]> {
  const unique = [...new Set(userids)].filter(Boolean);
  if (unique.length === 0) return [];
  if (deps.appCanSend)
    return [{ key, target: { kind: 'users', userids: unique }, format: 'markdown', content: markdown }];
  const chats = deps.contactChats;
  const privately = chats && utf8Bytes(markdown) <= LIMITS.direct ? await chats.known(unique) : new Set<string>();
  return withGroupRest(key, unique, privately, markdown, groupText);
}

/**
 * Private notices, never the group (催投, the office's cards): one app message when the self-built app can send,
 * else one-to-one over the long connection to those who have written to the bot (known whenever the long
 * connection is here, whichever channel carries group pushes). Says who could not be reached. `card` is
 * called once per message, as WeCom wants a task id used once per bot.
 */
async function planPrivately(
  deps: NotifierDeps,
  n: { key: string; userids: string[]; markdown: string; card?: () => Card },
): Promise<{ pushes: PushRequest[]; told: string[]; unreachable: string[] }> {
  const { key, markdown } = n;
  const unique = [...new Set(n.userids)].filter(Boolean);
  const card = () => (n.card ? { card: n.card() } : {});
  if (unique.length && deps.appCanSend) {
    const push: PushRequest = {
      key,
      target: { kind: 'users', userids: unique },
      format: 'markdown',
      content: markdown,
    };
    return { pushes: [{ ...push, ...card() }], told: unique, unreachable: [] };
  }
  const chats = deps.contactChats;
  const known =
    chats && unique.length && utf8Bytes(markdown) <= LIMITS.direct ? await chats.known(unique) : new Set<string>();
  const told = unique.filter((u) => known.has(u));
  const pushes = told.map((u): PushRequest => ({
    key: `${key}:direct:${u}`,
    // A refused one-to-one message must not fall back to a group @-mention: it is private or nothing.
    target: { kind: 'direct', userid: u, privateOnly: true },
    format: 'markdown',
    content: markdown,
    ...card(),
  }));
  return { pushes, told, unreachable: unique.filter((u) => !known.has(u)) };
}
