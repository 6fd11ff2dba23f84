import { afterEach, describe, expect, it } from 'vitest';
import { validatePastedCells } from '../../src/domain/actuals/actual-cell.validator.ts';
import { placePastedCells, type PasteLayout } from '../../src/domain/actuals/paste-layout.ts';
import { parsePastedBlock } from '../../src/domain/actuals/pasted-block.parser.ts';
import { ActualsRepo } from '../../src/persistence/actuals.repo.ts';
import { FIXED_NOW, TEST_RULES, freshProfile, type Profile } from './fresh-db.ts';

const LAND_BY_YEARS: PasteLayout = {
  kind: 'districts-by-years',
  cityCode: '330500',
  indicatorId: 'land_freed_mu',
};

function validate(text: string) {
  const parsed = parsePastedBlock(text);
  if (!parsed.ok) throw new Error(parsed.reason.id);
  return validatePastedCells(placePastedCells(parsed.rows, LAND_BY_YEARS), TEST_RULES);
}

let profile: Profile;
afterEach(() => profile.close());

describe('pasting a block from Excel into the actuals table', () => {
  it('stores every cell of a clean paste', async () => {
    profile = freshProfile();
    const repo = new ActualsRepo(profile.openTab(), TEST_RULES, () => FIXED_NOW);
    const result = await repo.putPaste(
      validate('\t2023\r\n吴兴\t1,520 亩\r\n南浔\t2,010\r\n'),
      [],
      { enteredBy: '张工' },
    );
    expect(result.ok).toBe(true);
    const stored = await repo.listByIndicatorYear('land_freed_mu', 2023);
    expect(stored.map((a) => [a.districtCode, a.value, a.enteredBy])).toEqual([
      ['330502', 1520, '张工'],
      ['330503', 2010, '张工'],
    ]);
  });

  it('stores nothing when one cell is bad, and names that cell', async () => {
    profile = freshProfile();
    const repo = new ActualsRepo(profile.openTab(), TEST_RULES, () => FIXED_NOW);
    const result = await repo.putPaste(validate('\t2023\n吴兴\t1520\n南浔\t-30\n德清\t900'), [], {
      enteredBy: '',
    });
    expect(result).toEqual({
      ok: false,
      kind: 'invalid-cells',
      cells: [
        {
          valid: false,
          row: 3,
          column: 2,
          reason: { id: 'actuals.negative', params: { value: -30 } },
        },
      ],
    });
    expect(await repo.listAll()).toEqual([]);
  });

  it('says there is nothing to store for a paste of blanks', async () => {
    profile = freshProfile();
    const repo = new ActualsRepo(profile.openTab(), TEST_RULES, () => FIXED_NOW);
    expect(await repo.putPaste(validate('\t2023\n吴兴\t—'), [], { enteredBy: '' })).toEqual({
      ok: false,
      kind: 'nothing-to-store',
    });
  });

  it('overwrites values shown on screen, but not ones another tab changed since', async () => {
    profile = freshProfile();
    const tabA = new ActualsRepo(profile.openTab(), TEST_RULES, () => FIXED_NOW);
    const tabB = new ActualsRepo(profile.openTab(), TEST_RULES, () => FIXED_NOW);
    await tabA.putPaste(validate('\t2023\n吴兴\t1500\n南浔\t2000'), [], { enteredBy: '' });
    const onScreenInA = await tabA.listByIndicatorYear('land_freed_mu', 2023);
    const onScreenInB = await tabB.listByIndicatorYear('land_freed_mu', 2023);

    const corrected = await tabA.putPaste(validate('\t2023\n吴兴\t1510'), onScreenInA, {
      enteredBy: '',
    });
    expect(corrected.ok).toBe(true);

    const stale = await tabB.putPaste(validate('\t2023\n吴兴\t1600\n南浔\t2100'), onScreenInB, {
      enteredBy: '',
    });
    expect(stale.ok === false && stale.kind).toBe('conflict');
    const stored = await tabB.listByIndicatorYear('land_freed_mu', 2023);
    expect(stored.map((a) => a.value)).toEqual([1510, 2000]);
  });
});
