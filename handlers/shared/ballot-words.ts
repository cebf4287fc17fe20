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
function readDeadline(text: string, now: Date, tz: string): Date {
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
