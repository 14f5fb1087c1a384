import { randomInt, randomUUID } from 'node:crypto';

/** Returns the simulator's base URL: WHATSAPP_SIMULATOR_URL, else 127.0.0.1 on WHATSAPP_SIMULATOR_PORT (default 3900). */
export function whatsAppSimulatorUrl(): string {
  return process.env.WHATSAPP_SIMULATOR_URL ?? `http://127.0.0.1:${process.env.WHATSAPP_SIMULATOR_PORT ?? '3900'}`;
}

/** An account the simulator accepts: a token that reaches one WhatsApp Business Account and one phone number. */
export interface SimulatorAccount {
  accessToken: string;
  wabaId: string;
  phoneNumberId: string;
  /** The number in E.164, as a channel is connected with it. */
  phoneNumber: string;
}

/** A template as the simulator stores it, in the Cloud API's field names. */
export interface SimulatorTemplate {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: string;
  status: string;
  rejected_reason?: string;
}

/**
 * Drives the WhatsApp Cloud API simulator through its `/__control` routes: accounts,
 * review results and the templates it stores. Each test file seeds its own account, so
 * its phone number and WhatsApp Business Account are free whatever other tests connected.
 */
export class WhatsAppSimulatorControl {
  constructor(private readonly baseUrl: string = whatsAppSimulatorUrl()) {}

  /** Adds an account with fresh random ids and a fresh token, and returns it. */
  async addAccount(): Promise<SimulatorAccount> {
    const digits = (length: number) => Array.from({ length }, () => randomInt(10)).join('');
    const localNumber = `811${digits(8)}`;
    const account: SimulatorAccount = {
      accessToken: `e2e-token-${randomUUID()}`,
      wabaId: `1${digits(14)}`,
      phoneNumberId: `2${digits(14)}`,
      phoneNumber: `+62${localNumber}`,
    };

    await this.call('POST', '/accounts', {
      accessToken: account.accessToken,
      wabaId: account.wabaId,
      phoneNumberId: account.phoneNumberId,
      displayPhoneNumber: `+62 ${localNumber}`,
      verifiedName: 'Regu E2E',
    });
    return account;
  }

  /** Issues a second token for the same WhatsApp Business Account and phone number, as a new system-user token would be. */
  async addToken(account: SimulatorAccount): Promise<SimulatorAccount> {
    const renewed = { ...account, accessToken: `e2e-token-${randomUUID()}` };
    await this.call('POST', '/accounts', { accessToken: renewed.accessToken, wabaId: renewed.wabaId, phoneNumberId: renewed.phoneNumberId, verifiedName: 'Regu E2E' });
    return renewed;
  }

  /** Makes the simulator reject this token as expired from now on. */
  async expireToken(accessToken: string): Promise<void> {
    await this.call('POST', '/tokens/expire', { accessToken });
  }

  /** Sets the review result of a template at once and sends its status webhook. */
  async setTemplateStatus(providerTemplateId: string, status: string, reason?: string): Promise<void> {
    await this.call('POST', `/templates/${providerTemplateId}/status`, reason === undefined ? { status } : { status, reason });
  }

  /** Returns the templates the simulator stores for one WhatsApp Business Account. */
  async templates(wabaId: string): Promise<SimulatorTemplate[]> {
    const { data } = (await this.call('GET', '/templates')) as { data: SimulatorTemplate[] };
    return data.filter((template) => template.wabaId === wabaId);
  }

  /** Returns the current settings, for example `rejectMarker`, the body text that gets a template REJECTED. */
  async config(): Promise<{ rejectMarker: string; reviewDelayMs: number; webhookUrl: string }> {
    return (await this.call('PATCH', '/config', {})) as { rejectMarker: string; reviewDelayMs: number; webhookUrl: string };
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}/__control${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`Simulator control ${method} ${path} failed with ${response.status}: ${text}`);
    }
    return JSON.parse(text) as unknown;
  }
}
