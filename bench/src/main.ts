import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { type Db, MongoClient } from 'mongodb';
import { HttpLoad, sleep } from './load/http-load';
import { writeReport } from './report/report';
import { describeEnvironment } from './report/environment';
import { settingsFromEnvironment, type ScenarioContext } from './scenarios/context';
import { runCommands } from './scenarios/commands';
import { runLag } from './scenarios/lag';
import { runLogin } from './scenarios/login';
import { cpuSeconds, residentSizes, stackProcesses } from './scenarios/memory';
import { runReads } from './scenarios/reads';
import { runRebuild } from './scenarios/rebuild';
import { probeStore } from './scenarios/store-probe';
import { BENCH, GatewayClient, type Fixture } from './stack';

const DIVISIONS = 40;
const FIXTURE_DEADLINE_MS = 120_000;

/** A scenario's outcome: its figures, or why it could not run. */
export type Outcome<T> = { status: 'ok'; value: T } | { status: 'failed'; error: string };

async function main(): Promise<void> {
  const settings = settingsFromEnvironment();
  const startedAt = new Date();
  const log = (message: string, fields: Record<string, unknown> = {}): void => {
    console.log(`[bench] ${message}${Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : ''}`);
  };

  const mongo = await MongoClient.connect(BENCH.mongoUrl);
  const baselineDb = mongo.db(BENCH.baselineDatabase);
  await baselineDb.dropDatabase();
  const children = [await startChild('baselines/read-baseline.js'), await startChild('baselines/minimal-pipeline.js')];
  // An interrupted run must not leave the baselines listening; bench/run.sh stops the services.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of children) {
        child.kill('SIGTERM');
      }
      process.exit(130);
    });
  }

  const context: ScenarioContext = {
    settings,
    gateway: new HttpLoad(BENCH.gatewayOrigin),
    readBaseline: new HttpLoad(BENCH.readBaselineOrigin),
    pipeline: new HttpLoad(BENCH.pipelineOrigin),
    divisionsDb: mongo.db(BENCH.divisionsDatabase),
    baselineDb,
    fixture: null,
    processes: await benchProcesses(children),
    log,
  };
  const services = await stackProcesses(BENCH.runDirectory);
  const client = new GatewayClient(context.gateway);

  const results: Record<string, unknown> = {};
  // The local store scans a collection for most queries, so its size shapes every figure.
  const commitsAtStart: Record<string, number> = {};
  results.divisionsCommitsAtStart = { status: 'ok', value: commitsAtStart };
  const attempt = async <T>(name: string, scenario: () => Promise<T>): Promise<Outcome<T>> => {
    if (settings.only !== null && name !== 'fixture' && !settings.only.includes(name)) {
      return { status: 'failed', error: 'left out by BENCH_ONLY' };
    }
    const commits = await context.divisionsDb.collection('commits').countDocuments({});
    commitsAtStart[name] = commits;
    log(`${name}: starting`, { divisionsCommits: commits });
    try {
      const value = await scenario();
      results[name] = { status: 'ok', value };
      return { status: 'ok', value };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`${name}: failed`, { error: message });
      results[name] = { status: 'failed', error: message };
      return { status: 'failed', error: message };
    }
  };
  const refreshToken = async (): Promise<void> => {
    // Access tokens live at most 15 minutes, less than a whole bench run.
    if (context.fixture !== null) {
      context.fixture.token = (await client.login(BENCH.adminEmail, BENCH.adminPassword)).accessToken;
    }
  };

  try {
    const fixture = await attempt('fixture', () => createFixture(client, context.divisionsDb, log));
    context.fixture = fixture.status === 'ok' ? fixture.value : null;
    const memoryAtRest = await residentSizes(context.processes);
    results.cpuAtRest = { status: 'ok', value: await cpuRateAtRest(context.processes) };
    await attempt('storeProbe', () => probeStore(baselineDb));
    await refreshToken();
    await attempt('reads', () => runReads(context));
    await refreshToken();
    await attempt('commands', () => runCommands(context));
    results.memory = { status: 'ok', value: { services: Object.keys(services), atRest: memoryAtRest, afterCommands: await residentSizes(context.processes) } };
    await refreshToken();
    await attempt('lag', () => runLag(context));
    await attempt('rebuild', () => runRebuild(context));
    await attempt('login', () => runLogin(context));

    const environment = await describeEnvironment(mongo);
    const finishedAt = new Date();
    await writeReport({ startedAt, finishedAt, settings, environment, results }, log);
  } finally {
    await Promise.all([context.gateway.close(), context.readBaseline.close(), context.pipeline.close()]);
    for (const child of children) {
      child.kill('SIGTERM');
    }
    await mongo.close();
  }
}

