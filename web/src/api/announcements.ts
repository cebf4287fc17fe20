import type {
  Announcement,
  AnnouncementList,
  AnnouncementPreview,
  AnnouncementPreviewBody,
  AnnouncementSendBody,
} from '@contracts';
import { http, seg } from './request';

// 公告: the composer's preview, send now or later, the lists, cancel.
export const announcementsApi = {
  list: () => http.get<AnnouncementList>('/announcements'),
  preview: (body: AnnouncementPreviewBody) => http.post<AnnouncementPreview>('/announcements/preview', body),
  send: (body: AnnouncementSendBody) => http.post<Announcement>('/announcements', body),
  cancel: (code: string) => http.post<Announcement>(`/announcements/${seg(code)}/cancel`),
};
