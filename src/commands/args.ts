/** Option keys people write as `键：值` anywhere in a command. */
export const OPTION_KEYS = [
  '时间',
  '地点',
  '名额',
  '截止',
  '期限',
  '单位',
  '类型',
  '小组',
  '层级',
  '联络站',
  '链接',
  '说明',
  '原因',
  '联系方式',
  '项目',
] as const;
export type OptionKey = (typeof OPTION_KEYS)[number];

export interface ParsedOptions {
  options: Partial<Record<OptionKey, string>>;
  /** The text with every recognised option removed. */
  rest: string;
  /** Keys given more than once (the last value wins; handlers may refuse). */
  repeated: OptionKey[];
}

/**
 * Pulls `时间：…`, `地点：…` etc. out of a command, in any order. A value runs to the next known
 * key or the end; `，`/`,`/`；` right before the next key are separators, not part of the value.
 */
export function extractOptions(text: string, keys: readonly OptionKey[] = OPTION_KEYS): ParsedOptions {
  const pattern = new RegExp(`(${keys.join('|')})\\s*[:：]`, 'g');
  const hits: Array<{ key: OptionKey; start: number; valueStart: number }> = [];
  for (const m of text.matchAll(pattern))
    hits.push({ key: m[1] as OptionKey, start: m.index ?? 0, valueStart: (m.index ?? 0) + m[0].length });
  const options: ParsedOptions['options'] = {};
  const repeated: OptionKey[] = [];
  let rest = hits.length ? text.slice(0, hits[0]!.start) : text;
  hits.forEach((h, i) => {
    const end = i + 1 < hits.length ? hits[i + 1]!.start : text.length;
    const value = text
      .slice(h.valueStart, end)
      .trim()
      .replace(/[，,；;、]+$/, '')
      .trim();
    if (options[h.key] !== undefined) repeated.push(h.key);
    options[h.key] = value;
  });
  rest = rest
    .trim()
    .replace(/[，,；;]+$/, '')
    .trim();
  return { options, rest, repeated };
}

/** First whitespace-separated word and the remainder. */
export function splitFirst(text: string): [string, string] {
  const t = text.trim();
  const m = /^(\S+)\s*([\s\S]*)$/.exec(t);
  return m ? [m[1]!, m[2]!.trim()] : ['', ''];
}
