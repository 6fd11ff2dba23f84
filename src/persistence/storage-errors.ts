/**
 * Storage-full errors, recognised however the browser and Dexie wrap them, so the UI can say
 * "storage full — your edit is kept, retry" instead of failing silently.
 */

/** Names browsers give a quota error (Firefox's legacy name included). */
const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
/** The legacy DOMException code for QUOTA_EXCEEDED_ERR. */
const QUOTA_EXCEEDED_ERR_CODE = 22;
/** How deep to look through `inner`/`cause` chains; real wrappings are one or two levels. */
const MAX_WRAP_DEPTH = 5;

/** The browser refused a write for lack of space; nothing of that write was stored. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  /** The i18n message id the UI shows for it. */
  readonly messageId = 'persistence.storageFull';

  constructor(cause: unknown) {
    super('Browser storage is full; the write was not stored.', { cause });
  }
}

function isQuotaError(error: object): boolean {
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    (typeof name === 'string' && QUOTA_ERROR_NAMES.has(name)) ||
    (error instanceof DOMException && code === QUOTA_EXCEEDED_ERR_CODE)
  );
}

/**
 * True when an error is, or wraps, a quota error: a DOMException `QuotaExceededError`, Dexie's
 * `QuotaExceededError`, or Dexie's `AbortError` for a transaction the browser aborted for quota
 * (Dexie keeps the original in `inner`; standard errors use `cause`).
 */
export function isQuotaExceeded(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_WRAP_DEPTH; depth += 1) {
    if (typeof current !== 'object' || current === null) return false;
    if (current instanceof StorageFullError || isQuotaError(current)) return true;
    const { inner, cause } = current as { inner?: unknown; cause?: unknown };
    current = inner ?? cause;
  }
  return false;
}

/** The error as a `StorageFullError` when it is a quota error; undefined otherwise. */
export function asStorageFull(error: unknown): StorageFullError | undefined {
  if (error instanceof StorageFullError) return error;
  return isQuotaExceeded(error) ? new StorageFullError(error) : undefined;
}

/** A write that stored nothing because the browser is out of space; the UI keeps the edit. */
export interface StorageFullFailure {
  ok: false;
  kind: 'storage-full';
  error: StorageFullError;
}

/**
 * Runs a write, returning a quota error as a `StorageFullFailure` result instead of throwing, so
 * callers must handle it; any other error is rethrown unchanged.
 */
export async function catchStorageFull<R>(work: () => Promise<R>): Promise<R | StorageFullFailure> {
  try {
    return await work();
  } catch (error) {
    const full = asStorageFull(error);
    if (full) return { ok: false, kind: 'storage-full', error: full };
    throw error;
  }
}
