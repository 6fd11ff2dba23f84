/**
 * Launches Debian's Chromium through playwright-core. Tests never download a browser of their
 * own; the machine (or `.ci/run`) installs `chromium` from apt.
 */
import { existsSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Flags for a headless run on a closed network. SwiftShader gives MapLibre a software WebGL2;
 * the background-networking flags stop Chromium from calling home, which would both fail here
 * and show up as foreign requests.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Viewport every test and benchmark uses, so pixel positions are comparable. */
export const VIEWPORT = { width: 1280, height: 800 } as const;

/** Starts one headless Chromium; a test file owns it and closes it in `afterAll`. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it: apt-get install -y chromium fonts-noto-cjk`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
}

/**
 * A fresh, isolated context (own storage, cookies, cache) so no test sees another's
 * remembered language or view.
 */
export async function newIsolatedContext(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    ...options,
  });
}
