import argon2 from 'argon2';
import type { LoadResult, OperationFactory } from '../load/http-load';
import { acrossRuns, nowMs, summarize, type AcrossRuns, type LatencySummary } from '../load/stats';
import { BENCH } from '../stack';
import type { ScenarioContext } from './context';
import { figures, round, type RunFigures } from './reads';

/** identity's minimum argon2id cost; the hash the bench verifies in the baseline uses the same. */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export interface LoginResult {
  concurrency: number;
  logins: number;
  gateway: RunFigures;
  /** argon2id verification alone at the same concurrency, in the bench process: the floor of a login. */
  argon2Verify: { p50: AcrossRuns; p99: AcrossRuns };
}

/** Scenario 5: the bootstrap admin logs in through the gateway from 5 concurrent clients. */
export async function runLogin(context: ScenarioContext): Promise<LoginResult> {
  const { settings } = context;
  const login: OperationFactory = () => [{ method: 'POST', path: '/api/v1/auth/login', body: { email: BENCH.adminEmail, password: BENCH.adminPassword } }];
  const options = { concurrency: settings.loginConcurrency, durationMs: 60_000, maxOperations: settings.logins };

  await context.gateway.closedLoop(login, { ...options, maxOperations: settings.loginConcurrency });
  const hash = await argon2.hash(BENCH.adminPassword, ARGON2_OPTIONS);

  const gatewayRuns: LoadResult[] = [];
  const verifyRuns: LatencySummary[] = [];
  for (let run = 0; run < settings.runs; run++) {
    gatewayRuns.push(await context.gateway.closedLoop(login, options));
    verifyRuns.push(await verifyConcurrently(hash, settings.loginConcurrency, settings.logins));
    context.log(`login: run ${run + 1}`, { p99Ms: round(gatewayRuns[run].latency.p99), verifyP99Ms: round(verifyRuns[run].p99), errors: gatewayRuns[run].errors });
  }
  return {
    concurrency: settings.loginConcurrency,
    logins: settings.logins,
    gateway: figures(gatewayRuns),
    argon2Verify: { p50: acrossRuns(verifyRuns.map((run) => run.p50)), p99: acrossRuns(verifyRuns.map((run) => run.p99)) },
  };
}

async function verifyConcurrently(hash: string, concurrency: number, total: number): Promise<LatencySummary> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      next += 1;
      const started = nowMs();
      await argon2.verify(hash, BENCH.adminPassword);
      latencies.push(nowMs() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarize(latencies);
}
