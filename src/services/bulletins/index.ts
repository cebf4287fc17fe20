// The bulletins domain: announcements (公告), study material (学习) and the weekly digest.
export { createBulletins, type BulletinDeps } from './bulletins';
export {
  type AnnouncementPreview,
  type AnnouncementStatus,
  type AnnouncementView,
  type Announcements,
  previewOf,
} from './announcements';
export type { QueuedStudyItem, Study, StudyProgress, StudyView } from './study';
export type { Digest, DigestSources } from './digest';
export { type DigestData, formatDigest, packSections } from './digest-format';
