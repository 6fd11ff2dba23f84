/**
 * Records what a page asks the network for and what goes wrong, so a test can assert the app
 * is local-first: every request stays on this machine, none fails, the console stays clean.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Hosts that count as this machine. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** Schemes that never leave the page. */
const IN_PAGE_SCHEMES = new Set(['data:', 'blob:']);

/** True when fetching `url` cannot leave this machine. */
export function isLocalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (IN_PAGE_SCHEMES.has(parsed.protocol)) return true;
  return (
    (parsed.protocol === 'http:' || parsed.protocol === 'https:') &&
    LOCAL_HOSTS.has(parsed.hostname)
  );
}

export interface RequestLog {
  /** Every URL requested, in order. */
  requests: string[];
  /** Requests that failed at the network level or got an HTTP error status. */
  failures: string[];
  /** Requests the page cancelled itself (MapLibre drops tiles that scrolled away). */
  aborted: string[];
  /** Console messages of type error, and uncaught page errors. */
  errors: string[];
  /** Responses by URL, for checking that e.g. glyph ranges were served. */
  statusByUrl: Map<string, number>;
}

/** Starts recording on `page`; call before the first navigation. */
export function recordRequests(page: Page): RequestLog {
  const log: RequestLog = {
    requests: [],
    failures: [],
    aborted: [],
    errors: [],
    statusByUrl: new Map(),
  };
  page.on('request', (req) => log.requests.push(req.url()));
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText ?? 'unknown';
    if (reason === 'net::ERR_ABORTED') log.aborted.push(req.url());
    else log.failures.push(`${req.url()} (${reason})`);
  });
  page.on('response', (res) => {
    log.statusByUrl.set(res.url(), res.status());
    if (res.status() >= 400) log.failures.push(`${res.url()} (HTTP ${res.status()})`);
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') log.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => log.errors.push(`page: ${err.message}`));
  return log;
}

/** Requests that went, or tried to go, somewhere other than this machine. */
export function foreignRequests(log: RequestLog): string[] {
  return log.requests.filter((url) => !isLocalUrl(url));
}

/**
 * Fails the calling test unless the page stayed on this machine, every request succeeded and
 * nothing was logged as an error.
 */
export function expectCleanRun(log: RequestLog): void {
  expect(foreignRequests(log), 'requests to other hosts').toEqual([]);
  expect(log.failures, 'failed requests').toEqual([]);
  expect(log.errors, 'console and page errors').toEqual([]);
}
