/** Settings of the walkthrough, from the environment, with the defaults of `npm start`. */
export interface DemoEnvironment {
  gatewayUrl: string;
  adminEmail: string;
  adminPassword: string;
  /** The WhatsApp Business Account, phone number id and token the connected number uses. */
  whatsapp: { wabaId: string; phoneNumberId: string; accessToken: string };
  /** How long to wait for an eventually consistent outcome, such as a template's review. */
  waitTimeoutMs: number;
}

export function readDemoEnvironment(env: NodeJS.ProcessEnv = process.env): DemoEnvironment {
  const waitTimeoutMs = Number(env.DEMO_WAIT_TIMEOUT_MS ?? 30_000);
  if (!Number.isInteger(waitTimeoutMs) || waitTimeoutMs < 1) {
    throw new Error(`DEMO_WAIT_TIMEOUT_MS must be a positive integer of milliseconds, got "${env.DEMO_WAIT_TIMEOUT_MS}"`);
  }

  return {
    gatewayUrl: env.GATEWAY_URL ?? `http://127.0.0.1:${env.GATEWAY_PORT ?? '3000'}`,
    adminEmail: env.DEMO_ADMIN_EMAIL ?? env.BOOTSTRAP_ADMIN_EMAIL ?? 'admin@regu.local',
    adminPassword: env.DEMO_ADMIN_PASSWORD ?? env.BOOTSTRAP_ADMIN_PASSWORD ?? 'Regu-admin-2026!',
    // The simulator's default account, which `npm start` runs in place of Meta's Cloud API.
    whatsapp: {
      wabaId: env.DEMO_WHATSAPP_WABA_ID ?? env.WHATSAPP_SIMULATOR_WABA_ID ?? '100000000000001',
      phoneNumberId: env.DEMO_WHATSAPP_PHONE_NUMBER_ID ?? env.WHATSAPP_SIMULATOR_PHONE_NUMBER_ID ?? '200000000000001',
      accessToken: env.DEMO_WHATSAPP_ACCESS_TOKEN ?? env.WHATSAPP_SIMULATOR_ACCESS_TOKEN ?? 'simulator-access-token',
    },
    waitTimeoutMs,
  };
}
