import { maskSensitive } from './mask';
import { neutralizeUserText } from './sanitize';

/** User text anyone in the group may read: phone and ID numbers masked, and unable to mention anyone. */
export function groupSafe(text: string): string {
  return neutralizeUserText(maskSensitive(text));
}

/** User text in a reply: in full (still unable to mention anyone) for those who may see it, group-safe otherwise. */
export function shown(text: string, full: boolean): string {
  return full ? neutralizeUserText(text) : groupSafe(text);
}
