/**
 * Takes screenshots of the built app in Debian Chromium, for a person to look at:
 * `npx tsx scripts/screenshot.ts [query] [out.png] [width] [height]`.
 */
import { launchChromium, newIsolatedContext } from '../tests/support/browser.ts';
import { startStaticServer } from '../tests/support/static-server.ts';

const [query = '', out = 'screenshot.png', width = '1280', height = '800'] = process.argv.slice(2);
// SCREENSHOT_DIST_DIR lets an engineer shoot their own build without touching the shared dist/.
const server = await startStaticServer({ root: process.env['SCREENSHOT_DIST_DIR'] ?? 'dist' });
const browser = await launchChromium();
try {
  const context = await newIsolatedContext(browser, {
    viewport: { width: Number(width), height: Number(height) },
  });
  const page = await context.newPage();
  page.on('console', (m) => console.log(`[console.${m.type()}] ${m.text()}`));
  await page.goto(`${server.url}${query}`);
  await page.waitForSelector('#map[aria-busy="false"]', { timeout: 60_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  console.log(`wrote ${out} (${page.url()})`);
} finally {
  await browser.close();
  await server.close();
}
