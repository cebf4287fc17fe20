// The delivery domain: the persisted outbox, the notifier services push through, and its sender.
export {
  type FileChannel,
  type FilePushRequest,
  type ImagePushRequest,
  type Outbox,
  type OutboxTarget,
  type PushRequest,
  IMAGE_MAX_BYTES,
  FILE_MAX_BYTES,
  LIMITS,
  DIRECT_CHANNEL,
  createOutbox,
  pushParts,
} from './outbox';
export { type NoticeSink, type Notifier, type PersonalCard, createNotifier, mentionPush } from './notify';
export {
  type FileDelivery,
  type FileDeliveryService,
  createFileDelivery,
  fileChannelOf,
  appCanSend,
} from './file-delivery';
export { type DirectChats, createDirectChats } from './direct-chats';
export {
  type ChannelItem,
  type DeliveryChannel,
  type OutboxSender,
  type OutboxSenderOptions,
  createOutboxSender,
} from './outbox-sender';
export { type PushSender, PushError } from './push-sender';
export {
  type SendBudget,
  type Slot,
  type SlotTaken,
  createFixedWindowBudget,
  createSlidingBudget,
} from './send-budget';
export { type LinkOverview, createLinkStatus } from './link-status';
export {
  type ChooseOutcome,
  type PushGroup,
  type PushGroupOverview,
  createPushGroup,
  pushesNeedGroup,
} from './push-group';
export { createOutboxHealth } from './outbox-health';
export {
  type OutboxAdmin,
  type OutboxChange,
  type OutboxListStatus,
  type OutboxRow,
  createOutboxAdmin,
} from './outbox-admin';
