import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AcrossRuns } from '../load/stats';
import type { CommandsResult } from '../scenarios/commands';
import type { BenchSettings } from '../scenarios/context';
import type { LagAtRate } from '../scenarios/lag';
import type { LoginResult } from '../scenarios/login';
import type { ReadsResult, RunFigures } from '../scenarios/reads';
import type { RebuildResult } from '../scenarios/rebuild';
import type { StoreProbeRow } from '../scenarios/store-probe';
import type { BenchEnvironment } from './environment';
import { latencyPlot } from './svg';

const ROOT = resolve(__dirname, '../../..');
export const COMMAND = 'npm run bench';
const RSS_GOAL_MB = 200;

export interface BenchRun {
  startedAt: Date;
  finishedAt: Date;
  settings: BenchSettings;
  environment: BenchEnvironment;
  results: Record<string, unknown>;
}

type Outcome<T> = { status: 'ok'; value: T } | { status: 'failed'; error: string } | undefined;

/** Writes bench/results/latest.json, docs/benchmarks.md and docs/benchmarks-latency.svg from one run. */
export async function writeReport(run: BenchRun, log: (message: string) => void): Promise<void> {
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  await writeFile(join(ROOT, 'bench/results/latest.json'), `${JSON.stringify({ command: COMMAND, ...run }, null, 2)}\n`);

  const lag = run.results.lag as Outcome<LagAtRate[]>;
  await writeFile(join(ROOT, 'docs/benchmarks-latency.svg'), plot(lag));

  const findings = await readFile(join(ROOT, 'bench/findings.md'), 'utf8').catch(() => '');
  await writeFile(join(ROOT, 'docs/benchmarks.md'), markdown(run, findings));
  log('wrote bench/results/latest.json, docs/benchmarks.md and docs/benchmarks-latency.svg');
}

function markdown(run: BenchRun, findings: string): string {
  const { environment: env, settings } = run;
  const minutes = (run.finishedAt.getTime() - run.startedAt.getTime()) / 60_000;
  const lines: string[] = [
    '# Benchmarks',
    '',
    `Written by \`${COMMAND}\` (bench/), which starts Kafka and the store, builds every project, starts the services on their own ports, a minimal NestJS read baseline and a framework-free command pipeline, and runs each scenario ${settings.runs} times. Raw figures: [bench/results/latest.json](../bench/results/latest.json).`,
    '',
    `Each figure is the median across the ${settings.runs} runs, and "p99 across runs" is the 99th percentile of the per-run values (with ${settings.runs} runs, the worst run). Latencies within a run are percentiles over every request of that run. Subject and baseline runs alternate within a scenario, because the machine is shared and noisy.`,
    '',
    '## Machine and versions',
    '',
    '| item | value |',
    '| --- | --- |',
    `| run | ${run.startedAt.toISOString()}, ${minutes.toFixed(1)} minutes |`,
    `| CPU | ${env.cpuModel}, ${env.cores} cores |`,
    `| memory | ${env.memoryGiB} GiB |`,
    `| load average at the end (1, 5, 15 min) | ${env.loadAverageAtEnd.join(', ')} |`,
    `| Node.js | ${env.node} |`,
    `| Kafka | ${env.kafka} |`,
    `| store | ${env.store} |`,
    `| command | \`${COMMAND}\` |`,
    `| settings | runs ${settings.runs}, ${settings.durationMs / 1000} s per run, concurrency ${settings.concurrency}, ${settings.rebuildEvents} rebuild events |`,
    '',
    '## Against the goals',
    '',
    '| figure | measured (median) | goal | met |',
    '| --- | --- | --- | --- |',
    ...goalRows(run.results),
    '',
  ];

  const commitsAtStart = run.results.divisionsCommitsAtStart as Outcome<Record<string, number>>;
  if (commitsAtStart?.status === 'ok') {
    lines.push(
      'Commit documents in the divisions service\'s event store when each scenario started (the run begins with an empty database):',
      '',
      `| ${Object.keys(commitsAtStart.value).join(' | ')} |`,
      `| ${Object.keys(commitsAtStart.value).map(() => '---').join(' | ')} |`,
      `| ${Object.values(commitsAtStart.value).join(' | ')} |`,
      '',
    );
  }
  lines.push(...readsSection(run.results.reads as Outcome<ReadsResult>));
  lines.push(...commandsSection(run.results.commands as Outcome<CommandsResult>, run.results.cpuAtRest as Outcome<Record<string, number>>));
  lines.push(...lagSection(run.results.lag as Outcome<LagAtRate[]>));
  lines.push(...rebuildSection(run.results.rebuild as Outcome<RebuildResult>));
  lines.push(...loginSection(run.results.login as Outcome<LoginResult>));
  lines.push(...memorySection(run.results.memory as Outcome<MemoryResult>));
  lines.push(...storeSection(run.results.storeProbe as Outcome<StoreProbeRow[]>));
  if (findings.trim() !== '') {
    lines.push(findings.trim(), '');
  }
  return `${lines.join('\n')}\n`;
}

