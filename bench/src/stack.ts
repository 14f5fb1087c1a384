import { HttpLoad } from './load/http-load';

/**
 * Ports and names of the stack the bench starts for itself. They differ from the
 * defaults so a bench run never shares a process with a stack a developer started.
 * bench/run.sh exports the same values to the services.
 */
export const BENCH = {
  gatewayOrigin: `http://127.0.0.1:${process.env.GATEWAY_PORT ?? '3100'}`,
  readBaselineOrigin: `http://127.0.0.1:${process.env.BENCH_READ_BASELINE_PORT ?? '3180'}`,
  pipelineOrigin: `http://127.0.0.1:${process.env.BENCH_PIPELINE_PORT ?? '3181'}`,
  mongoUrl: process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017',
  kafkaBrokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
  divisionsDatabase: process.env.DIVISIONS_DATABASE_NAME ?? 'regu_bench_divisions',
  /** The event store, read models and rebuild fixtures of the baselines; dropped at each run's start. */
  baselineDatabase: 'regu_bench_baseline',
  runDirectory: `${process.env.REGU_LOCAL_DIR ?? '.local/bench'}/run`,
  /** Folder of the pid files of Kafka and the store, as `npm run infra:up` writes them. */
  infrastructureRunDirectory: `${process.env.BENCH_INFRA_DIR ?? '.local'}/run`,
  adminEmail: process.env.BOOTSTRAP_ADMIN_EMAIL ?? 'admin@regu.local',
  adminPassword: process.env.BOOTSTRAP_ADMIN_PASSWORD ?? 'Regu-admin-2026!',
};

export interface Fixture {
  token: string;
  organizationId: string;
  supervisorId: string;
  /** Agents that stay in every division, so the last agent is never removed. */
  memberAgentId: string;
  /** Agents the command scenarios add and remove, one per division. */
  movingAgentIds: string[];
  divisionIds: string[];
}

/** Calls the gateway as the bootstrap admin to create the users and divisions the scenarios need. */
export class GatewayClient {
  private token = '';

  constructor(private readonly http: HttpLoad) {}

  get authorization(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }

  async login(email: string, password: string): Promise<{ accessToken: string }> {
    const { status, body } = await this.http.request({ method: 'POST', path: '/api/v1/auth/login', body: { email, password } });
    if (status !== 200 && status !== 201) {
      throw new Error(`login as ${email} failed with ${status}: ${JSON.stringify(body)}`);
    }
    const accessToken = (body as { accessToken: string }).accessToken;
    this.token = accessToken;
    return { accessToken };
  }

  async createUser(runId: string, role: 'agent' | 'supervisor', index: number): Promise<string> {
    const body = {
      firstName: `Bench ${role}`,
      lastName: `${runId} ${index}`,
      email: `bench-${role}-${runId}-${index}@bench.regu.local`,
      phoneNumber: `+6281${String(Date.now() % 1e7).padStart(7, '0')}${String(index).padStart(2, '0')}`,
      role,
      password: 'Bench-password-2026!',
    };
    return this.created('/api/v1/users', body);
  }

  async createDivision(name: string, supervisorId: string, agentIds: string[]): Promise<string> {
    return this.created('/api/v1/divisions', { name, supervisorId, agentIds });
  }

  /** Retries a create while divisions has not yet projected the users it names (400 for unknown agents). */
  async createDivisionWhenUsersKnown(name: string, supervisorId: string, agentIds: string[], deadlineMs: number): Promise<string> {
    for (;;) {
      try {
        return await this.createDivision(name, supervisorId, agentIds);
      } catch (error) {
        if (Date.now() > deadlineMs) {
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }

  private async created(path: string, body: unknown): Promise<string> {
    const response = await this.http.request({ method: 'POST', path, headers: this.authorization, body });
    if (response.status !== 201) {
      throw new Error(`POST ${path} failed with ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return (response.body as { id: string }).id;
  }
}
