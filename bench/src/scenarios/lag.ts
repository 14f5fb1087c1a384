import type { Db } from 'mongodb';
import { sleep, type LoadResult, type OperationFactory } from '../load/http-load';
import { acrossRuns, summarize, wallClockMs, type AcrossRuns, type LatencySummary } from '../load/stats';
import type { Fixture } from '../stack';
import { addAgent, pipelineCommand, removeAgent } from './commands';
import type { ScenarioContext } from './context';
import { figures, round, type RunFigures } from './reads';

/** How long after the last command the poller waits for the projection to catch up. */
const DRAIN_DEADLINE_MS = 20_000;
const POLL_INTERVAL_MS = 5;
const MAX_IN_FLIGHT = 64;

export interface LagAtRate {
  rate: number;
  /** Command latency through the gateway, from each command's scheduled start. */
  commands: RunFigures & { achievedRate: AcrossRuns; dropped: number };
  /** The minimal pipeline at the same offered rate. */
  pipeline: RunFigures & { achievedRate: AcrossRuns; dropped: number };
  lag: { p50: AcrossRuns; p99: AcrossRuns; max: AcrossRuns; commits: number; notVisible: number };
  /** Mean time of one poll of the read model: the resolution of the lag figures. */
  pollMs: number;
}

/**
 * Scenario 3: commands at a fixed rate through the gateway while a poller reads the
 * division list read model. Lag is the time from a commit's `committedAt` (the events'
 * `occurredAt`) to the first poll that saw its version. The poller reads all bench
 * divisions in one query every few milliseconds.
 */
export async function runLag(context: ScenarioContext): Promise<LagAtRate[]> {
  const { fixture, settings } = context;
  if (fixture === null) {
    throw new Error('the lag scenario needs the gateway fixture');
  }
  const memberOf = new Map<string, boolean>();
  const gatewayOperation: OperationFactory = (index) => {
    const slot = index % fixture.divisionIds.length;
    const divisionId = fixture.divisionIds[slot];
    const isMember = memberOf.get(divisionId) ?? false;
    memberOf.set(divisionId, !isMember);
    return [isMember ? removeAgent(fixture, slot) : addAgent(fixture, slot)];
  };
  const pipelineOperation: OperationFactory = (index) => [pipelineCommand(`open-${index % fixture.divisionIds.length}`)];

  const results: LagAtRate[] = [];
  for (const rate of settings.lagRates) {
    const commandRuns: LoadResult[] = [];
    const pipelineRuns: LoadResult[] = [];
    const lagRuns: LatencySummary[] = [];
    let commits = 0;
    let notVisible = 0;
    let pollTotal = 0;
    let polls = 0;
    for (let run = 0; run < settings.runs; run++) {
      const options = { rate, durationMs: settings.durationMs, maxInFlight: MAX_IN_FLIGHT };
      const poller = new ReadModelPoller(context.divisionsDb, fixture);
      await poller.prime();
      const windowStart = new Date();
      const polling = poller.run();
      const commandRun = await context.gateway.openLoop(gatewayOperation, options);
      const lag = await poller.finish(windowStart, DRAIN_DEADLINE_MS);
      await polling;
      commandRuns.push(commandRun);
      lagRuns.push(lag.summary);
      commits += lag.commits;
      notVisible += lag.notVisible;
      pollTotal += poller.pollMsTotal;
      polls += poller.polls;

      pipelineRuns.push(await context.pipeline.openLoop(pipelineOperation, options));
      context.log(`lag at ${rate}/s: run ${run + 1}`, {
        achievedPerSecond: round(commandRun.ok / (settings.durationMs / 1000)),
        dropped: commandRun.dropped,
        errors: commandRun.errors,
        commandP99Ms: round(commandRun.latency.p99),
        lagP50Ms: round(lag.summary.p50),
        lagP99Ms: round(lag.summary.p99),
        notVisible: lag.notVisible,
      });
    }
    results.push({
      rate,
      commands: { ...figures(commandRuns), ...openLoopExtras(commandRuns, settings.durationMs) },
      pipeline: { ...figures(pipelineRuns), ...openLoopExtras(pipelineRuns, settings.durationMs) },
      lag: {
        p50: acrossRuns(lagRuns.map((lag) => lag.p50)),
        p99: acrossRuns(lagRuns.map((lag) => lag.p99)),
        max: acrossRuns(lagRuns.map((lag) => lag.max)),
        commits,
        notVisible,
      },
      pollMs: polls === 0 ? Number.NaN : pollTotal / polls,
    });
  }
  return results;
}