function goalRows(results: Record<string, unknown>): string[] {
  const rows: string[] = [];
  const reads = results.reads as Outcome<ReadsResult>;
  if (reads?.status === 'ok') {
    rows.push(goalRow('reads, one division: gateway / baseline throughput', percent(reads.value.oneDivision.throughputRatio), '≥ 60%', reads.value.oneDivision.throughputRatio >= 0.6));
    rows.push(goalRow('reads, page of 20: gateway / baseline throughput', percent(reads.value.pageOfTwenty.throughputRatio), '≥ 60%', reads.value.pageOfTwenty.throughputRatio >= 0.6));
  } else {
    rows.push(notRun('reads', reads));
  }

  const commands = results.commands as Outcome<CommandsResult>;
  if (commands?.status === 'ok') {
    rows.push(goalRow('commands: gateway / minimal pipeline throughput', percent(commands.value.throughputRatio), '≥ 50%', commands.value.throughputRatio >= 0.5));
  } else {
    rows.push(notRun('commands', commands));
  }

  const lag = results.lag as Outcome<LagAtRate[]>;

  const at200 = lag?.status === 'ok' ? lag.value.find((entry) => entry.rate === 200) : undefined;
  if (at200 !== undefined) {
    rows.push(goalRow('command p99 at 200 commands/s offered', `${ms(at200.commands.p99.median)} (${number(at200.commands.achievedRate.median)}/s completed)`, '< 50 ms', at200.commands.p99.median < 50 && at200.commands.achievedRate.median >= 190));
    rows.push(goalRow('lag p99 at 200 commands/s offered', ms(at200.lag.p99.median), '< 100 ms', at200.lag.p99.median < 100 && at200.lag.notVisible === 0));
  } else {
    rows.push(notRun('lag', lag));
  }

  const rebuild = results.rebuild as Outcome<RebuildResult>;
  if (rebuild?.status === 'ok') {
    rows.push(goalRow('rebuild, event by event (rebuildProjection)', `${number(rebuild.value.eventByEvent.eventsPerSecond.median)} events/s`, '≥ 10,000 events/s', rebuild.value.eventByEvent.eventsPerSecond.median >= 10_000));
    rows.push(goalRow('rebuild, batched (rebuildStreamDocuments)', `${number(rebuild.value.batched.eventsPerSecond.median)} events/s`, '≥ 10,000 events/s', rebuild.value.batched.eventsPerSecond.median >= 10_000));
  } else {
    rows.push(notRun('rebuild', rebuild));
  }

  const login = results.login as Outcome<LoginResult>;
  if (login?.status === 'ok') {
    rows.push(`| login p99 at ${login.value.concurrency} concurrent | ${ms(login.value.gateway.p99.median)} | none set | - |`);
  } else {
    rows.push(notRun('login', login));
  }

  const memory = results.memory as Outcome<MemoryResult>;
  if (memory?.status === 'ok') {
    for (const service of memory.value.services) {
      const megabytes = memory.value.afterCommands[service] ?? Number.NaN;
      rows.push(goalRow(`${service} resident size after scenario 2`, `${megabytes.toFixed(0)} MB`, `< ${RSS_GOAL_MB} MB`, megabytes < RSS_GOAL_MB));
    }
  }

  return rows;
}

