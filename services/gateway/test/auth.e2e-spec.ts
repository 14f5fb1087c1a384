import { randomUUID } from 'node:crypto';
import { ApiClient, IdentityTcpClient, TestOrganization, type TestUser, testPassword, uniqueEmail } from '@regu/testing';
import type { TokenPair } from '@regu/contracts';

const api = new ApiClient();
const identity = new IdentityTcpClient();
let organization: TestOrganization;

beforeAll(async () => {
  organization = await TestOrganization.create({ api, identity });
});

afterAll(() => identity.close());

function invalidCredentials(): object {
  return {
    type: 'urn:regu:problem:invalid-credentials',
    title: 'Unauthorized',
    status: 401,
    detail: 'The email or password is incorrect.',
    code: 'INVALID_CREDENTIALS',
    correlationId: expect.any(String),
    instance: '/api/v1/auth/login',
  };
}

function lockedOut(): object {
  return {
    type: 'urn:regu:problem:user-locked-out',
    title: 'Too Many Requests',
    status: 429,
    detail: expect.stringMatching(/^Too many failed logins; try again after \d{4}-\d{2}-\d{2}T/),
    code: 'USER_LOCKED_OUT',
    correlationId: expect.any(String),
    instance: '/api/v1/auth/login',
  };
}

describe('POST /auth/login', () => {
  let agent: TestUser;

  beforeAll(async () => {
    agent = await organization.addUser('agent');
  });

  it('returns a token pair for the right password', async () => {
    const response = await api.post<TokenPair>('/auth/login', { body: { email: agent.email.toUpperCase(), password: agent.password } });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accessToken: expect.stringMatching(/^ey[\w-]+\.[\w-]+\.[\w-]+$/),
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshToken: expect.stringMatching(/^[\w-]{43}$/),
      refreshTokenExpiresAt: expect.any(String),
    });
    const me = await api.get('/users/me', { token: response.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: agent.user.id, role: 'agent' });
  });

  it('rejects a wrong password', async () => {
    const response = await api.post('/auth/login', { body: { email: agent.email, password: 'not-the-password-1' } });

    expect(response.status).toBe(401);
    expect(response.body).toEqual(invalidCredentials());
  });

  it('answers an unknown email like a wrong password', async () => {
    const response = await api.post('/auth/login', { body: { email: uniqueEmail('nobody'), password: 'not-the-password-1' } });

    expect(response.status).toBe(401);
    expect(response.body).toEqual(invalidCredentials());
  });

  it('locks the 11th wrong try, even with the right password', async () => {
    const user = await organization.addUser('agent');

    for (let attempt = 1; attempt <= 10; attempt++) {
      const response = await api.post('/auth/login', { body: { email: user.email, password: `wrong-password-${attempt}` } });
      expect({ attempt, status: response.status }).toEqual({ attempt, status: 401 });
    }
    const eleventh = await api.post('/auth/login', { body: { email: user.email, password: 'wrong-password-11' } });
    const rightPassword = await api.post('/auth/login', { body: { email: user.email, password: user.password } });

    expect(eleventh.status).toBe(429);
    expect(eleventh.body).toEqual(lockedOut());
    expect(rightPassword.status).toBe(429);
  });

  it('locks an unknown email the same way', async () => {
    const email = uniqueEmail('unknown');
    for (let attempt = 1; attempt <= 10; attempt++) {
      await expect(identity.login(email, `wrong-password-${attempt}`)).rejects.toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    }

    const eleventh = await api.post('/auth/login', { body: { email, password: 'wrong-password-11' } });

    expect(eleventh.status).toBe(429);
    expect(eleventh.body).toEqual(lockedOut());
  });

  it('rejects operator payloads with 400', async () => {
    for (const body of [{ email: { $ne: null }, password: { $ne: null } }, { email: agent.email, password: { $gt: '' } }, { email: { $regex: '.*' }, password: 'x' }]) {
      const response = await api.post('/auth/login', { body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
  });

  it('lists every missing field', async () => {
    const response = await api.post('/auth/login', { body: {} });

    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      type: 'urn:regu:problem:validation-failed',
      title: 'Bad Request',
      status: 400,
      detail: 'The request has invalid fields; see errors for each one.',
      code: 'VALIDATION_FAILED',
      correlationId: expect.any(String),
      instance: '/api/v1/auth/login',
      errors: [
        { field: 'email', code: 'FIELD_REQUIRED', message: 'field is required' },
        { field: 'password', code: 'FIELD_REQUIRED', message: 'field is required' },
      ],
    });
  });
});

