// 承办单位办理情况: each unit's record of a year (the console's 单位办理 page; the 部门评议 shows the same figures).
import type { Rating, Resolution } from './labels';

/**
 * One unit's year: every handling round assigned to it that year is one case received (a second round after
 * 不满意 or a 重办 is another); withdrawn and rejected opinions count nowhere, as in every rate.
 */
export interface UnitRecord {
  unit: string;
  received: number;
  answered: number;
  answeredOnTime: number;
  answeredLate: number;
  /** Not answered and past the deadline now. */
  openOverdue: number;
  openInTime: number;
  /** Working days (holiday calendar) from 交办 to 答复, averaged over the answered rounds, one decimal; null if none. */
  averageWorkdays: number | null;
  /** Answers by 落实 class; answers given without a class are `unclassified`. */
  resolutions: Record<Resolution, number>;
  unclassified: number;
  rated: number;
  ratings: Record<Rating, number>;
  /** 按期答复率 = answered on time ÷ answered. */
  onTimeRate: string;
  /** 解决率 = class A ÷ answered. */
  resolveRate: string;
  /** 满意率 = (满意 + 基本满意) ÷ rated. */
  satisfactionRate: string;
}

/** GET /unit-records?year= */
export interface UnitRecords {
  year: number;
  units: UnitRecord[];
}