function readsSection(reads: Outcome<ReadsResult>): string[] {
  const lines = ['## 1. Authenticated reads through the gateway', ''];
  if (reads?.status !== 'ok') {
    return [...lines, notRunText(reads), ''];
  }
  lines.push(
    `Closed loop, ${reads.value.concurrency} concurrent clients, one admin token. The baseline is a NestJS app with one controller that runs the same MongoDB queries on the same database, without token check, validation, logging or the TCP hop to the divisions service.`,
    '',
    figureHeader(),
    ...figureRow('one division, gateway', reads.value.oneDivision.subject),
    ...figureRow('one division, baseline', reads.value.oneDivision.baseline),
    ...figureRow('page of 20, gateway', reads.value.pageOfTwenty.subject),
    ...figureRow('page of 20, baseline', reads.value.pageOfTwenty.baseline),
    '',
    `Gateway throughput as a share of the baseline's: one division ${percent(reads.value.oneDivision.throughputRatio)}, page of 20 ${percent(reads.value.pageOfTwenty.throughputRatio)} (goal ≥ 60%).`,
    '',
  );
  return lines;
}

function commandsSection(commands: Outcome<CommandsResult>, cpuAtRest: Outcome<Record<string, number>>): string[] {
  const lines = ['## 2. Commands through the gateway', ''];
  if (commands?.status !== 'ok') {
    return [...lines, notRunText(commands), ''];
  }
  lines.push(
    `Closed loop, ${commands.value.concurrency} concurrent clients; each adds an agent to its own division and removes it again, so throughput counts commands and latency is per command. The minimal pipeline does, per command, one insert into an event-store collection and one Kafka send with acks from all in-sync replicas, behind a plain node:http server.`,
    '',
    figureHeader(),
    ...figureRow('gateway (add, then remove an agent)', commands.value.gateway),
    ...figureRow('minimal pipeline', commands.value.pipeline),
    '',
    `Gateway throughput as a share of the pipeline's: ${percent(commands.value.throughputRatio)} (goal ≥ 50%). The p99 at 200 commands/s is in section 3, from the open-loop runs.`,
    '',
    'CPU time by process (utime and stime from /proc/<pid>/stat), per 1,000 commands over the measured runs, and per second during the gateway runs and at rest before the scenarios. On 2 cores, 2 CPU seconds per second is the whole machine. Other work on the machine that uses the same store counts in the store\'s figures.',
    '',
    '| process | per 1,000 gateway commands | per 1,000 pipeline commands | per second, gateway runs | per second, at rest |',
    '| --- | --- | --- | --- | --- |',
  );
  const { gateway, pipeline } = commands.value.cpuPerThousandCommands;
  const rest = cpuAtRest?.status === 'ok' ? cpuAtRest.value : {};
  const names = Object.keys(gateway).sort((a, b) => gateway[b] - gateway[a]);
  for (const name of names) {
    lines.push(
      `| ${name} | ${gateway[name].toFixed(1)} s | ${(pipeline[name] ?? Number.NaN).toFixed(1)} s | ${(commands.value.cpuPerSecondDuringGatewayRuns[name] ?? Number.NaN).toFixed(2)} | ${(rest[name] ?? Number.NaN).toFixed(2)} |`,
    );
  }
  const store = commands.value.storeCommandsPerCommand;
  const storeCommands = Object.keys(store.gateway).filter((name) => store.gateway[name] >= 0.05 || (store.pipeline[name] ?? 0) >= 0.05);
  if (storeCommands.length > 0) {
    lines.push(
      '',
      'Store commands per command over the same runs, as the store counts them (serverStatus `metrics.commands`; every client of the store is counted, so other work on the machine adds to both columns):',
      '',
      '| store command | gateway commands | minimal pipeline |',
      '| --- | --- | --- |',
      ...storeCommands.sort((a, b) => store.gateway[b] - store.gateway[a]).map((name) => `| ${name} | ${store.gateway[name].toFixed(1)} | ${(store.pipeline[name] ?? 0).toFixed(1)} |`),
    );
  }
  lines.push('');
  return lines;
}

