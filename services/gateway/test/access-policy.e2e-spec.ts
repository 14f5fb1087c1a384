import { randomUUID } from 'node:crypto';
import { ApiClient, gatewayUrl, IdentityTcpClient, TestOrganization, type TestUser } from '@regu/testing';

const api = new ApiClient();
const identity = new IdentityTcpClient();
const MUTATING_METHODS = ['post', 'put', 'patch', 'delete'] as const;

interface Operation {
  method: string;
  path: string;
  public: boolean;
  roles: string[] | undefined;
}

/** Reads every mutating operation from the gateway's OpenAPI document, with the access policy it publishes. */
async function mutatingOperations(): Promise<Operation[]> {
  const response = await fetch(`${gatewayUrl()}/api/docs-json`);
  const document = (await response.json()) as { paths: Record<string, Record<string, Record<string, unknown>>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    MUTATING_METHODS.filter((method) => operations[method] !== undefined).map((method) => ({
      method: method.toUpperCase(),
      path,
      public: operations[method]?.['x-regu-public'] === true,
      roles: operations[method]?.['x-regu-roles'] as string[] | undefined,
    })),
  );
}

/** Fills `{id}` and other path parameters with fresh UUIDs; the role check comes before any lookup. */
function concretePath(path: string): string {
  return path.replace(/^\/api\/v1/, '').replace(/\{[^}]+\}/g, () => randomUUID());
}

let operations: Operation[];
let organization: TestOrganization;
let agent: TestUser;
let supervisor: TestUser;

beforeAll(async () => {
  operations = await mutatingOperations();
  organization = await TestOrganization.create({ api, identity });
  agent = await organization.addUser('agent');
  supervisor = await organization.addUser('supervisor');
});

afterAll(() => identity.close());

describe('every mutating route', () => {
  it('is found in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(10);
    expect(operations).toContainEqual(expect.objectContaining({ method: 'POST', path: '/api/v1/users' }));
  });

  it('opens to other roles only where the policy says so', () => {
    const exceptions = operations.filter((operation) => operation.public || operation.roles?.some((role) => role !== 'admin')).map((operation) => `${operation.method} ${operation.path}`);

    // Login, refresh and logout are public; changing one's own password is for every role.
    // A new exception must be added here on purpose.
    expect(exceptions.sort()).toEqual(['POST /api/v1/auth/login', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/refresh', 'POST /api/v1/users/me/password']);
  });

  it.each(['agent', 'supervisor'] as const)('answers 403 to a %s token', async (role) => {
    const token = role === 'agent' ? agent.token : supervisor.token;
    const checked = operations.filter((operation) => !operation.public && !(operation.roles ?? ['admin']).includes(role));

    for (const operation of checked) {
      const path = concretePath(operation.path);
      const response = await api.request(operation.method, path, { token, body: {} });

      expect({ route: `${operation.method} ${operation.path}`, status: response.status, body: response.body }).toEqual({
        route: `${operation.method} ${operation.path}`,
        status: 403,
        body: {
          type: 'urn:regu:problem:role-not-allowed',
          title: 'Forbidden',
          status: 403,
          detail: `Your role (${role}) may not do this; only ${(operation.roles ?? ['admin']).join(', ')} may.`,
          code: 'ROLE_NOT_ALLOWED',
          correlationId: expect.any(String),
          instance: `/api/v1${path}`,
        },
      });
    }
    expect(checked.length).toBeGreaterThan(5);
  });
});
