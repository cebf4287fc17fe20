// Template cards: our own model (card.ts), the builders the notices and the chat share, and the task id rules.
export * from './ballot-cards';
export * from './card';
export * from './event-cards';
export { noticeCard } from './notice-card';
export * from './opinion-cards';
export * from './office-cards';
