import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSeeds } from '../src/domain/seeds/seed-check.ts';
import { formatSeedIssue, parseSeedCsv } from '../src/domain/seeds/seed-csv.format.ts';
import { toBaseUnit } from '../src/domain/seeds/seed-units.ts';

const here = dirname(fileURLToPath(import.meta.url));
const seedDocsDir = resolve(here, '..', '..', 'shared', 'seeds');

function read(dir: string, suffix: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .filter((n) => n.endsWith(suffix))
      .map((n) => [n, readFileSync(join(dir, n), 'utf8')]),
  );
}

describe.runIf(existsSync(seedDocsDir))('the committed seed CSVs', () => {
  const csv = read(here, '.csv');
  const seeds = read(seedDocsDir, '.txt');

  it('pass every check against the seed documents', () => {
    expect(checkSeeds({ csv, seeds }).issues.map(formatSeedIssue)).toEqual([]);
  });

  it('catch a planner’s typo in a project’s investment at its row and column', () => {
    const file = 'huzhou-key-projects.csv';
    const edited = new Map(csv);
    edited.set(file, (csv.get(file) ?? '').replace(',18,二期主体建设,', ',81,二期主体建设,'));
    const issues = checkSeeds({ csv: edited, seeds }).issues.map(formatSeedIssue);
    expect(issues).toContain(
      `${file}:4:investment_yi_yuan: 81 does not appear on 000_a41b79af9300f26d.txt line 584-590`,
    );
    expect(issues.some((i) => i.startsWith('huzhou-key-projects-subtotals.csv:3:'))).toBe(true);
  });

  it('state the 2027 goal of 30,000 mu of inefficient land freed, in mu', () => {
    const goals = parseSeedCsv('plan-goals.csv', csv.get('plan-goals.csv') ?? '').table.rows;
    const goal = goals.find((r) => r.cells['goal_id'] === 'hz2027_inefficient_land_freed');
    expect(goal?.cells['scope_code']).toBe('330500');
    expect(toBaseUnit(Number(goal?.cells['value']), 'wan_mu')).toEqual({
      value: 30_000,
      unit: 'mu',
    });
  });
});
