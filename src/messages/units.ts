import { RESOLUTION_LABELS, RESOLUTIONS } from '../contracts/labels';

/** A 落实 class as people read it: `A 已解决`. */
const classLabel = (r: string) => `${r} ${RESOLUTION_LABELS[r as keyof typeof RESOLUTION_LABELS] ?? ''}`.trim();
/** The four classes in one line, for usage hints. */
const classList = () => RESOLUTIONS.map(classLabel).join('、');

// The handling units' loop (承办单位): 落实 classes, unit contacts, the unit's answer and the office's review.
export const units = {
  resolutionLabel: (p: { resolution: string }) => classLabel(p.resolution),
  resolutionMissing: (p: { code: string }) =>
    `请在答复内容前写上落实分类（${classList()}），例如：答复 ${p.code} A 已于11月20日完成路灯维修`,
  resolutionBad: (p: { code: string; input: string }) =>
    `「${p.input}」不是落实分类，只能是 ${classList()}。例如：答复 ${p.code} B 已列入明年道路改造计划`,
  refusalResolutionMissing: () => `请选择落实分类（${classList()}）。`,
};
