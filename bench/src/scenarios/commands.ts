import type { LoadResult, OperationFactory, RequestSpec } from '../load/http-load';
import type { Fixture } from '../stack';
import type { ScenarioContext } from './context';
import { addCpuDelta, cpuSeconds } from './memory';
import { storeCommandCounts } from './store-probe';
import { figures, round, type RunFigures } from './reads';

export interface CommandsResult {
  concurrency: number;
  /** Throughput counts commands (each operation is an add and a remove), not operations. */
  gateway: RunFigures;
  pipeline: RunFigures;
  throughputRatio: number;
  /** CPU seconds each process used per 1,000 successful commands, over the measured runs of each target. */
  cpuPerThousandCommands: { gateway: Record<string, number>; pipeline: Record<string, number> };
  /** CPU seconds each process used per second of the measured gateway runs: 2 is both cores. */
  cpuPerSecondDuringGatewayRuns: Record<string, number>;
  /** Store commands (find, insert, update...) per command, over the same runs, counted by the store for all its clients. */
  storeCommandsPerCommand: { gateway: Record<string, number>; pipeline: Record<string, number> };
}

/**
 * Scenario 2: each worker adds an agent to its own division through the gateway and
 * removes it again. The baseline does two appends to its own stream through the minimal
 * pipeline. Workers own their divisions, so no two commands race on a stream.
 */
export async function runCommands(context: ScenarioContext): Promise<CommandsResult> {
  const { fixture, settings } = context;
  if (fixture === null) {
    throw new Error('commands need the gateway fixture');
  }
  const concurrency = Math.min(settings.concurrency, fixture.divisionIds.length);
  const gatewayOperation: OperationFactory = (_, worker) => [addAgent(fixture, worker), removeAgent(fixture, worker)];
  const pipelineOperation: OperationFactory = (_, worker) => [pipelineCommand(`closed-${worker}`), pipelineCommand(`closed-${worker}`)];
  const options = { concurrency, durationMs: settings.durationMs, maxOperations: 100_000 };

  await context.gateway.closedLoop(gatewayOperation, { ...options, durationMs: settings.warmupMs });
  await context.pipeline.closedLoop(pipelineOperation, { ...options, durationMs: settings.warmupMs });

  const gatewayRuns: LoadResult[] = [];
  const pipelineRuns: LoadResult[] = [];
  const gatewayCpu: Record<string, number> = {};
  const pipelineCpu: Record<string, number> = {};
  const gatewayStore: Record<string, number> = {};
  const pipelineStore: Record<string, number> = {};
  for (let run = 0; run < settings.runs; run++) {
    let before = await cpuSeconds(context.processes);
    let countsBefore = await storeCommandCounts(context.baselineDb);
    gatewayRuns.push(asCommands(await context.gateway.closedLoop(gatewayOperation, options)));
    addCpuDelta(gatewayCpu, before, await cpuSeconds(context.processes));
    addCpuDelta(gatewayStore, countsBefore, await storeCommandCounts(context.baselineDb));

    before = await cpuSeconds(context.processes);
    countsBefore = await storeCommandCounts(context.baselineDb);
    pipelineRuns.push(asCommands(await context.pipeline.closedLoop(pipelineOperation, options)));
    addCpuDelta(pipelineCpu, before, await cpuSeconds(context.processes));
    addCpuDelta(pipelineStore, countsBefore, await storeCommandCounts(context.baselineDb));
    context.log(`commands: run ${run + 1}`, {
      gatewayCommandsPerSecond: round(gatewayRuns[run].throughput),
      pipelineCommandsPerSecond: round(pipelineRuns[run].throughput),
      gatewayErrors: gatewayRuns[run].errors,
      statuses: gatewayRuns[run].statusCounts,
    });
  }
  const gateway = figures(gatewayRuns);
  const pipeline = figures(pipelineRuns);
  return {
    concurrency,
    gateway,
    pipeline,
    throughputRatio: gateway.throughput.median / pipeline.throughput.median,
    cpuPerThousandCommands: { gateway: perCommand(gatewayCpu, gatewayRuns, 1000), pipeline: perCommand(pipelineCpu, pipelineRuns, 1000) },
    storeCommandsPerCommand: { gateway: perCommand(gatewayStore, gatewayRuns, 1), pipeline: perCommand(pipelineStore, pipelineRuns, 1) },
    cpuPerSecondDuringGatewayRuns: perSecond(gatewayCpu, gatewayRuns),
  };
}

function perSecond(totals: Record<string, number>, runs: LoadResult[]): Record<string, number> {
  const seconds = runs.reduce((sum, run) => sum + run.durationMs / 1000, 0);
  return Object.fromEntries(Object.entries(totals).map(([name, total]) => [name, total / seconds]));
}

/** Divides each total by the successful commands of the runs, times `per`. */
function perCommand(totals: Record<string, number>, runs: LoadResult[], per: number): Record<string, number> {
  const commands = runs.reduce((sum, run) => sum + run.requestLatency.count, 0);
  return Object.fromEntries(Object.entries(totals).map(([name, total]) => [name, (total / commands) * per]));
}

/** Two commands per operation: throughput counts both, and latency is that of each command on its own. */
function asCommands(result: LoadResult): LoadResult {
  return { ...result, throughput: result.throughput * 2, latency: result.requestLatency };
}

export function addAgent(fixture: Fixture, slot: number): RequestSpec {
  const divisionId = fixture.divisionIds[slot % fixture.divisionIds.length];
  const agentId = fixture.movingAgentIds[slot % fixture.movingAgentIds.length];
  return { method: 'POST', path: `/api/v1/divisions/${divisionId}/agents`, headers: { authorization: `Bearer ${fixture.token}` }, body: { agentIds: [agentId] } };
}

export function removeAgent(fixture: Fixture, slot: number): RequestSpec {
  const divisionId = fixture.divisionIds[slot % fixture.divisionIds.length];
  const agentId = fixture.movingAgentIds[slot % fixture.movingAgentIds.length];
  return { method: 'DELETE', path: `/api/v1/divisions/${divisionId}/agents/${agentId}`, headers: { authorization: `Bearer ${fixture.token}` } };
}

export function pipelineCommand(streamId: string): RequestSpec {
  return { method: 'POST', path: '/commands', body: { streamId, type: 'AgentsAddedToDivision', data: { divisionId: streamId, addedAgentIds: ['agent'] } } };
}
