import { acrossRuns, type AcrossRuns } from '../load/stats';
import type { LoadResult, OperationFactory } from '../load/http-load';
import type { ScenarioContext } from './context';

export interface ComparedRuns {
  subject: RunFigures;
  baseline: RunFigures;
  /** Median throughput of the subject divided by the baseline's. */
  throughputRatio: number;
}

export interface RunFigures {
  throughput: AcrossRuns;
  p50: AcrossRuns;
  p99: AcrossRuns;
  errors: number;
  statusCounts: Record<string, number>;
}

export function figures(results: LoadResult[]): RunFigures {
  const statusCounts: Record<string, number> = {};
  for (const result of results) {
    for (const [status, count] of Object.entries(result.statusCounts)) {
      statusCounts[status] = (statusCounts[status] ?? 0) + count;
    }
  }
  return {
    throughput: acrossRuns(results.map((result) => result.throughput)),
    p50: acrossRuns(results.map((result) => result.latency.p50)),
    p99: acrossRuns(results.map((result) => result.latency.p99)),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    statusCounts,
  };
}

export interface ReadsResult {
  concurrency: number;
  oneDivision: ComparedRuns;
  pageOfTwenty: ComparedRuns;
}

/**
 * Scenario 1: GET one division and a page of 20 through the gateway with a token, and
 * the same queries through the minimal NestJS baseline, at the same concurrency.
 * Subject and baseline runs alternate, so a burst of noise hits both alike.
 */
export async function runReads(context: ScenarioContext): Promise<ReadsResult> {
  const { fixture, settings } = context;
  if (fixture === null) {
    throw new Error('reads need the gateway fixture');
  }
  const auth = { authorization: `Bearer ${fixture.token}` };
  const organization = encodeURIComponent(fixture.organizationId);
  const pick = (index: number): string => fixture.divisionIds[index % fixture.divisionIds.length];

  const gatewayOne: OperationFactory = (index) => [{ method: 'GET', path: `/api/v1/divisions/${pick(index)}`, headers: auth }];
  const baselineOne: OperationFactory = (index) => [{ method: 'GET', path: `/divisions/${pick(index)}?organizationId=${organization}` }];
  const gatewayPage: OperationFactory = () => [{ method: 'GET', path: '/api/v1/divisions?limit=20', headers: auth }];
  const baselinePage: OperationFactory = () => [{ method: 'GET', path: `/divisions?organizationId=${organization}&limit=20` }];

  return {
    concurrency: settings.concurrency,
    oneDivision: await compare(context, 'read one division', gatewayOne, baselineOne),
    pageOfTwenty: await compare(context, 'read a page of 20', gatewayPage, baselinePage),
  };
}

async function compare(context: ScenarioContext, label: string, subject: OperationFactory, baseline: OperationFactory): Promise<ComparedRuns> {
  const { settings } = context;
  const options = { concurrency: settings.concurrency, durationMs: settings.durationMs, maxOperations: 100_000 };
  const warmup = { ...options, durationMs: settings.warmupMs };
  await context.gateway.closedLoop(subject, warmup);
  await context.readBaseline.closedLoop(baseline, warmup);

  const subjectRuns: LoadResult[] = [];
  const baselineRuns: LoadResult[] = [];
  for (let run = 0; run < settings.runs; run++) {
    subjectRuns.push(await context.gateway.closedLoop(subject, options));
    baselineRuns.push(await context.readBaseline.closedLoop(baseline, options));
    context.log(`${label}: run ${run + 1}`, {
      gatewayPerSecond: round(subjectRuns[run].throughput),
      baselinePerSecond: round(baselineRuns[run].throughput),
      gatewayErrors: subjectRuns[run].errors,
    });
  }
  const subjectFigures = figures(subjectRuns);
  const baselineFigures = figures(baselineRuns);
  return { subject: subjectFigures, baseline: baselineFigures, throughputRatio: subjectFigures.throughput.median / baselineFigures.throughput.median };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
