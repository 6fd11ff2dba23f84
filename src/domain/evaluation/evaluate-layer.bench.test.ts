import { describe, expect, it } from 'vitest';
import { evaluateLayer } from './evaluate-layer.ts';
import { enterprise } from './evaluation.fixture.ts';
import { DEFAULT_EVALUATION_SETTINGS } from './evaluation-settings.ts';

/** A layer of `count` enterprises over two years, figures spread by a fixed recurrence. */
function bigLayer(count: number) {
  let seed = 7;
  const next = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const industries = ['纺织', '机械', '建材', '家具', '化工', '电池', '电机', '竹木'];
  return Array.from({ length: count }, (_, i) =>
    enterprise({
      name: `企业${i % (count / 2)}`,
      year: i < count / 2 ? 2022 : 2023,
      industry: industries[i % industries.length] as string,
      sizeClass: i % 3 === 0 ? 'below' : 'above',
      figures: {
        landAreaMu: 5 + next() * 100,
        taxWanYuan: next() * 3000,
        valueAddedWanYuan: next() * 10000,
        energyTce: 100 + next() * 5000,
        emissionsTonnes: 1 + next() * 200,
        electricityKwh: 1e5 + next() * 1e7,
        employees: 10 + next() * 900,
        rdSpendingWanYuan: next() * 500,
        revenueWanYuan: 1000 + next() * 30000,
      },
    }),
  );
}

describe('evaluateLayer at scale', () => {
  it('evaluates 100,000 enterprise-years (two years) in seconds, every one classed', () => {
    const layer = bigLayer(100_000);
    const started = performance.now();
    const result = evaluateLayer(layer, DEFAULT_EVALUATION_SETTINGS);
    const elapsedMs = performance.now() - started;
    console.log(`evaluateLayer, 100,000 enterprise-years: ${elapsedMs.toFixed(0)} ms`);
    expect(result.enterprises).toHaveLength(50_000);
    expect(result.enterprises.every((e) => e.evaluationClass !== null)).toBe(true);
    // Quadratic work (an industry average or a rank per row over all rows) takes minutes here;
    // the bound is loose because engineers share this machine's two cores.
    expect(elapsedMs).toBeLessThan(10_000);
  }, 60_000);
});
