import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseInWorker, type WorkerLike } from './import-client.ts';
import type { ImportProgress } from './import-preview.ts';
import {
  CHUNK_RECORDS,
  handleImportRequest,
  type ImportWorkerRequest,
  type ImportWorkerResponse,
} from './import-worker-protocol.ts';

const rows = (n: number) =>
  ['企业名称,经度,纬度', ...Array.from({ length: n }, (_, i) => `企业${i},120.1,30.9`)].join('\n');

/** A Worker stand-in that runs the real worker handler on the next task. */
class InlineWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  terminated = false;
  postMessage(message: ImportWorkerRequest): void {
    setTimeout(() => {
      if (this.terminated) return;
      handleImportRequest(message, (response) => {
        if (!this.terminated)
          this.onmessage?.({ data: response } as MessageEvent<ImportWorkerResponse>);
      });
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('import worker protocol', () => {
  it('posts progress, throttled, then the preview last', () => {
    const posted: ImportWorkerResponse[] = [];
    let clock = 0;
    handleImportRequest(
      { type: 'parse', id: 7, file: { name: 'a.csv', bytes: strToU8(rows(20_000)) }, options: {} },
      (r) => posted.push(r),
      () => (clock += 10),
    );
    const last = posted.at(-1);
    expect(last?.type).toBe('result');
    const chunks = posted.flatMap((p) => (p.type === 'chunk' ? [p] : []));
    expect(chunks.reduce((n, c) => n + c.records.length, 0)).toBe(20_000);
    expect(chunks.every((c) => c.records.length <= CHUNK_RECORDS)).toBe(true);
    expect(chunks[0]?.records[0]?.fields['name']).toBe('企业0');
    const progress = posted.filter((p) => p.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.length).toBeLessThan(10);
    expect(posted.every((p) => p.id === 7)).toBe(true);
    const final = progress.at(-1);
    expect(final?.type === 'progress' && final.progress.done === final.progress.total).toBe(true);
  });
});

describe('import client', () => {
  it('resolves with the preview and reports progress, ending the worker', async () => {
    const worker = new InlineWorker();
    const seen: ImportProgress[] = [];
    const preview = await parseInWorker(
      { name: 'a.csv', bytes: strToU8(rows(3)) },
      {},
      (p) => seen.push(p),
      undefined,
      () => worker,
    );
    expect(preview.records).toHaveLength(3);
    expect(seen.length).toBeGreaterThan(0);
    expect(worker.terminated).toBe(true);
  });

  it('puts the records sent in slices back together in order, with the rejected rows', async () => {
    const n = CHUNK_RECORDS * 2 + 17;
    const text = `${rows(n)}\n坏,东经,30.9\n`;
    const preview = await parseInWorker(
      { name: 'a.csv', bytes: strToU8(text) },
      {},
      undefined,
      undefined,
      () => new InlineWorker(),
    );
    expect(preview.records.map((r) => r.index)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(preview.rejected).toEqual([
      { row: n + 2, column: '经度', value: '东经', reason: 'badCoordinate' },
    ]);
  });

  it('rejects with AbortError and ends the worker when cancelled', async () => {
    const worker = new InlineWorker();
    const controller = new AbortController();
    const pending = parseInWorker(
      { name: 'a.csv', bytes: strToU8(rows(3)) },
      {},
      undefined,
      controller.signal,
      () => worker,
    );
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker.terminated).toBe(true);
  });
});
