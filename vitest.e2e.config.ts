import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built app in headless Chromium. Files run one after another, since
 * two SwiftShader-rendered maps at once on a 2-core machine make each other time out.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
