import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Clock ticks per second of /proc/<pid>/stat times; 100 on Linux builds for x86-64 and arm64. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Returns the node process behind each pid file of a stack, by name. A pid file may
 * record the shell that launched the service; its node child is then taken instead.
 */
export async function stackProcesses(runDirectory: string): Promise<Record<string, number>> {
  const processes: Record<string, number> = {};
  const files = (await readdir(runDirectory).catch(() => [] as string[])).filter((file) => file.endsWith('.pid')).sort();
  for (const file of files) {
    const recorded = Number((await readFile(join(runDirectory, file), 'utf8')).trim());
    const pid = await programProcess(recorded);
    if (pid !== null) {
      processes[file.replace(/\.pid$/, '')] = pid;
    }
  }
  return processes;
}

async function programProcess(pid: number): Promise<number | null> {
  const command = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => null);
  if (command === null) {
    return null;
  }
  if (command.trim() !== 'bash' && command.trim() !== 'sh') {
    return pid;
  }
  const children = (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '')).trim().split(/\s+/).filter(Boolean);
  return children.length === 1 ? Number(children[0]) : pid;
}

/** Resident set size in MB of each process, from VmRSS in /proc/<pid>/status. */
export async function residentSizes(processes: Record<string, number>): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const [name, pid] of Object.entries(processes)) {
    const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
    if (match !== null) {
      sizes[name] = Number(match[1]) / 1024;
    }
  }
  return sizes;
}

/** CPU seconds (user and system) each process has used so far, from /proc/<pid>/stat. */
export async function cpuSeconds(processes: Record<string, number>): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  for (const [name, pid] of Object.entries(processes)) {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // Fields after the command name, which is in brackets and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length > 12) {
      seconds[name] = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
    }
  }
  return seconds;
}

/** Adds `after - before` of each process to `totals`. */
export function addCpuDelta(totals: Record<string, number>, before: Record<string, number>, after: Record<string, number>): void {
  for (const [name, value] of Object.entries(after)) {
    totals[name] = (totals[name] ?? 0) + value - (before[name] ?? value);
  }
}
