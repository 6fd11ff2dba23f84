/**
 * `npm run seeds:check`: validates every seeds/*.csv against the seed documents in
 * ../shared/seeds (beside the clone, as in CI) and prints a report. Exits 1 on any problem.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatSeedIssue } from '../src/domain/seeds/seed-csv.format.ts';
import { checkSeeds } from '../src/domain/seeds/seed-check.ts';

const seedsCsvDir = dirname(fileURLToPath(import.meta.url));
const seedDocsDir = resolve(seedsCsvDir, '..', '..', 'shared', 'seeds');

function readDir(dir: string, suffix: string): Map<string, string> {
  return new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith(suffix))
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}

if (!existsSync(seedDocsDir)) {
  console.error(
    `seeds:check: the seed documents are not at ${seedDocsDir}.\n` +
      'Check out shared/ beside the repository (../shared/seeds) and run again.',
  );
  process.exit(2);
}

const result = checkSeeds({
  csv: readDir(seedsCsvDir, '.csv'),
  seeds: readDir(seedDocsDir, '.txt'),
});

console.log(`Seed documents: ${relative(process.cwd(), seedDocsDir)}`);
for (const [file, table] of result.tables) console.log(`  ${file}: ${table.rows.length} rows`);

console.log('\nTotals and counts stated in the seeds:');
for (const f of result.findings) {
  const mark =
    f.status === 'holds'
      ? 'ok  '
      : f.status === 'not_comparable'
        ? 'n/a '
        : f.enforced
          ? 'FAIL'
          : 'diff';
  const rule = f.enforced ? '' : ' (reported, not enforced)';
  console.log(`  ${mark} ${f.check}: ${f.detail}${f.status === 'holds' ? '' : rule}`);
}

if (result.issues.length > 0) {
  console.error(`\n${result.issues.length} problem(s):`);
  for (const issue of result.issues) console.error(`  seeds/${formatSeedIssue(issue)}`);
  process.exit(1);
}
console.log(
  `\nseeds:check passed: ${result.tables.size} files, ${result.findings.length} reconciliations.`,
);
