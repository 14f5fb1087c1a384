import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeReport, type BenchRun } from './report/report';

/**
 * Renders docs/benchmarks.md and the plot again from bench/results/latest.json, without
 * measuring: for a change to bench/findings.md or to the report's layout.
 */
async function main(): Promise<void> {
  const path = join(resolve(__dirname, '../..'), 'bench/results/latest.json');
  const saved = JSON.parse(await readFile(path, 'utf8')) as BenchRun & { startedAt: string; finishedAt: string };
  const run: BenchRun = { ...saved, startedAt: new Date(saved.startedAt), finishedAt: new Date(saved.finishedAt) };
  await writeReport(run, (message) => console.log(`[bench] ${message}`));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
