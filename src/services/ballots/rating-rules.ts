import { RATINGS } from '../../contracts/labels';
import { formatRate } from '../opinions';

/** The ratings of a 测评 or 评议, in the order counted: 满意, 基本满意, 不满意. */
export const RATING_WORDS = RATINGS;
export const RATING_COUNT = RATINGS.length;

/** Limits of a rating ballot: one vote rates every subject, and a phone must carry the line. */
export const APPRAISAL_LIMITS = { maxSubjects: 20, subjectMaxChars: 40 };

export interface RatingLine {
  /** 序号, from 1. */
  n: number;
  name: string;
  /** The project's code or the unit's name. */
  ref: string;
  /** Per rating, in RATING_WORDS order. */
  counts: number[];
  rated: number;
  /** 满意率: (满意 + 基本满意) ÷ rated, one decimal, or — when nobody rated. */
  rate: string;
}

export interface RatingTally {
  lines: RatingLine[];
  turnout: number;
  entitled: number;
  /** More than half of all entitled voters took part. */
  quorum: boolean;
}

/** The counts slot of subject i's rating r (counts are stored flat: subject by subject, rating by rating). */
export const ratingSlot = (subject: number, rating: number) => subject * RATING_COUNT + rating;

/** Each subject's counts and 满意率 (the one rate definition: satisfied or basically satisfied of those rated). */
export function ratingTallyOf(b: {
  candidates: string[];
  subjectRefs?: string[] | null;
  counts: number[];
  turnout: number;
  entitled: number;
}): RatingTally {
  const lines = b.candidates.map((name, i) => {
    const counts = RATING_WORDS.map((_, r) => b.counts[ratingSlot(i, r)] ?? 0);
    const rated = counts.reduce((a, c) => a + c, 0);
    return {
      n: i + 1,
      name,
      ref: b.subjectRefs?.[i] ?? name,
      counts,
      rated,
      rate: formatRate(counts[0]! + counts[1]!, rated),
    };
  });
  return { lines, turnout: b.turnout, entitled: b.entitled, quorum: b.turnout * 2 > b.entitled };
}
