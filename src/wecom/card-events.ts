import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { CardTap, SecretTap } from '../dispatcher/contract';

// Reading a template_card_event, whichever channel brought it, into one CardTap.

/** The event as the smart bot sends it (callback JSON, and the long connection's event frame). */
const botCardEvent = z
  .object({
    event_key: z.string().max(1024).optional(),
    task_id: z.string().max(128).optional(),
    selected_items: z
      .object({
        selected_item: z
          .array(
            z
              .object({
                question_key: z.string().max(1024),
                option_ids: z.object({ option_id: z.array(z.string().max(128)).max(20) }).partial(),
              })
              .partial(),
          )
          .max(10),
      })
      .partial()
      .optional(),
  })
  .passthrough();

/**
 * The tap of a smart-bot event body (`event`); WeCom nests it under `event.template_card_event`, while WeCom's
 * own Node SDK types it flat on `event`: the nested form first, the flat one as a fallback.
 */
export function botCardTap(event: Record<string, unknown> | undefined): CardTap | undefined {
  const nested = event?.template_card_event;
  const parsed = botCardEvent.safeParse(nested && typeof nested === 'object' ? nested : event);
  if (!parsed.success || !parsed.data.task_id || !parsed.data.event_key) return undefined;
  const selected: Record<string, string[]> = {};
  for (const item of parsed.data.selected_items?.selected_item ?? []) {
    if (item.question_key) selected[item.question_key] = item.option_ids?.option_id ?? [];
  }
  return { taskId: parsed.data.task_id, eventKey: parsed.data.event_key, selected };
}

const asList = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const asText = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'number' ? String(v).trim() : undefined;

/** The tap of a self-built app's XML event (EventKey, TaskId, SelectedItems). */
export function appCardTap(doc: Record<string, unknown>): CardTap | undefined {
  const taskId = asText(doc.TaskId);
  const eventKey = asText(doc.EventKey);
  if (!taskId || !eventKey || taskId.length > 128 || eventKey.length > 1024) return undefined;
  const selected: Record<string, string[]> = {};
  const items = (doc.SelectedItems as { SelectedItem?: unknown } | undefined)?.SelectedItem;
  for (const raw of asList(items).slice(0, 10)) {
    const item = raw as { QuestionKey?: unknown; OptionIds?: { OptionId?: unknown } };
    const question = asText(item?.QuestionKey);
    if (!question) continue;
    selected[question] = asList(item.OptionIds?.OptionId)
      .map(asText)
      .filter((x): x is string => !!x)
      .slice(0, 20);
  }
  const responseCode = asText(doc.ResponseCode);
  return { taskId, eventKey, selected, ...(responseCode && responseCode.length <= 512 ? { responseCode } : {}) };
}

/**
 * The inbox id of a tap: the same person's same choice on the same card is one tap, whether WeCom delivered the
 * event twice or the person tapped twice before the card changed (the key's step changes with every update).
 * A secret choice (the card door's table says which: a ballot's) is left out: the id is stored beside the
 * tapper, and a hash of a few choices is no secret.
 */
export function cardTapId(channel: 'bot' | 'app', senderId: string, tap: CardTap, secret: SecretTap): string {
  const selected = Object.keys(secret(tap) ? {} : tap.selected)
    .sort()
    .map((k) => `${k}=${[...(tap.selected[k] ?? [])].sort().join(',')}`)
    .join(';');
  const digest = createHash('sha256')
    .update([tap.taskId, senderId, tap.eventKey, selected].join('\n'))
    .digest('hex')
    .slice(0, 32);
  return `${channel}:card:${digest}`;
}
