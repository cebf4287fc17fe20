import { t } from '../../messages';
import { neutralizeOfficeMarkdown, neutralizeUserText } from '../../text/sanitize';

// An announcement's words as the group sees them: the one rendering, for the push and for the preview.

/** The group's markdown for one announcement: the one rendering, for the push and for the preview. */
export function groupMarkdown(doc: { code: string; content: string; authorName: string }): string {
  return t('announcePush', {
    code: doc.code,
    content: neutralizeOfficeMarkdown(doc.content),
    author: neutralizeUserText(doc.authorName),
  });
}

/** The first line of an announcement, short, for lists and notices. */
export function previewOf(content: string, maxChars = 24): string {
  const line =
    content
      .split(/\r?\n/)
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  const chars = [...line];
  return chars.length <= maxChars ? line : `${chars.slice(0, maxChars - 1).join('')}…`;
}
