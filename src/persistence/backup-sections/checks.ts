/** Small type checks shared by the backup sections' record validators. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isString = (v: unknown): v is string => typeof v === 'string';

export const isIsoTime = (v: unknown): v is string => isString(v) && Number.isFinite(Date.parse(v));
