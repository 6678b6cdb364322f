// CPU time of a whole Chromium (browser, renderers, GPU and utility processes) from Linux's /proc: user + system
// time of every process descended from the browser process, and of the children they reaped.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

interface ProcStat {
  ppid: number;
  ticks: number;
}

function processes(): Map<number, ProcStat> {
  const all = new Map<number, ProcStat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after "(comm) ": state ppid … utime(14) stime(15) cutime(16) cstime(17), counted from 1.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number);
      all.set(Number(name), { ppid: fields[1]!, ticks: fields[11]! + fields[12]! + fields[13]! + fields[14]! });
    } catch {
      // The process ended while we looked.
    }
  }
  return all;
}

/** The browser process of the Chromium using profile folder `profile` (its --user-data-dir). */
export function browserPid(profile: string): number {
  const matches = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').includes(`--user-data-dir=${profile}`);
      } catch {
        return false;
      }
    })
    .map(Number);
  const stats = processes();
  // Renderers may repeat the switch: the browser is the one whose parent does not.
  const root = matches.find((pid) => !matches.includes(stats.get(pid)?.ppid ?? -1));
  if (root === undefined) throw new Error(`no Chromium process uses the profile ${profile}`);
  return root;
}

/** CPU milliseconds used so far by `root` and every process under it. */
export function processTreeCpuMs(root: number): number {
  const stats = processes();
  const children = new Map<number, number[]>();
  for (const [pid, stat] of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), pid]);
  let ticks = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
