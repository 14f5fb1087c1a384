import { Pool } from 'undici';
import { nowMs, summarize, type LatencySummary } from './stats';

/** One HTTP request of a load run. `body` is sent as JSON. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Makes the request for the n-th operation; an operation may be a sequence of requests. */
export type OperationFactory = (index: number, worker: number) => RequestSpec[];

export interface LoadResult {
  /** Operations whose every request got a 2xx response. */
  ok: number;
  errors: number;
  /** Open loop only: operations not sent because `maxInFlight` was reached. */
  dropped: number;
  statusCounts: Record<string, number>;
  durationMs: number;
  /** Completed operations per second over the measured duration. */
  throughput: number;
  /** Latency of successful operations, from their scheduled start in the open loop. */
  latency: LatencySummary;
  /** Latency of each 2xx request on its own, from when it was sent. */
  requestLatency: LatencySummary;
  /** Every successful operation: its index, end time (wall clock, ms) and response bodies when kept. */
  completions: Completion[];
}

export interface Completion {
  index: number;
  latencyMs: number;
  bodies: unknown[];
}

export interface ClosedLoopOptions {
  concurrency: number;
  durationMs: number;
  /** Upper bound on operations, whatever the duration. */
  maxOperations: number;
  keepBodies?: boolean;
}

export interface OpenLoopOptions {
  /** Operations started per second, on a fixed schedule whatever the responses. */
  rate: number;
  durationMs: number;
  /** Operations allowed in flight; past it a scheduled operation is dropped and counted. */
  maxInFlight: number;
  keepBodies?: boolean;
}

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * An HTTP load generator aimed at one origin on 127.0.0.1. The pool keeps one
 * connection per concurrent operation, so connection set-up is not measured.
 */
export class HttpLoad {
  private readonly pool: Pool;

  constructor(origin: string, connections = 64) {
    const url = new URL(origin);
    if (url.hostname !== '127.0.0.1') {
      throw new Error(`load generator targets only 127.0.0.1, got ${origin}`);
    }
    this.pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 30_000, headersTimeout: REQUEST_TIMEOUT_MS, bodyTimeout: REQUEST_TIMEOUT_MS });
  }

  async close(): Promise<void> {
    await this.pool.close();
  }

  /** Sends one request and returns its status and parsed body (null when empty). */
  async request(spec: RequestSpec): Promise<{ status: number; body: unknown; headers: Record<string, string | string[] | undefined> }> {
    const headers: Record<string, string> = { ...(spec.headers ?? {}) };
    let payload: string | undefined;
    if (spec.body !== undefined) {
      payload = JSON.stringify(spec.body);
      headers['content-type'] = 'application/json';
    }
    const response = await this.pool.request({ origin: undefined, path: spec.path, method: spec.method, headers, body: payload });
    const text = await response.body.text();
    let body: unknown = null;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { status: response.statusCode, body, headers: response.headers };
  }

  /** Runs `concurrency` workers, each starting its next operation when the previous one ends. */
  async closedLoop(operation: OperationFactory, options: ClosedLoopOptions): Promise<LoadResult> {
    const tally = new Tally(options.keepBodies ?? false);
    const start = nowMs();
    const deadline = start + options.durationMs;
    let next = 0;

    const worker = async (id: number): Promise<void> => {
      while (nowMs() < deadline && next < options.maxOperations) {
        const index = next++;
        const began = nowMs();
        await tally.run(index, began, () => this.runOperation(operation(index, id)));
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, (_, id) => worker(id)));
    return tally.result(nowMs() - start, 0);
  }

  /**
   * Starts operations at a fixed rate for the duration, without waiting for responses,
   * and measures each from its scheduled start so a slow server cannot hide queueing.
   */
  async openLoop(operation: OperationFactory, options: OpenLoopOptions): Promise<LoadResult> {
    const tally = new Tally(options.keepBodies ?? false);
    const intervalMs = 1000 / options.rate;
    const total = Math.floor((options.durationMs / 1000) * options.rate);
    const start = nowMs();
    const pending: Promise<void>[] = [];
    let inFlight = 0;
    let dropped = 0;

    for (let index = 0; index < total; index++) {
      const scheduled = start + index * intervalMs;
      const wait = scheduled - nowMs();
      if (wait > 1) {
        await sleep(wait);
      }
      if (inFlight >= options.maxInFlight) {
        dropped += 1;
        continue;
      }
      inFlight += 1;
      pending.push(
        tally
          .run(index, scheduled, () => this.runOperation(operation(index, index)))
          .finally(() => {
            inFlight -= 1;
          }),
      );
    }
    await Promise.all(pending);
    return tally.result(nowMs() - start, dropped);
  }

  private async runOperation(requests: RequestSpec[]): Promise<OperationOutcome> {
    const statuses: number[] = [];
    const bodies: unknown[] = [];
    const durations: number[] = [];
    for (const spec of requests) {
      const sent = nowMs();
      const { status, body } = await this.request(spec);
      durations.push(nowMs() - sent);
      statuses.push(status);
      bodies.push(body);
      if (status >= 300) {
        break;
      }
    }
    return { statuses, bodies, durations };
  }
}

interface OperationOutcome {
  statuses: number[];
  bodies: unknown[];
  durations: number[];
}

class Tally {
  private readonly latencies: number[] = [];
  private readonly requestLatencies: number[] = [];
  private readonly completions: Completion[] = [];
  private readonly statusCounts: Record<string, number> = {};
  private errors = 0;

  constructor(private readonly keepBodies: boolean) {}

  async run(index: number, began: number, send: () => Promise<OperationOutcome>): Promise<void> {
    try {
      const { statuses, bodies, durations } = await send();
      statuses.forEach((status, position) => {
        this.statusCounts[status] = (this.statusCounts[status] ?? 0) + 1;
        if (status < 300) {
          this.requestLatencies.push(durations[position]);
        }
      });
      if (statuses.every((status) => status < 300)) {
        const latencyMs = nowMs() - began;
        this.latencies.push(latencyMs);
        this.completions.push({ index, latencyMs, bodies: this.keepBodies ? bodies : [] });
      } else {
        this.errors += 1;
      }
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'network-error';
      this.statusCounts[code] = (this.statusCounts[code] ?? 0) + 1;
      this.errors += 1;
    }
  }

  result(durationMs: number, dropped: number): LoadResult {
    return {
      ok: this.latencies.length,
      errors: this.errors,
      dropped,
      statusCounts: this.statusCounts,
      durationMs,
      throughput: this.latencies.length / (durationMs / 1000),
      latency: summarize(this.latencies),
      requestLatency: summarize(this.requestLatencies),
      completions: this.completions,
    };
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