describe('POST /auth/refresh', () => {
  it('rotates the refresh token and rejects the old one', async () => {
    const user = await organization.addUser('supervisor');

    const first = await api.post<TokenPair>('/auth/refresh', { body: { refreshToken: user.tokens.refreshToken } });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(user.tokens.refreshToken);
    expect((await api.get('/users/me', { token: first.body.accessToken })).status).toBe(200);

    const reused = await api.post('/auth/refresh', { body: { refreshToken: user.tokens.refreshToken } });
    expect(reused.status).toBe(401);
    expect(reused.body).toEqual({
      type: 'urn:regu:problem:refresh-token-reused',
      title: 'Unauthorized',
      status: 401,
      detail: 'The refresh token was already used, so every session that came from it was ended; log in again.',
      code: 'REFRESH_TOKEN_REUSED',
      correlationId: expect.any(String),
      instance: '/api/v1/auth/refresh',
    });

    // Reuse ended the family, so the newest token of the family no longer works either.
    const successor = await api.post('/auth/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(successor.status).toBe(401);
    expect(successor.body).toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
  });

  it('rejects an unknown refresh token', async () => {
    const response = await api.post('/auth/refresh', { body: { refreshToken: randomUUID() } });

    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ status: 401, code: 'REFRESH_TOKEN_INVALID' });
  });
});

describe('POST /auth/logout', () => {
  it('ends the session and is idempotent', async () => {
    const user = await organization.addUser('agent');

    const logout = await api.post('/auth/logout', { body: { refreshToken: user.tokens.refreshToken } });
    const again = await api.post('/auth/logout', { body: { refreshToken: user.tokens.refreshToken } });
    const refresh = await api.post('/auth/refresh', { body: { refreshToken: user.tokens.refreshToken } });

    expect(logout.status).toBe(204);
    expect(again.status).toBe(204);
    expect(refresh.status).toBe(401);
  });
});

describe('session revocation', () => {
  it('ends sessions when the password changes', async () => {
    const user = await organization.addUser('agent');
    const newPassword = testPassword();

    const change = await api.post('/users/me/password', { token: user.token, body: { currentPassword: user.password, newPassword } });
    const refresh = await api.post('/auth/refresh', { body: { refreshToken: user.tokens.refreshToken } });

    expect(change.status).toBe(204);
    expect(refresh.status).toBe(401);
    await expect(identity.login(user.email, newPassword)).resolves.toMatchObject({ tokenType: 'Bearer' });
    await expect(identity.login(user.email, user.password)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
  });

  it('rejects a wrong current password', async () => {
    const user = await organization.addUser('agent');

    const change = await api.post('/users/me/password', { token: user.token, body: { currentPassword: 'not-the-password-1', newPassword: testPassword() } });

    expect(change.status).toBe(400);
    expect(change.body).toMatchObject({ code: 'CURRENT_PASSWORD_INCORRECT', errors: [{ field: 'currentPassword', code: 'CURRENT_PASSWORD_INCORRECT', message: 'The current password is incorrect.' }] });
  });

  it('ends sessions and logins when a user is deactivated or deleted', async () => {
    const deactivated = await organization.addUser('agent');
    const deleted = await organization.addUser('agent');

    expect((await api.post(`/users/${deactivated.user.id}/deactivate`, { token: organization.admin.token })).status).toBe(200);
    expect((await api.delete(`/users/${deleted.user.id}`, { token: organization.admin.token })).status).toBe(204);

    for (const user of [deactivated, deleted]) {
      expect((await api.post('/auth/refresh', { body: { refreshToken: user.tokens.refreshToken } })).status).toBe(401);
      await expect(identity.login(user.email, user.password)).rejects.toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
    }
  });
});
