const SENTENCE_END = /[。！？!?；;]/;

/** A short title from free text: its first line or first sentence, at most maxChars code points (… included). */
export function deriveTitle(content: string, maxChars = 30): string {
  const firstLine =
    content
      .split(/\r?\n/)
      .map((line) => line.trim())
      .find((line) => line !== '') ?? '';
  const sentence =
    firstLine
      .split(SENTENCE_END)
      .map((part) => part.trim())
      .find((part) => part !== '') ?? '';
  const chars = [...sentence];
  if (chars.length <= maxChars) return sentence;
  if (maxChars <= 0) return '';
  return `${chars
    .slice(0, maxChars - 1)
    .join('')
    .trimEnd()}…`;
}
