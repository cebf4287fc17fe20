import { UserError } from '../errors';
import { t } from '../messages';
import { toHalfWidth } from '../text/normalize';
import { yearOf } from '../time/zone';
import { extractOptions, splitFirst } from './args';
import type { ArgsSpec, Command, CommandContext, Param } from './types';

export type ReadArgs =
  { ok: true; params: CommandContext['params']; options: CommandContext['options'] } | { ok: false; reply: string };

export interface ReadArgsEnv {
  now: Date;
  timezone: string;
  /** Normalises an opinion code, or refuses it with the command's own example (UserError). */
  opinionCode(input: string, command: string): string;
}

const THIS_YEAR = ['今年', '本年', '本年度'];
const LAST_YEAR = ['去年', '上年'];

/** Picks a year word out of the text (any position); the other words stay, in order. */
function takeYear(text: string, current: number): { year: number; rest: string } {
  let year = current;
  const rest: string[] = [];
  for (const word of toHalfWidth(text).split(/\s+/).filter(Boolean)) {
    const y = /^(\d+)年?度?$/.exec(word);
    if (y) {
      if (y[1]!.length !== 4) throw new UserError('performanceBadYear', { year: word, current });
      year = Number(y[1]);
    } else if (THIS_YEAR.includes(word)) year = current;
    else if (LAST_YEAR.includes(word)) year = current - 1;
    else rest.push(word);
  }
  return { year, rest: rest.join(' ') };
}

/** `<编号> [原因]` … built from the declaration, for commands without a hand-written usage line. */
export function usageLine(c: Pick<Command, 'name' | 'example' | 'args'>): string {
  const spec = c.args ?? {};
  const label = (p: Param) => (p.kind === 'code' ? '编号' : p.kind === 'year' ? '年份' : p.label);
  const parts = [
    ...(spec.params ?? []).map((p) =>
      p.kind !== 'year' && (p.required || (p.kind === 'code' && p.of === 'YJ')) ? `<${label(p)}>` : `[${label(p)}]`,
    ),
    ...(spec.options ?? []).map((k) => (spec.requiredOptions?.includes(k) ? `${k}：…` : `[${k}：…]`)),
  ];
  return t('commandUsage', { command: c.name, parts: parts.join(' '), example: c.example });
}

/**
 * Reads a command's declared arguments: options first (anywhere in the text), then a year, then the
 * positional parts in order. Missing required parts answer the usage line; a bad opinion code throws.
 */
export function readArgs(command: Command, raw: string, env: ReadArgsEnv): ReadArgs {
  const spec: ArgsSpec = command.args ?? {};
  const params: CommandContext['params'] = {};
  let text = raw;
  let options: CommandContext['options'] = {};
  if (spec.options) {
    const o = extractOptions(raw, spec.options);
    options = o.options;
    text = o.rest;
  }
  const present: boolean[] = [];
  for (const p of spec.params ?? []) {
    if (p.kind === 'year') {
      const y = takeYear(text, yearOf(env.now, env.timezone));
      params[p.name] = y.year;
      text = y.rest;
      continue;
    }
    let value: string;
    if (p.kind === 'text') [value, text] = [text.trim(), ''];
    else [value, text] = splitFirst(text);
    if (p.kind === 'code' && p.of === 'YJ') {
      // An opinion code is never optional: its refusal names the command and a code that would do.
      params[p.name] = env.opinionCode(value, command.name);
      continue;
    }
    params[p.name] = value || undefined;
    if (p.required) present.push(Boolean(value));
  }
  for (const k of spec.requiredOptions ?? []) present.push(Boolean(options[k]));
  const met = spec.anyOf ? present.length === 0 || present.some(Boolean) : present.every(Boolean);
  if (!met) return { ok: false, reply: spec.usage ? t(spec.usage) : usageLine(command) };
  return { ok: true, params, options };
}