function lagSection(lag: Outcome<LagAtRate[]>): string[] {
  const lines = ['## 3. Event to read-model lag under an offered load', ''];
  if (lag?.status !== 'ok') {
    return [...lines, notRunText(lag), ''];
  }
  lines.push(
    'Open loop: commands start on a fixed schedule whatever the answers (at most 64 in flight; past that a scheduled command is dropped and counted), and latency runs from the scheduled start. Lag runs from a commit\'s `committedAt`, which is the events\' `occurredAt`, to the first poll of `division_list` that shows its stream version. The poller reads all bench divisions in one query every 5 ms; its round trip is the resolution of the lag figures.',
    '',
    '| offered/s | completed/s | dropped | errors | command p50 | command p99 (p99 across runs) | pipeline p99 | lag p50 | lag p99 (p99 across runs) | lag max | commits not visible within 20 s | poll round trip |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const entry of lag.value) {
    lines.push(
      `| ${entry.rate} | ${number(entry.commands.achievedRate.median)} | ${entry.commands.dropped} | ${entry.commands.errors} | ${ms(entry.commands.p50.median)} | ${ms(entry.commands.p99.median)} (${ms(entry.commands.p99.p99)}) | ${ms(entry.pipeline.p99.median)} | ${ms(entry.lag.p50.median)} | ${ms(entry.lag.p99.median)} (${ms(entry.lag.p99.p99)}) | ${ms(entry.lag.max.median)} | ${entry.lag.notVisible} of ${entry.lag.commits} | ${ms(entry.pollMs)} |`,
    );
  }
  lines.push('', 'Goals at 200 commands/s: command p99 < 50 ms, lag p99 < 100 ms.', '', '![Latency against offered load](benchmarks-latency.svg)', '');
  return lines;
}

function rebuildSection(rebuild: Outcome<RebuildResult>): string[] {
  const lines = ['## 4. Projection rebuild from the event store', ''];
  if (rebuild?.status !== 'ok') {
    return [...lines, notRunText(rebuild), ''];
  }
  const value = rebuild.value;
  lines.push(
    `${value.events.toLocaleString('en')} events in ${value.streams.toLocaleString('en')} division streams (a create, then agents added and removed in turn), seeded straight into an event-store collection at ${number(value.seedEventsPerSecond)} events/s, replayed into a division-list-shaped read model with one document per stream.`,
    '',
    '| path | events/s (median) | p99 across runs | per run | goal |',
    '| --- | --- | --- | --- | --- |',
    `| \`rebuildProjection\`: one read and one write per event, on ${value.eventByEvent.events.toLocaleString('en')} events of their own (the full store would take too long) | ${number(value.eventByEvent.eventsPerSecond.median)} | ${number(value.eventByEvent.eventsPerSecond.p99)} | ${value.eventByEvent.eventsPerSecond.runs.map(number).join(', ')} | ≥ 10,000 |`,
    `| \`rebuildStreamDocuments\`: streams folded in memory, 1,000 documents per insert, all events | ${number(value.batched.eventsPerSecond.median)} | ${number(value.batched.eventsPerSecond.p99)} | ${value.batched.eventsPerSecond.runs.map(number).join(', ')} (seconds: ${value.batched.seconds.map((seconds) => seconds.toFixed(1)).join(', ')}) | ≥ 10,000 |`,
    `| reading the commits in replay order and nothing else (one run) | ${number(value.readOnly.eventsPerSecond)} | - | - | reference: the read that both paths make |`,
    '',
  );
  return lines;
}

function loginSection(login: Outcome<LoginResult>): string[] {
  const lines = ['## 5. Login', ''];
  if (login?.status !== 'ok') {
    return [...lines, notRunText(login), ''];
  }
  lines.push(
    `${login.value.logins} logins per run from ${login.value.concurrency} concurrent clients as the bootstrap admin. The baseline is argon2id verification alone (memory 19,456 KiB, 2 passes, identity's minimum) at the same concurrency in the bench process: the cost no login can avoid. No goal is set.`,
    '',
    figureHeader(),
    ...figureRow('login through the gateway', login.value.gateway),
    `| argon2id verify alone | - | - | ${ms(login.value.argon2Verify.p50.median)} | ${ms(login.value.argon2Verify.p99.median)} | ${ms(login.value.argon2Verify.p99.p99)} | - |`,
    '',
  );
  return lines;
}

interface MemoryResult {
  services: string[];
  atRest: Record<string, number>;
  afterCommands: Record<string, number>;
}

