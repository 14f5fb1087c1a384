import { readConfig } from './config';
import { WhatsAppSimulator } from './simulator';

async function main(): Promise<void> {
  const config = readConfig();
  const simulator = new WhatsAppSimulator(config);
  const url = await simulator.start();
  console.log(JSON.stringify({ msg: 'WhatsApp simulator started', url, webhookUrl: config.webhookUrl || null }));

  const stop = () => {
    void simulator.stop().then(() => {
      console.log(JSON.stringify({ msg: 'WhatsApp simulator stopped' }));
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(JSON.stringify({ msg: 'WhatsApp simulator failed to start', error: String(error) }));
  process.exit(1);
});
