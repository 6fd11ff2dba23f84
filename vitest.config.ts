import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

/**
 * Unit tests: fast, in Node, no browser. The e2e suite has its own config
 * (vitest.e2e.config.ts) because it needs a build and Chromium.
 */
export default defineConfig({
  // Compiles `*.svelte.ts` rune modules so state stores can be unit-tested.
  plugins: [svelte()],
  test: {
    include: [
      'src/**/*.test.ts',
      'seeds/**/*.test.ts',
      'geodata/**/*.test.ts',
      'tests/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    exclude: ['tests/e2e/**', '**/node_modules/**', 'dist/**'],
    environment: 'node',
  },
});
