import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const infraScript = path.resolve(__dirname, '../../../../deploy/local/infra.sh');

/**
 * A Kafka broker of the test's own, started with deploy/local/infra.sh on other ports,
 * so a test can stop and restart it without disturbing the shared broker.
 */
export class PrivateKafka {
  private constructor(
    private readonly localDir: string,
    readonly port: number,
    private readonly controllerPort: number,
  ) {}

  static async create(port: number): Promise<PrivateKafka> {
    const localDir = await mkdtemp(path.join(tmpdir(), 'regu-kafka-'));
    return new PrivateKafka(localDir, port, port + 1);
  }

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    await this.infra('up');
  }

  async stop(): Promise<void> {
    await this.infra('down');
  }

  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.localDir, { recursive: true, force: true });
  }

  private async infra(command: 'up' | 'down'): Promise<void> {
    await run('bash', [infraScript, command], {
      timeout: 120_000,
      env: {
        ...process.env,
        REGU_LOCAL_DIR: this.localDir,
        KAFKA_PORT: String(this.port),
        KAFKA_CONTROLLER_PORT: String(this.controllerPort),
        KAFKA_HEAP_OPTS: '-Xms128m -Xmx384m',
        // MONGO_URL tells infra.sh not to start a MongoDB-compatible server.
        MONGO_URL: process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
      },
    });
  }
}
