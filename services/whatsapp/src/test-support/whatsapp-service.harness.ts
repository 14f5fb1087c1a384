import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ClientProxyFactory, Transport, type ClientProxy, type MicroserviceOptions } from '@nestjs/microservices';
import { MongoClient, type Db } from 'mongodb';
import { firstValueFrom } from 'rxjs';
import type { CallerContext, CommandMessage, ServiceError } from '@regu/contracts';
import { loadEnvironment, ServiceErrorFilter } from '@regu/service-kit';
import { testInfrastructure, uniqueDatabaseName, uniqueName } from '@regu/testing';
import { readConfig } from '../../../../tools/whatsapp-simulator/src/config';
import { signBody } from '../../../../tools/whatsapp-simulator/src/webhook-sender';
import { WhatsAppSimulator } from '../../../../tools/whatsapp-simulator/src/simulator';
import { AppModule } from '../app.module';
import { WhatsAppEnvironment } from '../whatsapp.environment';

export const APP_SECRET = 'int-test-app-secret';
export const VERIFY_TOKEN = 'int-test-verify-token';
export const SIMULATOR_TOKEN = 'simulator-access-token';
export const SIMULATOR_WABA_ID = '100000000000001';
export const SIMULATOR_PHONE_NUMBER_ID = '200000000000001';

/**
 * The whatsapp service started in-process on free ports with its own database and
 * consumer groups, in front of an in-process WhatsApp Cloud API simulator that sends
 * its signed webhooks to the service. Commands go over TCP, as the gateway sends them.
 */
export class WhatsAppServiceHarness {
  private constructor(
    readonly app: INestApplication,
    readonly simulator: WhatsAppSimulator,
    readonly db: Db,
    private readonly mongo: MongoClient,
    private readonly client: ClientProxy,
    readonly httpUrl: string,
  ) {}

  static async start(): Promise<WhatsAppServiceHarness> {
    const infrastructure = await testInfrastructure();
    const [httpPort, tcpPort] = [await freePort(), await freePort()];
    const simulator = new WhatsAppSimulator(
      readConfig({
        WHATSAPP_SIMULATOR_APP_SECRET: APP_SECRET,
        WHATSAPP_SIMULATOR_WEBHOOK_URL: `http://127.0.0.1:${httpPort}/webhooks/whatsapp`,
        WHATSAPP_SIMULATOR_REVIEW_DELAY_MS: '300',
      }),
    );
    const simulatorUrl = await simulator.start(0);

    const databaseName = uniqueDatabaseName('whatsapp_int');
    const environment = loadEnvironment(WhatsAppEnvironment, {
      KAFKA_BROKERS: infrastructure.kafkaBrokers,
      MONGO_URL: infrastructure.mongoUrl,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      WHATSAPP_API_BASE_URL: simulatorUrl,
      WHATSAPP_API_MAX_RETRIES: '1',
      WHATSAPP_TEMPLATE_SYNC_PAGE_SIZE: '25',
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_WEBHOOK_VERIFY_TOKEN: VERIFY_TOKEN,
    });

    const app = await NestFactory.create(AppModule.register(environment, { databaseName, consumerGroupPrefix: uniqueName('whatsapp-int') }), { rawBody: true, logger: ['error'] });
    app.useGlobalFilters(new ServiceErrorFilter());
    app.connectMicroservice<MicroserviceOptions>({ transport: Transport.TCP, options: { host: '127.0.0.1', port: tcpPort } }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    await app.listen(httpPort, '127.0.0.1');

    const mongo = await MongoClient.connect(infrastructure.mongoUrl);
    const client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: '127.0.0.1', port: tcpPort } });
    await client.connect();
    return new WhatsAppServiceHarness(app, simulator, mongo.db(databaseName), mongo, client, `http://127.0.0.1:${httpPort}`);
  }

  async stop(): Promise<void> {
    await this.client.close();
    await this.simulator.stop();
    await this.app.close();
    await this.db.dropDatabase().catch(() => undefined);
    await this.mongo.close();
  }

  /** Sends a command or query over TCP and returns the result, or rejects with the ServiceError. */
  async send<T>(pattern: string, caller: CallerContext, payload: unknown, expectedVersion?: number): Promise<T> {
    const message: CommandMessage = { caller, payload, ...(expectedVersion === undefined ? {} : { expectedVersion }) };
    return firstValueFrom(this.client.send<T>(pattern, message));
  }

  /** Sends a command and returns the ServiceError it failed with; throws when the command succeeded. */
  async sendExpectingError(pattern: string, caller: CallerContext, payload: unknown): Promise<ServiceError> {
    try {
      await this.send(pattern, caller, payload);
    } catch (error) {
      return error as ServiceError;
    }
    throw new Error(`${pattern} succeeded, but an error was expected`);
  }

  async control<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.simulator.url}/__control${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    return (await response.json()) as T;
  }

  /** Posts a webhook body signed with `secret` (the app secret unless a test forges one). */
  async postWebhook(payload: unknown, secret = APP_SECRET): Promise<Response> {
    const body = JSON.stringify(payload);
    return fetch(`${this.httpUrl}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, secret) },
      body,
    });
  }
}

export function newCaller(organizationId = randomUUID()): CallerContext {
  return { organizationId, userId: randomUUID(), role: 'admin', correlationId: randomUUID() };
}

/** Creates a simulator account, so each test connects its own number and WhatsApp Business Account. */
export async function newAccount(harness: WhatsAppServiceHarness): Promise<{ accessToken: string; wabaId: string; phoneNumberId: string; phoneNumber: string }> {
  const digits = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  const account = {
    accessToken: `token-${randomUUID()}`,
    wabaId: `1${digits}`,
    phoneNumberId: `2${digits}`,
    displayPhoneNumber: `+62 8${digits}`,
  };
  await harness.control('POST', '/accounts', account);
  return { accessToken: account.accessToken, wabaId: account.wabaId, phoneNumberId: account.phoneNumberId, phoneNumber: `+628${digits}` };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}