function memorySection(memory: Outcome<MemoryResult>): string[] {
  const lines = ['## 6. Memory', ''];
  if (memory?.status !== 'ok') {
    return [...lines, notRunText(memory), ''];
  }
  lines.push(
    'VmRSS from /proc/<pid>/status, once after start-up and once at the end of scenario 2 (one reading each, not a median). The goal applies to the services; the other processes are shown for scale.',
    '',
    '| process | at rest | after scenario 2 | goal |',
    '| --- | --- | --- | --- |',
  );
  for (const name of Object.keys(memory.value.afterCommands)) {
    const goal = memory.value.services.includes(name) ? `< ${RSS_GOAL_MB} MB` : '-';
    lines.push(`| ${name} | ${(memory.value.atRest[name] ?? Number.NaN).toFixed(0)} MB | ${memory.value.afterCommands[name].toFixed(0)} MB | ${goal} |`);
  }
  lines.push('');
  return lines;
}

function storeSection(probe: Outcome<StoreProbeRow[]>): string[] {
  const lines = ['## The store under the services', ''];
  if (probe?.status !== 'ok') {
    return [...lines, notRunText(probe), ''];
  }
  lines.push(
    'Mean time of one operation on a collection of the given size (10 samples, 300-byte documents, a unique index on the queried field pair), measured in the same run:',
    '',
    '| documents | insertOne | findOne by `_id` | find by an indexed field |',
    '| --- | --- | --- | --- |',
    ...probe.value.map((row) => `| ${row.documents.toLocaleString('en')} | ${ms(row.insertOneMs)} | ${ms(row.findByIdMs)} | ${ms(row.findByFieldMs)} |`),
    '',
  );
  return lines;
}

function figureHeader(): string {
  return '| target | throughput/s (median) | p99 across runs | latency p50 | latency p99 | latency p99, p99 across runs | errors |\n| --- | --- | --- | --- | --- | --- | --- |';
}

function figureRow(label: string, figures: RunFigures): string[] {
  return [`| ${label} | ${number(figures.throughput.median)} | ${number(figures.throughput.p99)} | ${ms(figures.p50.median)} | ${ms(figures.p99.median)} | ${ms(figures.p99.p99)} | ${figures.errors}${errorDetail(figures.statusCounts)} |`];
}

function errorDetail(statusCounts: Record<string, number>): string {
  const failures = Object.entries(statusCounts).filter(([status]) => !/^2\d\d$/.test(status));
  return failures.length === 0 ? '' : ` (${failures.map(([status, count]) => `${status}: ${count}`).join(', ')})`;
}

function goalRow(label: string, measured: string, goal: string, met: boolean): string {
  return `| ${label} | ${measured} | ${goal} | ${met ? 'yes' : '**no**'} |`;
}

function notRun(name: string, outcome: Outcome<unknown>): string {
  return `| ${name} | not measured | - | ${outcome?.status === 'failed' ? outcome.error.replace(/\|/g, '/') : 'did not run'} |`;
}

function notRunText(outcome: Outcome<unknown>): string {
  return outcome?.status === 'failed' ? `Not measured in this run: ${outcome.error}` : 'Not measured in this run.';
}

function plot(lag: Outcome<LagAtRate[]>): string {
  const entries = lag?.status === 'ok' ? lag.value : [];
  return latencyPlot(
    'Latency against offered load (median of runs)',
    'offered load (commands/s)',
    [
      { label: 'gateway command p50', color: '#1f77b4', dashed: true, points: entries.map((entry) => ({ x: entry.rate, y: entry.commands.p50.median })) },
      { label: 'gateway command p99', color: '#1f77b4', points: entries.map((entry) => ({ x: entry.rate, y: entry.commands.p99.median })) },
      { label: 'pipeline command p99', color: '#2ca02c', points: entries.map((entry) => ({ x: entry.rate, y: entry.pipeline.p99.median })) },
      { label: 'read-model lag p99', color: '#ff7f0e', points: entries.map((entry) => ({ x: entry.rate, y: entry.lag.p99.median })) },
    ],
    [
      { label: 'command p99 goal 50 ms', y: 50 },
      { label: 'lag p99 goal 100 ms', y: 100 },
    ],
  );
}

function ms(value: number): string {
  if (!Number.isFinite(value)) {
    return '-';
  }
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
}

function number(value: number): string {
  if (!Number.isFinite(value)) {
    return '-';
  }
  return value >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(1);
}

function percent(ratio: number): string {
  return Number.isFinite(ratio) ? `${(ratio * 100).toFixed(0)}%` : '-';
}

export type { AcrossRuns };
