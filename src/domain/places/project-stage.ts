import type { ProjectStage } from './place.ts';

/**
 * Patterns tried in order; the first that matches the progress text wins. Order matters:
 * 试生产 contains no 设备 but 二期厂房主体完成 contains 完成 while the plant is still being built,
 * so completion is recognised only by 竣工, 投产 or 建成, and equipment before construction.
 */
const STAGE_PATTERNS: ReadonlyArray<readonly [ProjectStage, RegExp]> = [
  ['trial', /试生产|试运行|试产/],
  ['completed', /竣工|投产|建成/],
  ['equipment', /设备/],
  ['preliminary', /前期|筹建|立项|审批|报批/],
  ['construction', /建设|施工|桩基|结顶|主体|厂房|开工|基础/],
  ['planning', /规划|谋划/],
  ['underway', /实施|推进|进行/],
];

/**
 * The stage a project's printed progress (形象进度, seed 000 附件3) describes. 实施阶段 and
 * 二期推进 say the project is under way without saying which phase, so they map to `underway`
 * rather than being guessed into construction.
 */
export function projectStage(progressZh: string): ProjectStage {
  const text = progressZh.replace(/\s+/g, '');
  for (const [stage, pattern] of STAGE_PATTERNS) {
    if (pattern.test(text)) return stage;
  }
  return 'unknown';
}

/** Display names of the stages, in their natural order. */
export const PROJECT_STAGES: ReadonlyArray<{ id: ProjectStage; nameZh: string; nameEn: string }> = [
  { id: 'planning', nameZh: '谋划', nameEn: 'Planning' },
  { id: 'preliminary', nameZh: '前期', nameEn: 'Preliminary works' },
  { id: 'construction', nameZh: '建设', nameEn: 'Construction' },
  { id: 'equipment', nameZh: '设备', nameEn: 'Equipment' },
  { id: 'trial', nameZh: '试生产', nameEn: 'Trial production' },
  { id: 'completed', nameZh: '竣工', nameEn: 'Completed' },
  { id: 'underway', nameZh: '实施中', nameEn: 'Under way (phase not stated)' },
  { id: 'unknown', nameZh: '未知', nameEn: 'Unknown' },
];
