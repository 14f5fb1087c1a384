import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { eventually, IdentityTcpClient, TestOrganization } from '@regu/testing';
import { problemsOf, readPublishedEvents } from './support/published-events';

const mainScript = path.join(__dirname, '..', 'dist', 'main.js');

interface ProcessResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

function runWalkthrough(environment: NodeJS.ProcessEnv): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [mainScript], { env: environment });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.once('error', reject);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr });
    });
  });
}

/** Event types the walkthrough must publish: one of each topic it touches, and the last of each flow. */
const EXPECTED_EVENT_TYPES = [
  'UserRegistered',
  'ChannelConnected',
  'DivisionCreated',
  'AgentRemovedFromDivision',
  'AutomaticAllocationChanged',
  'OrganizationWorkloadLimitChanged',
  'DivisionWorkloadLimitChanged',
  'AgentWorkloadLimitChanged',
  'BroadcastGrantedToDivision',
  'BroadcastGrantedToAgent',
  'TemplateCreated',
  'TemplateStatusChanged',
  'TemplateEdited',
  'TemplateDeleted',
  'ChannelDisconnected',
  'ChannelRemovedFromDivision',
];

describe('admin walkthrough', () => {
  const identity = new IdentityTcpClient();
  let organization: TestOrganization;
  let result: ProcessResult;

  beforeAll(async () => {
    expect({ built: existsSync(mainScript), fix: 'run `npm run build -w tools/demo` first' }).toEqual({ built: true, fix: expect.any(String) });
    organization = await TestOrganization.create({ identity, name: 'Walkthrough' });

    result = await runWalkthrough({
      ...process.env,
      DEMO_ADMIN_EMAIL: organization.admin.email,
      DEMO_ADMIN_PASSWORD: organization.admin.password,
    });
  }, 180_000);

  afterAll(() => identity.close());

  it('passes every step', () => {
    if (result.exitCode !== 0) {
      // The step lines show which step failed and the response it got.
      console.log(result.stdout);
    }
    expect({ exitCode: result.exitCode, stderr: result.stderr }).toEqual({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain('Every step behaved as expected');
    expect(result.stdout).not.toContain('FAIL');
  });

  it('prints the field is required answers', () => {
    for (const field of ['name', 'supervisorId', 'agentIds']) {
      expect(result.stdout).toContain(`${field}: field is required (FIELD_REQUIRED)`);
    }
  });

  it('publishes only valid events without secrets', async () => {
    const events = await eventually(
      async () => {
        const read = await readPublishedEvents(new Set([organization.organizationId]));
        const types = new Set(read.map((event) => event.value.type));
        expect(EXPECTED_EVENT_TYPES.filter((type) => !types.has(type))).toEqual([]);
        return read;
      },
      { timeoutMs: 60_000, intervalMs: 1_000 },
    );

    expect(problemsOf(events)).toEqual([]);
    expect(events.every((event) => event.value.organizationId === organization.organizationId)).toBe(true);
  }, 120_000);
});
