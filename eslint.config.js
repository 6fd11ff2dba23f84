import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** Imports each layer may not make, so dependencies point ui → state → {map, persistence} → domain. */
const mapLibs = [
  { name: 'maplibre-gl', message: 'Only src/map may import maplibre-gl.' },
  { name: 'pmtiles', message: 'Only src/map may import pmtiles.' },
];
const storageLibs = [{ name: 'dexie', message: 'Only src/persistence may import dexie.' }];
const layer = (folder) => ({ group: [`**/${folder}/**`, `../${folder}/*`, `$${folder}/*`] });
const restrict = (paths, folders) => [
  'error',
  {
    paths,
    patterns: folders.map((f) => ({
      ...layer(f),
      message: `This layer may not import from src/${f}.`,
    })),
  },
];

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'public/', 'geodata/build/', 'bench-results/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Collections here are replaced whole under $state.raw or built inside a $derived, never
      // mutated in place, so Svelte's reactive Map/Set would add cost without changing behaviour.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': restrict(
        [...mapLibs, ...storageLibs, { name: 'svelte', message: 'Domain code is framework-free.' }],
        ['map', 'persistence', 'state', 'ui'],
      ),
    },
  },
  {
    files: ['src/map/**'],
    rules: { 'no-restricted-imports': restrict(storageLibs, ['persistence', 'state', 'ui']) },
  },
  {
    files: ['src/persistence/**'],
    rules: { 'no-restricted-imports': restrict(mapLibs, ['map', 'state', 'ui']) },
  },
  {
    files: ['src/state/**'],
    rules: { 'no-restricted-imports': restrict([...mapLibs, ...storageLibs], ['ui']) },
  },
  {
    files: ['src/ui/**', 'src/i18n/**'],
    rules: { 'no-restricted-imports': restrict([...mapLibs, ...storageLibs], []) },
  },
);
