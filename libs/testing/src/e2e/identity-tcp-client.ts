import { randomUUID } from 'node:crypto';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import { type CallerContext, type CreatedOrganizationView, type CreateOrganizationPayload, IDENTITY_PATTERNS, type TokenPair } from '@regu/contracts';

/** A caller for commands that come from no user, as the gateway sends for login. */
const NO_CALLER: CallerContext = { organizationId: '', userId: '', role: 'agent', correlationId: '' };

/**
 * Talks to identity's TCP port directly, as the gateway does. Tests use it for what the
 * gateway does not offer (creating organizations) and to log users in without counting
 * against the gateway's login rate limit.
 */
export class IdentityTcpClient {
  private readonly client: ClientProxy;

  constructor(
    host = process.env.IDENTITY_HOST ?? '127.0.0.1',
    port = Number(process.env.IDENTITY_TCP_PORT ?? 4001),
  ) {
    this.client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host, port } });
  }

  /** Sends one message; a ServiceError from identity rejects with that error object. */
  send<T>(pattern: string, payload: unknown, caller: CallerContext = NO_CALLER): Promise<T> {
    const message = { caller: { ...caller, correlationId: caller.correlationId || `e2e-${randomUUID()}` }, payload };
    return firstValueFrom(this.client.send<T>(pattern, message).pipe(timeout(15_000)));
  }

  createOrganization(payload: CreateOrganizationPayload): Promise<CreatedOrganizationView> {
    return this.send(IDENTITY_PATTERNS.createOrganization, payload);
  }

  login(email: string, password: string): Promise<TokenPair> {
    return this.send(IDENTITY_PATTERNS.login, { email, password });
  }

  close(): void {
    this.client.close();
  }
}
