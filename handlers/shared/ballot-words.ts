import { UserError } from '../../src/errors';
import { parseChineseNumber, parseWhen } from '../../src/time/parse-time';
import { endOfDay } from '../../src/time/zone';

export interface BallotLine {
  title: string;
  candidates: string[];
  choose: number;
  upTo: boolean;
  deadline: Date;
}

const MARK = /(候选\s*[:：])|(截止\s*[:：])|((?:最多|至多)?\s*选\s*([0-9一二两三四五六七八九十]+)\s*项)/g;

/** `<标题> 候选：甲；乙；丙 选2项 截止：12月10日18点`, the parts in any order after the title. */
export function readBallotLine(text: string, now: Date, tz: string): BallotLine {
  const marks = [...text.matchAll(MARK)];
  const title = (marks.length ? text.slice(0, marks[0]!.index) : text).trim();
  let candidates: string[] = [];
  let deadlineText: string | undefined;
  let choose: { n: number; upTo: boolean } | undefined;
  marks.forEach((m, i) => {
    const end = i + 1 < marks.length ? marks[i + 1]!.index : text.length;
    const value = text.slice((m.index ?? 0) + m[0].length, end).trim();
    if (m[1])
      candidates = value
        .split(/[；;、，,\n]+/)
        .map((c) => c.trim())
        .filter(Boolean);
    else if (m[2]) deadlineText = value.replace(/[，,。；;]+$/, '');
    else choose = { n: parseChineseNumber(m[4]!) ?? Number(m[4]), upTo: /^(最多|至多)/.test(m[3]!) };
  });
  if (!title || candidates.length === 0) throw new UserError('ballotOpenUsage');
  if (!choose) throw new UserError('ballotNeedChoose');
  if (!deadlineText) throw new UserError('ballotNeedDeadline');
  return { title, candidates, choose: choose.n, upTo: choose.upTo, deadline: readDeadline(deadlineText, now, tz) };
}

/** A deadline in Chinese words; a day without a clock time means the end of that day. */
export function readDeadline(text: string, now: Date, tz: string): Date {
  const parsed = parseWhen(text, { now, tz });
  const rest = parsed.ok ? text.slice(parsed.matched.length).trim() : text;
  if (!parsed.ok || rest) throw new UserError('ballotBadDeadline', { input: [...text].slice(0, 16).join('') });
  return parsed.hasTime ? parsed.date : endOfDay(parsed.date, tz);
}

/** 序号 as typed (`1 3`, `1，3`, `1、3`, full-width digits); undefined when something else is there. */
export function readChoiceNumbers(text: string): number[] | undefined {
  const words = text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .split(/[\s,，、;；]+/)
    .filter(Boolean);
  if (words.length === 0 || !words.every((w) => /^\d{1,3}$/.test(w))) return undefined;
  return words.map(Number);
}

const RATING_INDEX: Record<string, number> = { 满意: 0, 基本满意: 1, 基本: 1, 不满意: 2 };

/**
 * A rating of every subject as typed (`满意 基本满意 不满意`, separated by spaces or ，、), as indices in the
 * order 满意, 基本满意, 不满意; undefined when a word is no rating.
 */
export function readRatings(text: string): number[] | undefined {
  const words = text.split(/[\s,，、;；]+/).filter(Boolean);
  if (words.length === 0 || !words.every((w) => Object.hasOwn(RATING_INDEX, w))) return undefined;
  return words.map((w) => RATING_INDEX[w]!);
}

/** A list typed after 项目： or 单位：, split on ；;、，, and new lines. */
export function readList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[；;、，,\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
