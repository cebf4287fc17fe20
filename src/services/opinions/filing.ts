import { refuse } from '../../refusals';
import { maskSensitive } from '../../text/mask';
import { deriveTitle } from '../../text/title';
import { wallTime } from '../../time/zone';
import { formatCode, nextCode } from '../codes';
import { extractCategoryTag, pickCategory, type CategoryPick } from './category';
import { type ActionInput, type Opinion, type OpinionDeps, timelineEntry } from './opinion-steps';
import { createSimilarity } from './similar-ranking';
import { isDuplicateKey } from '../../models/duplicate-key';
import { recordWrite } from '../../models/audit-entry';
import { type NewOpinion, opinionRows } from '../../repositories';
import { ObjectId } from 'mongodb';

import type { OpinionSource } from '../../contracts/labels';
export type { OpinionSource };

export interface FileInput extends ActionInput {
  /** What was said, with an optional `#类别` tag at the end. */
  text: string;
  source: OpinionSource;
}

export interface FiledOpinion {
  opinion: Opinion;
  pick: CategoryPick;
  similar: Array<{ code: string; title: string }>;
}

export function createFiling(d: OpinionDeps) {
  const limits = d.config.tunables.opinion;
  const { Opinion } = d.models;

  const { rank, findSimilar, pool } = createSimilarity(d);

  // Filings go to the opinions' repository (one group-committed insert through the driver); the insert that took
  // effect is the filing's 操作日志 entry.
  const rows = opinionRows(Opinion);
  async function insertOpinion(row: NewOpinion): Promise<Opinion> {
    await rows.insert(row);
    await recordWrite({ kind: 'Opinion', code: row.code, op: 'create' });
    return row as unknown as Opinion;
  }

  /** Files an opinion; a retried message returns the opinion it already created. */
  async function file(input: FileInput): Promise<FiledOpinion> {
    const categories = Object.keys(d.config.categories);
    const { text, tag } = extractCategoryTag(input.text, categories);
    const length = [...text].length;
    if (length === 0) refuse('opinion.textMissing', { source: input.source });
    if (length < limits.minChars) refuse('opinion.textTooShort', { min: limits.minChars, source: input.source });
    if (length > limits.maxChars) refuse('opinion.textTooLong', { max: limits.maxChars, length });
    const pick = pickCategory(text, tag, d.config.categories);

    // No look for an earlier filing of this message first: the inbox answers WeCom's retries, and a re-run
    // after a crash meets the unique `origin` below (its code number stays unused, as for a race).
    const similar = rank(text, await pool.get(input.now));

    const year = wallTime(input.now, d.config.timezone).year;
    const code = await nextCode(d.models, 'YJ', year);
    try {
      const opinion = await insertOpinion({
        _id: new ObjectId(),
        code: formatCode(code),
        year,
        seq: code.seq,
        origin: input.msgId,
        source: input.source,
        filer: input.actor.userid,
        filerName: input.actor.name,
        cosigners: [],
        // Masked before cutting: a cut through a phone number would escape the mask and leak its digits.
        title: deriveTitle(maskSensitive(text), 30),
        content: text,
        category: pick.category,
        categoryBasis: { how: pick.how, ...(pick.keywords ? { keywords: pick.keywords } : {}) },
        status: '待交办',
        round: 0,
        filedAt: input.now,
        lastEventAt: input.now,
        rounds: [],
        timeline: [timelineEntry('filed', input, { note: input.source })],
      });
      pool.add({ code: opinion.code, title: opinion.title, content: opinion.content });
      return { opinion, pick, similar };
    } catch (err) {
      // The same message processed twice (at once, or again after a crash): the second answers with the
      // first one's opinion, not compared with itself (its own code number stays unused).
      if (!isDuplicateKey(err)) throw err;
      const winner = await Opinion.findOne({ origin: input.msgId }).lean<Opinion>();
      if (!winner) throw err;
      return { opinion: winner, pick, similar: similar.filter((s) => s.code !== winner.code) };
    }
  }

  return { file, findSimilar, forgetPool: pool.forget };
}
