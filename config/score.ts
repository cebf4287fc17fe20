// The optional 履职积分 formula: PERFORMANCE_SCORE="会议=2,活动=2,建议=3,满意=1,值班=1,学习=0.5" (unset: no score).

export const SCORE_KEYS = {
  会议: 'meeting',
  活动: 'activity',
  建议: 'opinion',
  满意: 'satisfied',
  值班: 'shift',
  学习: 'study',
} as const;

export type ScoreItem = (typeof SCORE_KEYS)[keyof typeof SCORE_KEYS];
/** Points per counted record; a part not named in the variable counts 0. */
export type ScoreWeights = Record<ScoreItem, number>;

/** The weights, or the sentence saying what is wrong with the text (never echoing more than the part's name). */
export function parseScoreFormula(text: string): ScoreWeights | { problem: string } {
  const weights: ScoreWeights = { meeting: 0, activity: 0, opinion: 0, satisfied: 0, shift: 0, study: 0 };
  for (const part of text
    .split(/[,，]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\S+?)\s*[=＝:：]\s*(\d{1,3}(?:\.\d{1,2})?)$/.exec(part);
    const key = m ? SCORE_KEYS[m[1] as keyof typeof SCORE_KEYS] : undefined;
    if (!m || !key) return { problem: `each part is 会议|活动|建议|满意|值班|学习=points (0–999, two decimals)` };
    weights[key] = Number(m[2]);
  }
  return weights;
}
