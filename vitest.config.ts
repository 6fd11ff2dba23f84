import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

/**
 * Unit tests: fast, in Node, no browser. They reuse the app's Vite config, so `*.svelte.ts`
 * rune modules compile as in the app. The e2e suite has its own config (vitest.e2e.config.ts)
 * because it needs a build and Chromium.
 */
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: [
        'src/**/*.test.ts',
        'seeds/**/*.test.ts',
        'geodata/**/*.test.ts',
        'tests/**/*.test.ts',
        'scripts/**/*.test.ts',
        'bench/**/*.test.ts',
      ],
      exclude: ['tests/e2e/**', '**/node_modules/**', 'dist/**'],
      environment: 'node',
      setupFiles: ['tests/setup/load-all-messages.ts'],
    },
  }),
);