async function createFixture(client: GatewayClient, divisionsDb: Db, log: (message: string, fields?: Record<string, unknown>) => void): Promise<Fixture> {
  const { accessToken } = await client.login(BENCH.adminEmail, BENCH.adminPassword);
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString('utf8')) as { org: string };
  const runId = Date.now().toString(36);

  const supervisorId = await client.createUser(runId, 'supervisor', 0);
  const memberAgentId = await client.createUser(runId, 'agent', 0);
  const movingAgentIds: string[] = [];
  for (let index = 1; index <= DIVISIONS; index++) {
    movingAgentIds.push(await client.createUser(runId, 'agent', index));
  }
  log('fixture: users created', { users: DIVISIONS + 2 });

  const deadline = Date.now() + FIXTURE_DEADLINE_MS;
  const divisionIds: string[] = [];
  for (let index = 0; index < DIVISIONS; index++) {
    divisionIds.push(await client.createDivisionWhenUsersKnown(`Bench ${runId} ${String(index).padStart(2, '0')}`, supervisorId, [memberAgentId], deadline));
  }
  log('fixture: divisions created', { divisions: divisionIds.length });

  // The page-of-20 read and the lag poller read the list projection, which follows a moment later.
  while ((await divisionsDb.collection('division_list').countDocuments({ _id: { $in: divisionIds as never[] } })) < divisionIds.length) {
    if (Date.now() > deadline) {
      throw new Error(`division_list did not show all ${divisionIds.length} bench divisions within ${FIXTURE_DEADLINE_MS / 1000} s`);
    }
    await sleep(250);
  }
  return { token: accessToken, organizationId: claims.org, supervisorId, memberAgentId, movingAgentIds, divisionIds };
}

/** Measures CPU seconds per second of each process while the bench sends nothing: the background load, other users of the store included. */
async function cpuRateAtRest(processes: Record<string, number>): Promise<Record<string, number>> {
  const windowMs = 5000;
  const before = await cpuSeconds(processes);
  await sleep(windowMs);
  const after = await cpuSeconds(processes);
  return Object.fromEntries(Object.entries(after).map(([name, value]) => [name, (value - (before[name] ?? value)) / (windowMs / 1000)]));
}

/** Collects the pids whose CPU time and memory the report shows: the stack, the store, Kafka, the baselines and the bench. */
async function benchProcesses(children: ChildProcess[]): Promise<Record<string, number>> {
  const infrastructure = await stackProcesses(BENCH.infrastructureRunDirectory);
  const processes: Record<string, number> = { ...(await stackProcesses(BENCH.runDirectory)) };
  if (infrastructure.mongo !== undefined) {
    processes.store = infrastructure.mongo;
  }
  if (infrastructure.kafka !== undefined) {
    processes.kafka = infrastructure.kafka;
  }
  processes['read-baseline'] = children[0].pid ?? 0;
  processes['minimal-pipeline'] = children[1].pid ?? 0;
  processes.bench = process.pid;
  return processes;
}

function startChild(script: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, script), { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const timer = setTimeout(() => reject(new Error(`${script} did not start within 30 s`)), 30_000);
    child.once('message', () => {
      clearTimeout(timer);
      resolve(child);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with code ${code} during start-up`));
    });
  });
}

main().catch(async (error: unknown) => {
  console.error(error);
  await sleep(10);
  process.exit(1);
});
