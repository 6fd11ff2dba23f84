import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeedCsv } from '../seeds/seed-csv.format.ts';
import { PROJECT_STAGES, projectStage } from './project-stage.ts';

/** How each progress text of the 48 projects (seed 000 lines 568-975) reads, phrase by phrase. */
const READINGS: Record<string, string> = {
  实施阶段: 'underway',
  项目实施阶段: 'underway',
  二期推进: 'underway',
  基础建设: 'construction',
  基础设施建设: 'construction',
  二期主体建设: 'construction',
  开工建设: 'construction',
  项目建设中: 'construction',
  部分厂房结顶: 'construction',
  主体厂房建设中: 'construction',
  项目主体建设中: 'construction',
  项目桩基施工: 'construction',
  厂房改造中: 'construction',
  主体施工: 'construction',
  二期厂房主体完成: 'construction',
  设备入场: 'equipment',
  设备安装调试: 'equipment',
  设备订购: 'equipment',
  试生产中: 'trial',
  项目试生产: 'trial',
  项目开始试生产: 'trial',
  二期筹建: 'preliminary',
};

function progressTexts(): string[] {
  const text = readFileSync(new URL('../../../seeds/huzhou-key-projects.csv', import.meta.url));
  const rows = parseSeedCsv('huzhou-key-projects.csv', text.toString('utf8')).table.rows;
  return [...new Set(rows.map((r) => r.cells['progress_zh'] ?? ''))].sort();
}

describe('projectStage', () => {
  it('reads every distinct progress text of the seed projects', () => {
    const texts = progressTexts();
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) {
      expect({ text, stage: projectStage(text) }).toEqual({ text, stage: READINGS[text] });
    }
  });

  it('lists no reading for a text the seeds do not hold', () => {
    expect(Object.keys(READINGS).sort()).toEqual(progressTexts());
  });

  it('recognises completion and early phases the 2017 list does not use yet', () => {
    expect(projectStage('已竣工')).toBe('completed');
    expect(projectStage('建成投产')).toBe('completed');
    expect(projectStage('前期准备')).toBe('preliminary');
    expect(projectStage('规划设计')).toBe('planning');
    expect(projectStage('试 生 产')).toBe('trial');
  });

  it('says unknown rather than guessing', () => {
    expect(projectStage('')).toBe('unknown');
    expect(projectStage('见附表')).toBe('unknown');
  });

  it('names every stage it can return', () => {
    const ids = PROJECT_STAGES.map((s) => s.id);
    for (const stage of Object.values(READINGS)) expect(ids).toContain(stage);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
