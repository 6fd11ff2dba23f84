// Dexie needs a global indexedDB when it loads; databases still use their own factory.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { freshProfile, type Profile } from '../../tests/persistence/fresh-db.ts';
import { DEFAULT_EVALUATION_SETTINGS } from '../domain/evaluation/evaluation-settings.ts';
import { ImportedLayersRepo } from '../persistence/imported-layers.repo.ts';
import { workerEvaluationEngine } from '../state/evaluation-worker.ts';
import type { EvaluationRequest } from './evaluation-session.ts';
import { InlineEvaluationWorker } from './inline-evaluation-worker.test-helper.ts';

let profile: Profile;
afterEach(() => profile.close());

async function storedLayer() {
  profile = freshProfile();
  const db = profile.openTab();
  const records = Array.from({ length: 30 }, (_, i) => ({
    geometry: { type: 'Point' as const, coordinates: [120 + i / 100, 30.8] },
    fields: {
      name: `企业${i}`,
      districtCode: '330502',
      sizeClass: 'below',
      year: 2023,
      landAreaMu: 10,
      taxWanYuan: 1 + i,
      electricityKwh: 100_000,
    },
  }));
  const result = await new ImportedLayersRepo(db).commit(
    { name: '企业', kind: 'enterprises', sourceFileName: 'a.csv', importInfo: {}, records },
    { enteredBy: '' },
  );
  if (!result.ok) throw new Error('fixture layer not stored');
  const request: EvaluationRequest = {
    layerId: result.layer.id,
    revision: result.layer.revision,
    settings: DEFAULT_EVALUATION_SETTINGS,
    year: null,
    sortKey: 'score',
    descending: true,
    pageSize: 10,
  };
  return { db, request };
}

describe('the evaluation worker', () => {
  it('reads the layer itself and answers with a page of rows and every record’s class', async () => {
    const { db, request } = await storedLayer();
    const engine = workerEvaluationEngine(() => new InlineEvaluationWorker(db));
    const view = await engine.evaluate(request);
    expect(view.rowCount).toBe(30);
    expect(view.rows).toHaveLength(10);
    // Highest tax per mu first: 企业29 pays 30 万元 on 10 亩.
    expect(view.rows[0]?.inputs.name).toBe('企业29');
    expect(view.records.recordIndex).toHaveLength(30);
    expect([...view.records.classCode].every((c) => c >= 1 && c <= 4)).toBe(true);
    const next = await engine.rows(10, 5);
    expect(next.map((r) => r.inputs.name)).toEqual([
      '企业19',
      '企业18',
      '企业17',
      '企业16',
      '企业15',
    ]);
    engine.dispose();
  });

  it('skips an evaluation a newer one overtook while it waited, answering only the newer', async () => {
    const { db, request } = await storedLayer();
    const engine = workerEvaluationEngine(() => new InlineEvaluationWorker(db));
    const first = engine.evaluate(request);
    const second = engine.evaluate({ ...request, descending: false });
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    expect((await second).rows[0]?.inputs.name).toBe('企业0');
    engine.dispose();
  });
});
