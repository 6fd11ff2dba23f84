import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import {
  StorageFullError,
  asStorageFull,
  catchStorageFull,
  isQuotaExceeded,
} from '../../src/persistence/storage-errors.ts';

const quotaDom = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaExceeded', () => {
  it('recognises the DOMException a browser throws', () => {
    expect(isQuotaExceeded(quotaDom())).toBe(true);
  });

  it('recognises Dexie’s own QuotaExceededError', () => {
    expect(isQuotaExceeded(new Dexie.QuotaExceededError('full', quotaDom()))).toBe(true);
  });

  it('recognises Dexie’s AbortError for a transaction aborted for quota', () => {
    expect(isQuotaExceeded(new Dexie.AbortError(quotaDom()))).toBe(true);
  });

  it('recognises a quota error given as a standard cause, and Firefox’s legacy name', () => {
    expect(isQuotaExceeded(new Error('write failed', { cause: quotaDom() }))).toBe(true);
    expect(isQuotaExceeded({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
  });

  it('does not take other failures for a full disk', () => {
    expect(isQuotaExceeded(new Dexie.AbortError(new DOMException('x', 'UnknownError')))).toBe(
      false,
    );
    expect(isQuotaExceeded(new Dexie.AbortError())).toBe(false);
    expect(isQuotaExceeded(new DOMException('x', 'ConstraintError'))).toBe(false);
    expect(isQuotaExceeded('QuotaExceededError')).toBe(false);
    expect(isQuotaExceeded(null)).toBe(false);
  });
});

describe('asStorageFull and catchStorageFull', () => {
  it('wraps a quota error, keeping the original as the cause', () => {
    const original = new Dexie.AbortError(quotaDom());
    const full = asStorageFull(original);
    expect(full).toBeInstanceOf(StorageFullError);
    expect(full?.cause).toBe(original);
    expect(full?.messageId).toBe('persistence.storageFull');
  });

  it('turns a quota failure into a result and rethrows anything else', async () => {
    const full = await catchStorageFull(() => Promise.reject(quotaDom()));
    expect(full).toMatchObject({ ok: false, kind: 'storage-full' });
    const other = new TypeError('bug');
    await expect(catchStorageFull(() => Promise.reject(other))).rejects.toBe(other);
    expect(await catchStorageFull(() => Promise.resolve(7))).toBe(7);
  });
});