function openLoopExtras(runs: LoadResult[], durationMs: number): { achievedRate: AcrossRuns; dropped: number } {
  return {
    achievedRate: acrossRuns(runs.map((run) => run.ok / (durationMs / 1000))),
    dropped: runs.reduce((sum, run) => sum + run.dropped, 0),
  };
}

/** Records, per division, when each stream version first became visible in `division_list`. */
class ReadModelPoller {
  private readonly visibleAt = new Map<string, Map<number, number>>();
  private readonly lastSeen = new Map<string, number>();
  private stopped = false;
  pollMsTotal = 0;
  polls = 0;

  constructor(
    private readonly db: Db,
    private readonly fixture: Fixture,
  ) {}

  /** Reads the versions before the run, so only versions that appear during it are timed. */
  async prime(): Promise<void> {
    await this.poll(false);
  }

  async run(): Promise<void> {
    while (!this.stopped) {
      await this.poll(true);
      await sleep(POLL_INTERVAL_MS);
    }
  }

  /** Waits until every commit made since `windowStart` is visible or the deadline passes, then computes the lag of each. */
  async finish(windowStart: Date, deadlineMs: number): Promise<{ summary: LatencySummary; commits: number; notVisible: number }> {
    const deadline = Date.now() + deadlineMs;
    let commits = await this.commitsSince(windowStart);
    while (Date.now() < deadline && commits.some((commit) => !this.isVisible(commit.streamId, commit.toVersion))) {
      await sleep(250);
      commits = await this.commitsSince(windowStart);
    }
    this.stopped = true;

    const lags: number[] = [];
    let notVisible = 0;
    for (const commit of commits) {
      const seen = this.visibleAt.get(commit.streamId)?.get(commit.toVersion);
      if (seen === undefined) {
        notVisible += 1;
        continue;
      }
      lags.push(seen - commit.committedAt.getTime());
    }
    return { summary: summarize(lags), commits: commits.length, notVisible };
  }

  private isVisible(streamId: string, version: number): boolean {
    return (this.lastSeen.get(streamId) ?? 0) >= version;
  }

  private async commitsSince(windowStart: Date): Promise<Array<{ streamId: string; toVersion: number; committedAt: Date }>> {
    return this.db
      .collection<{ streamId: string; toVersion: number; committedAt: Date }>('commits')
      .find({ streamId: { $in: this.fixture.divisionIds }, committedAt: { $gte: windowStart } }, { projection: { _id: 0, streamId: 1, toVersion: 1, committedAt: 1 } })
      .toArray();
  }

  private async poll(record: boolean): Promise<void> {
    const started = wallClockMs();
    const documents = await this.db
      .collection<{ _id: string; streamVersion: number }>('division_list')
      .find({ _id: { $in: this.fixture.divisionIds } }, { projection: { streamVersion: 1 } })
      .toArray();
    // The read happened somewhere inside the round trip; its end is the conservative bound.
    const seenAt = wallClockMs();
    this.pollMsTotal += seenAt - started;
    this.polls += 1;

    for (const document of documents) {
      const before = this.lastSeen.get(document._id) ?? 0;
      if (document.streamVersion <= before) {
        continue;
      }
      this.lastSeen.set(document._id, document.streamVersion);
      if (!record) {
        continue;
      }
      const versions = this.visibleAt.get(document._id) ?? new Map<number, number>();
      for (let version = before + 1; version <= document.streamVersion; version++) {
        versions.set(version, seenAt);
      }
      this.visibleAt.set(document._id, versions);
    }
  }
}
