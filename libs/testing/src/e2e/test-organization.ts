import { randomUUID } from 'node:crypto';
import type { Role, TokenPair, UserView } from '@regu/contracts';
import { ApiClient } from './api-client';
import { IdentityTcpClient } from './identity-tcp-client';

/** A user the harness registered, with the password it chose and a fresh token pair. */
export interface TestUser {
  user: UserView;
  email: string;
  password: string;
  tokens: TokenPair;
  /** The access token, for `ApiRequest.token`. */
  token: string;
}

/** Returns a password that passes the identity password policy. */
export function testPassword(): string {
  return `Pw-${randomUUID()}`;
}

/** Returns an email no other test uses. */
export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}.${randomUUID().slice(0, 12)}@e2e.regu.test`;
}

/** Returns a random E.164 Indonesian mobile number. */
export function testPhoneNumber(): string {
  return `+62812${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/**
 * A fresh organization for one test file, created over identity's TCP API because the
 * gateway has no route for it, with its first admin logged in. Further users are
 * registered through the gateway by that admin, the way a client does.
 */
export class TestOrganization {
  private constructor(
    readonly organizationId: string,
    readonly admin: TestUser,
    private readonly api: ApiClient,
    private readonly identity: IdentityTcpClient,
  ) {}

  static async create(options: { api?: ApiClient; identity?: IdentityTcpClient; name?: string } = {}): Promise<TestOrganization> {
    const api = options.api ?? new ApiClient();
    const identity = options.identity ?? new IdentityTcpClient();
    const email = uniqueEmail('admin');
    const password = testPassword();

    const created = await identity.createOrganization({
      name: options.name ?? `E2E ${randomUUID().slice(0, 8)}`,
      admin: { firstName: 'Test', lastName: 'Admin', email, phoneNumber: testPhoneNumber(), password },
    });
    const tokens = await identity.login(email, password);
    const admin: TestUser = { user: created.admin, email, password, tokens, token: tokens.accessToken };
    return new TestOrganization(created.organizationId, admin, api, identity);
  }

  /** Registers a user with the role through POST /users as the admin, then logs the user in. */
  async addUser(role: Role, profile: Partial<Pick<UserView, 'firstName' | 'lastName'>> = {}): Promise<TestUser> {
    const email = uniqueEmail(role);
    const password = testPassword();
    const response = await this.api.post<UserView>('/users', {
      token: this.admin.token,
      body: { firstName: profile.firstName ?? 'Test', lastName: profile.lastName ?? role, email, phoneNumber: testPhoneNumber(), role, password },
    });
    if (response.status !== 201) {
      throw new Error(`Registering a test ${role} failed with ${response.status}: ${JSON.stringify(response.body)}`);
    }
    const tokens = await this.identity.login(email, password);
    return { user: response.body, email, password, tokens, token: tokens.accessToken };
  }

  /** Logs a user in again over TCP, for a fresh token pair. */
  login(email: string, password: string): Promise<TokenPair> {
    return this.identity.login(email, password);
  }
}
