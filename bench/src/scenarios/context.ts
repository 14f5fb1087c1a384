import type { Db } from 'mongodb';
import type { HttpLoad } from '../load/http-load';
import type { Fixture } from '../stack';

/** Knobs of a bench run; the defaults keep a whole run under about 20 minutes on 2 cores. */
export interface BenchSettings {
  runs: number;
  durationMs: number;
  warmupMs: number;
  concurrency: number;
  lagRates: number[];
  commandRate: number;
  rebuildEvents: number;
  /** Events of the smaller store that the event-by-event rebuild replays, because it is too slow for the full one. */
  rebuildEventsOneByOne: number;
  logins: number;
  loginConcurrency: number;
  /** Scenario names to run, from BENCH_ONLY (comma-separated); null runs every scenario. */
  only: string[] | null;
}

export function settingsFromEnvironment(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const number = (name: string, fallback: number): number => {
    const value = env[name];
    if (value === undefined || value === '') {
      return fallback;
    }
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0) {
      throw new Error(`${name}=${value} is invalid: expected a positive number`);
    }
    return parsed;
  };
  return {
    runs: number('BENCH_RUNS', 3),
    durationMs: number('BENCH_DURATION_MS', 5000),
    warmupMs: number('BENCH_WARMUP_MS', 2000),
    concurrency: number('BENCH_CONCURRENCY', 8),
    // 10/s is below what the local store sustains, so it shows the lag of an idle system.
    lagRates: [10, 50, 200, 500],
    commandRate: 200,
    rebuildEvents: number('BENCH_REBUILD_EVENTS', 100_000),
    rebuildEventsOneByOne: number('BENCH_REBUILD_EVENTS_ONE_BY_ONE', 2_000),
    logins: number('BENCH_LOGINS', 40),
    loginConcurrency: 5,
    only: env.BENCH_ONLY === undefined || env.BENCH_ONLY === '' ? null : env.BENCH_ONLY.split(',').map((name) => name.trim()),
  };
}

/** Shared inputs of every scenario: the load generators, the databases and the gateway fixture. */
export interface ScenarioContext {
  settings: BenchSettings;
  gateway: HttpLoad;
  readBaseline: HttpLoad;
  pipeline: HttpLoad;
  divisionsDb: Db;
  baselineDb: Db;
  /** Null when the gateway could not be set up; scenarios through it are then skipped. */
  fixture: Fixture | null;
  /** Pids of the bench stack's services, the store, Kafka, the baselines and the bench itself, by name. */
  processes: Record<string, number>;
  log: (message: string, fields?: Record<string, unknown>) => void;
}
