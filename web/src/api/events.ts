import type {
  EventChangeBody,
  EventChanged,
  EventCreateBody,
  EventCreated,
  EventDetail,
  EventFormOptions,
  EventList,
  RoomCodeView,
} from '@contracts';
import { http, seg } from './request';

// 活动与会议: listings, one event, the form, cancelling, the room's check-in code.
const eventPath = (code: string) => `/events/${seg(code)}`;

export const eventsApi = {
  list: (when: EventList['when']) => http.get<EventList>('/events', { when }),
  detail: (code: string) => http.get<EventDetail>(eventPath(code)),
  exportUrl: (code: string) => http.url(`${eventPath(code)}/export.xlsx`),
  formOptions: () => http.get<EventFormOptions>('/event-form'),
  create: (body: EventCreateBody) => http.post<EventCreated>('/events', body),
  change: (code: string, body: EventChangeBody) => http.post<EventChanged>(`${eventPath(code)}/change`, body),
  cancel: (code: string, cancelReason: string) => http.post<EventDetail>(`${eventPath(code)}/cancel`, { cancelReason }),
  roomCode: (code: string) => http.get<RoomCodeView>(`${eventPath(code)}/room-code`),
  switchRoomCode: (code: string, on: boolean) => http.post<RoomCodeView>(`${eventPath(code)}/room-code`, { on }),
};
