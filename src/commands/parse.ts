import { normalizeSpaces, stripMentions, toHalfWidth } from '../text/normalize';
import type { Command } from './types';

export interface CommandTable {
  commands: readonly Command[];
  /** Every name and alias, lower-cased, longest first (so 会议通知 wins over 会议). */
  words: Array<{ word: string; command: Command }>;
}

/** Builds the lookup table; a duplicate name or alias is a programming error caught at start-up. */
export function createCommandTable(commands: readonly Command[]): CommandTable {
  const seen = new Map<string, string>();
  const words: CommandTable['words'] = [];
  for (const c of commands) {
    for (const w of [c.name, ...(c.aliases ?? [])]) {
      const key = toHalfWidth(w).toLowerCase();
      const prev = seen.get(key);
      if (prev) throw new Error(`command word "${w}" is used by both "${prev}" and "${c.name}"`);
      seen.set(key, c.name);
      words.push({ word: key, command: c });
    }
  }
  words.sort((a, b) => b.word.length - a.word.length);
  return { commands, words };
}

export type ParsedLine =
  | { kind: 'empty' }
  | { kind: 'unknown'; input: string }
  | { kind: 'command'; command: Command; invokedAs: string; args: string };

const ASCII_WORD = /^[a-z?]+$/;

/** Strips mentions and `/`/`#`, then finds the longest command word the text starts with. */
export function parseCommandLine(raw: string, table: CommandTable, botName?: string): ParsedLine {
  const text = normalizeSpaces(stripMentions(normalizeSpaces(raw), botName));
  if (!text) return { kind: 'empty' };
  // Full-width → half-width is one UTF-16 unit for one, so indexes line up with the original.
  const folded = toHalfWidth(text).toLowerCase();
  for (const { word, command } of table.words) {
    if (!folded.startsWith(word)) continue;
    const next = folded.charAt(word.length);
    // ASCII words (help, ?) need a boundary; Chinese words may run straight into their argument.
    if (ASCII_WORD.test(word) && next !== '' && !/\s/.test(next)) continue;
    return { kind: 'command', command, invokedAs: text.slice(0, word.length), args: text.slice(word.length).trim() };
  }
  const first = text.split(/\s/)[0] ?? text;
  return { kind: 'unknown', input: first.length > 12 ? `${[...first].slice(0, 12).join('')}…` : first };
}
