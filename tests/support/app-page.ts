/**
 * Opens the built app the way a user would, with the recorders the e2e tests read from:
 * requests and errors, canvas text, and `#map`'s `aria-busy` transitions.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchChromium, newIsolatedContext } from './browser.ts';
import { recordFilledText } from './glyph-hook.ts';
import { expectCleanRun, recordRequests, type RequestLog } from './request-guard.ts';

declare global {
  interface Window {
    /** Each value `#map`'s aria-busy took, with performance.now() at the change. */
    __busyLog?: { value: string | null; atMs: number }[];
  }
}

/** Page-side recorder of `aria-busy` changes on `#map`; serialised, so self-contained. */
function installBusyRecorder(): void {
  const log: { value: string | null; atMs: number }[] = [];
  window.__busyLog = log;
  new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target as Element;
      if (el.id === 'map')
        log.push({ value: el.getAttribute('aria-busy'), atMs: performance.now() });
    }
  }).observe(document, { attributes: true, attributeFilter: ['aria-busy'], subtree: true });
}

export interface AppSession {
  context: BrowserContext;
  page: Page;
  log: RequestLog;
}

/** A fresh context and page with every recorder installed; nothing is loaded yet. */
export async function openSession(browser: Browser): Promise<AppSession> {
  const context = await newIsolatedContext(browser);
  await recordFilledText(context);
  await context.addInitScript(installBusyRecorder);
  const page = await context.newPage();
  const log = recordRequests(page);
  return { context, page, log };
}

/** Waits until MapLibre reports idle through `#map[aria-busy="false"]`. */
export async function waitForMapIdle(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.waitForSelector('#map[aria-busy="false"]', { timeout: timeoutMs });
}

/**
 * Runs `action` and waits for the map to go busy and then idle again, so a test never reads
 * the idle state left over from before the action.
 */
export async function actAndWaitForMapIdle(
  page: Page,
  action: () => Promise<unknown>,
  timeoutMs = 60_000,
): Promise<void> {
  const before = await page.evaluate(() => window.__busyLog?.length ?? 0);
  await action();
  await page.waitForFunction(
    (start) => {
      const log = window.__busyLog ?? [];
      const after = log.slice(start);
      const wentBusy = after.some((e) => e.value === 'true');
      return wentBusy && after.at(-1)?.value === 'false';
    },
    before,
    { timeout: timeoutMs },
  );
}

/**
 * Waits until the page looks the same in two screenshots `intervalMs` apart, with `#map` not
 * busy. For changes after which the app does not report busy (relabelling, hiding layers), a
 * settled picture is what a user would wait for.
 */
export async function waitForStablePicture(
  page: Page,
  { intervalMs = 400, timeoutMs = 60_000 } = {},
): Promise<Buffer> {
  const deadline = Date.now() + timeoutMs;
  let previous: Buffer | undefined;
  for (;;) {
    await waitForMapIdle(page, Math.max(1, deadline - Date.now()));
    const shot = await page.screenshot();
    if (previous?.equals(shot)) return shot;
    if (Date.now() > deadline) throw new Error(`picture still changing after ${timeoutMs} ms`);
    previous = shot;
    await page.waitForTimeout(intervalMs);
  }
}

/** The page URL's query parameters. */
export function queryOf(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** The session of the running test, for the e2e files' hooks to fill. */
export interface AppSessions {
  readonly current: AppSession;
}

/**
 * Registers the hooks every e2e file needs: one Chromium for the file, a fresh context per test
 * (no state shared between tests), and after each test the check that nothing went to another
 * host, failed or logged an error.
 */
export function useAppSessions(): AppSessions {
  let browser: Browser | undefined;
  let session: AppSession | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    session = await openSession(browser);
  });
  afterEach(async () => {
    try {
      if (session) expectCleanRun(session.log);
    } finally {
      await session?.context.close();
    }
  });
  return {
    get current(): AppSession {
      if (!session) throw new Error('no session outside a test');
      return session;
    },
  };
}
