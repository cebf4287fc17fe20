import type { Card } from '../../cards';
import type { ClaimedItem } from './outbox-claims';
import type { DeliveryChannel } from './delivery-channel';
import type { PushSender } from './push-sender';

/** Sends one item the way its channel says: a further channel (the long connection), the robot, the app, or a reply URL. */
export async function sendItem(
  client: PushSender,
  channels: Record<string, DeliveryChannel> | undefined,
  item: ClaimedItem,
): Promise<void> {
  const extra = channels?.[item.channel];
  if (extra) {
    await extra.send(item);
  } else if (item.channel === 'webhook') {
    await client.sendGroup({
      msgtype: item.msgtype as 'markdown' | 'text' | 'image',
      content: item.content,
      mentions: item.userids,
    });
  } else if (item.channel === 'app' && item.msgtype === 'file') {
    await client.sendAppFile({
      touser: item.userids,
      filename: item.filename ?? 'file',
      bytes: Buffer.from(item.content, 'base64'),
    });
  } else if (item.channel === 'app-card-update' && item.card && item.responseCode) {
    await client.updateAppCard({
      userids: item.userids,
      responseCode: item.responseCode,
      card: JSON.parse(item.card) as Card,
    });
  } else if (item.channel === 'app' && item.card) {
    await client.sendAppCard({ touser: item.userids, card: JSON.parse(item.card) as Card });
  } else if (item.channel === 'app') {
    await client.sendApp({
      touser: item.userids,
      msgtype: item.msgtype as 'markdown' | 'text',
      content: item.content,
    });
  } else {
    await client.postResponseUrl(item.url ?? '', item.content);
  }
}
