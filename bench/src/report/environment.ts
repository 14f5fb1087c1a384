import { readdir, readFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import type { MongoClient } from 'mongodb';

export interface BenchEnvironment {
  cores: number;
  memoryGiB: number;
  cpuModel: string;
  node: string;
  kafka: string;
  store: string;
  loadAverageAtEnd: number[];
}

const ROOT = resolve(__dirname, '../../..');

/** Describes the machine and the versions the run measured. */
export async function describeEnvironment(mongo: MongoClient): Promise<BenchEnvironment> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    cpuModel,
    node: process.version,
    kafka: await kafkaVersion(),
    store: await storeVersion(mongo),
    loadAverageAtEnd: loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

async function kafkaVersion(): Promise<string> {
  const libs = join(process.env.REGU_INFRA_DIR ?? join(ROOT, '.local'), 'kafka', 'libs');
  const jar = (await readdir(libs).catch(() => [] as string[])).map((file) => /^kafka_2\.13-(.+)\.jar$/.exec(file)?.[1]).find(Boolean);
  if (jar !== undefined) {
    return `Apache Kafka ${jar} (KRaft, one broker)`;
  }
  const pom = await readFile(join(ROOT, 'deploy/local/kafka/pom.xml'), 'utf8').catch(() => '');
  return `Apache Kafka ${/<kafka\.version>(.+)<\/kafka\.version>/.exec(pom)?.[1] ?? 'unknown'} (version from deploy/local/kafka/pom.xml)`;
}

async function storeVersion(mongo: MongoClient): Promise<string> {
  const info = (await mongo.db('admin').command({ buildInfo: 1 })) as { version?: string; ferretdbVersion?: string };
  if (info.ferretdbVersion === undefined) {
    return `MongoDB ${info.version ?? 'unknown'}`;
  }
  const goMod = await readFile(join(ROOT, 'deploy/local/ferretdb/go.mod'), 'utf8').catch(() => '');
  const module = /github\.com\/FerretDB\/FerretDB (v[\d.]+)/.exec(goMod)?.[1];
  return `FerretDB ${module ?? info.ferretdbVersion} with its ${await ferretdbBackend()} backend (reports MongoDB ${info.version ?? 'unknown'})`;
}

/** Reads the backend from the launcher's command line, which deploy/local/infra.sh writes. */
async function ferretdbBackend(): Promise<string> {
  const pid = (await readFile(join(process.env.BENCH_INFRA_DIR ?? join(ROOT, '.local'), 'run', 'mongo.pid'), 'utf8').catch(() => '')).trim();
  const commandLine = (await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '')).split('\0');
  const handler = commandLine[commandLine.indexOf('-handler') + 1];
  if (handler === 'postgresql') {
    return 'PostgreSQL';
  }
  // Launchers built before the -handler flag existed ran SQLite only.
  if (handler === 'sqlite' || commandLine.length > 1) {
    return 'SQLite';
  }
  return 'unknown';
}
