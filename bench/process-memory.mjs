// The import benchmark's view of process memory (bench/import.mjs), from /proc: a process's resident
// memory and its peak, resetting that peak, and the browser's renderer processes this benchmark started.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

/** Fields of /proc/PID/status in kB (VmRSS, VmHWM), {} when the process is gone. */
export function status(pid) {
  try {
    return Object.fromEntries(readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')
      .map((l) => l.match(/^(Vm\w+):\s+(\d+) kB/)).filter(Boolean).map((m) => [m[1], Number(m[2])]));
  } catch { return {}; }
}

/** Resets the process's peak RSS (writing 5 to clear_refs); returns whether it worked and the RSS now. */
export function resetPeak(pid) {
  let reset = true;
  try { writeFileSync(`/proc/${pid}/clear_refs`, '5'); } catch { reset = false; }
  return { reset, rss: status(pid).VmRSS ?? 0 };
}

/** Renderer processes started by this node process (Chromium is a child, renderers its descendants). */
export function rendererPids() {
  const parent = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch { /* gone */ }
  }
  const ours = (pid) => { for (let p = pid; p > 1; p = parent.get(p)) if (p === process.pid) return true; return false; };
  return [...parent.keys()].filter((pid) => {
    if (!ours(pid)) return false;
    try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer'); } catch { return false; }
  });
}
