/** Settings of the simulator, read from the environment and changeable at run time through the control endpoint. */
export interface SimulatorConfig {
  port: number;
  /** Secret that signs webhooks (`X-Hub-Signature-256`); the whatsapp service's WHATSAPP_APP_SECRET defaults to the same value. */
  appSecret: string;
  /** Callback URL for template status webhooks; none are sent when it is empty. Defaults to the whatsapp service's endpoint. */
  webhookUrl: string;
  /** Time between creating a template and its review result, in milliseconds. */
  reviewDelayMs: number;
  /** A template whose body contains this word is REJECTED instead of APPROVED. */
  rejectMarker: string;
  /** Templates per page when a list request names no `limit`. */
  pageSize: number;
  /** The account available at start: token, WhatsApp Business Account and one phone number. */
  defaultAccount: SimulatorAccount;
}

export interface SimulatorAccount {
  accessToken: string;
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  verifiedName: string;
}

/** Reads the configuration; an invalid number fails start-up with the variable's name. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): SimulatorConfig {
  return {
    port: readInteger(env, 'WHATSAPP_SIMULATOR_PORT', 3900),
    appSecret: env.WHATSAPP_SIMULATOR_APP_SECRET ?? 'simulator-app-secret',
    webhookUrl: env.WHATSAPP_SIMULATOR_WEBHOOK_URL ?? 'http://127.0.0.1:3003/webhooks/whatsapp',
    reviewDelayMs: readInteger(env, 'WHATSAPP_SIMULATOR_REVIEW_DELAY_MS', 2000),
    rejectMarker: env.WHATSAPP_SIMULATOR_REJECT_MARKER ?? 'REJECTME',
    pageSize: readInteger(env, 'WHATSAPP_SIMULATOR_PAGE_SIZE', 25),
    defaultAccount: {
      accessToken: env.WHATSAPP_SIMULATOR_ACCESS_TOKEN ?? 'simulator-access-token',
      wabaId: env.WHATSAPP_SIMULATOR_WABA_ID ?? '100000000000001',
      phoneNumberId: env.WHATSAPP_SIMULATOR_PHONE_NUMBER_ID ?? '200000000000001',
      displayPhoneNumber: env.WHATSAPP_SIMULATOR_DISPLAY_PHONE_NUMBER ?? '+62 811-0000-0001',
      verifiedName: env.WHATSAPP_SIMULATOR_VERIFIED_NAME ?? 'Regu Simulator',
    },
  };
}

function readInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}
