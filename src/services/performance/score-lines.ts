import type { ScoreWeights } from '../../../config/score';
import { t } from '../../messages';
import { SCORE_ITEM_LABELS, SCORE_ITEM_UNITS } from '../../contracts/labels';
import { SCORE_ORDER, type ScoreCard } from './score';

/** The formula in words: 出席会议 2 分/次，… (parts worth 0 left out). */
export function formulaText(w: ScoreWeights): string {
  return SCORE_ORDER.filter((k) => w[k] > 0)
    .map((k) => `${SCORE_ITEM_LABELS[k]} ${w[k]} 分/${SCORE_ITEM_UNITS[k]}`)
    .join('，');
}

/** The score with its formula and each quarter's sum (count × points per part), for chat and console alike. */
export function scoreLines(card: ScoreCard, year: number): string[] {
  return [
    t('performanceScoreHeader', { year, total: card.total }),
    t('performanceScoreFormula', { rules: formulaText(card.weights) }),
    ...card.quarters.map((q) =>
      t('performanceScoreQuarter', {
        quarter: q.quarter,
        points: q.points,
        parts: q.parts
          .filter((p) => p.count > 0 && card.weights[p.item] > 0)
          .map((p) => `${SCORE_ITEM_LABELS[p.item]} ${p.count}×${card.weights[p.item]}`)
          .join(' + '),
      }),
    ),
  ];
}
