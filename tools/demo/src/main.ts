import { readDemoEnvironment } from './demo.environment';
import type { StepResult } from './step-runner';
import { runWalkthrough } from './walkthrough';

function printStep(result: StepResult, index: number): void {
  const mark = result.passed ? 'ok  ' : 'FAIL';
  console.log(`${mark} ${String(index).padStart(2)}. ${result.title} (${result.durationMs} ms)`);
  for (const line of result.details) {
    console.log(`         ${line}`);
  }
}

async function main(): Promise<void> {
  const environment = readDemoEnvironment();
  console.log(`Regu walkthrough against ${environment.gatewayUrl}\n`);

  const outcome = await runWalkthrough(environment, printStep);

  console.log(`\nEvery step behaved as expected (organization ${outcome.organizationId}, run ${outcome.runId}).`);
  // The last line is JSON, so a test that spawns the walkthrough can find what it created.
  console.log(JSON.stringify({ walkthrough: outcome }));
}

main().catch((error: unknown) => {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`\nThe walkthrough stopped: ${reason}`);
  process.exit(1);
});
