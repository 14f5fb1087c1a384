import type { GatewayResponse } from './gateway-client';

/** A step whose outcome was not the expected one, with the response that showed it. */
export class StepFailed extends Error {
  constructor(
    message: string,
    readonly response?: GatewayResponse,
  ) {
    super(message);
    this.name = 'StepFailed';
  }
}

export interface StepResult {
  title: string;
  passed: boolean;
  /** Lines that describe what happened, printed under the title. */
  details: string[];
  durationMs: number;
}

/** Receives each step result as the step ends. */
export type StepReporter = (result: StepResult, index: number) => void;

/**
 * Runs the steps of a walkthrough in order and stops at the first one that fails,
 * because every later step builds on what the earlier ones created.
 */
export class StepRunner {
  readonly results: StepResult[] = [];

  constructor(private readonly report: StepReporter) {}

  /** Runs `action`, which returns its value and the lines that describe the outcome. */
  async step<T>(title: string, action: () => Promise<{ value: T; details: string[] }>): Promise<T> {
    const startedAt = Date.now();
    try {
      const { value, details } = await action();
      this.record({ title, passed: true, details, durationMs: Date.now() - startedAt });
      return value;
    } catch (error) {
      this.record({ title, passed: false, details: failureDetails(error), durationMs: Date.now() - startedAt });
      throw error;
    }
  }

  private record(result: StepResult): void {
    this.results.push(result);
    this.report(result, this.results.length);
  }
}

/** Throws StepFailed unless the response has the expected status. */
export function expectStatus<T>(response: GatewayResponse<T>, expected: number): GatewayResponse<T> {
  if (response.status !== expected) {
    throw new StepFailed(`${response.method} ${response.path} returned ${response.status}, expected ${expected}`, response);
  }
  return response;
}

/** Throws StepFailed with `message` unless `condition` holds. */
export function expectThat(condition: boolean, message: string, response?: GatewayResponse): void {
  if (!condition) {
    throw new StepFailed(message, response);
  }
}

/**
 * Re-runs `check` until it returns without throwing, for outcomes that other services
 * produce after the request returned (projections, WhatsApp's review). Rethrows the last
 * failure once `timeoutMs` has passed.
 */
export async function waitFor<T>(check: () => Promise<T>, timeoutMs: number, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new StepFailed(`still not done after ${timeoutMs} ms: ${reason}`, error instanceof StepFailed ? error.response : undefined);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

function failureDetails(error: unknown): string[] {
  if (!(error instanceof StepFailed)) {
    return [`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`];
  }
  const details = [`expected outcome not met: ${error.message}`];
  if (error.response !== undefined) {
    details.push(`response body: ${JSON.stringify(error.response.body)?.slice(0, 2000)}`);
  }
  return details;
}
