// 公告 and 学习资料 in the console.
import type { Instant } from './common';

export interface AnnouncementPart {
  text: string;
  bytes: number;
}

/** POST /announcements/preview: the text split exactly as the push will be. */
export interface AnnouncementPreviewBody {
  content: string;
  mentionAll: boolean;
  /** The picked sending time, checked as sending would check it. */
  at?: Instant;
}
export interface AnnouncementPreview {
  code: string;
  chars: number;
  maxChars: number;
  limitBytes: number;
  parts: AnnouncementPart[];
  mentionAllPart?: AnnouncementPart;
  schedule: { at: Instant; text: string } | null;
  problems: { content?: string; at?: string };
}

export interface Announcement {
  code: string;
  content: string;
  mentionAll: boolean;
  /** ANNOUNCEMENT_STATUS_LABELS */
  status: string;
  authorName: string;
  createdAt: Instant;
  scheduledAt: Instant | null;
  sentAt: Instant | null;
  scheduledText: string | null;
}

/** GET /announcements */
export interface AnnouncementList {
  scheduled: Announcement[];
  recent: Announcement[];
}

/** POST /announcements: now, or at a picked instant (`at`; time words are the chat's). */
export interface AnnouncementSendBody {
  content: string;
  mentionAll: boolean;
  requestId: string;
  at?: Instant;
}

// -- 学习资料
export interface QueuedStudyItem {
  code: string;
  title: string;
  link: string | null;
  note: string | null;
  createdAt: Instant;
  position: number;
  version: number;
}

export interface StudyPerson {
  userid: string;
  name: string;
  at?: Instant;
}

export interface PushedStudyItem {
  code: string;
  title: string;
  link: string | null;
  note: string | null;
  pushedAt: Instant | null;
  learned: StudyPerson[];
  notLearned: StudyPerson[];
}

export interface StudyQueue {
  version: number;
  items: QueuedStudyItem[];
}

/** GET /study */
export interface StudyOverview {
  queue: StudyQueue;
  pushed: { deputies: number; items: PushedStudyItem[] };
}

export interface StudyFields {
  title: string;
  link?: string;
  note?: string;
}
/** POST /study */
export interface StudyAddBody extends StudyFields {
  requestId: string;
}
export interface StudyAdded {
  code: string;
  title: string;
  position: number;
}
/** PUT /study/:code */
export interface StudyEditBody extends StudyFields {
  version: number;
}
