/*
 * Runs one tool of one job: a warm-up, then `runs` timed runs, each after its untimed prepare
 * step. A tool that is not available, or whose warm-up fails, is recorded with the reason
 * instead of failing the whole benchmark.
 */
import { loadavg } from 'node:os';
import { measure, median } from './measure.mjs';

/** The 1-minute load average now: the machine's other work, noted beside every figure. */
const loadNow = () => Number(loadavg()[0].toFixed(2));

/** The first meaningful line of a failed run's stderr, without database URLs. */
function reasonOf(result) {
  if (/timeout/.test(String(result.code))) return `did not finish within ${Math.round(result.ms / 60_000)} min (killed)`;
  const lines = result.stderr
    .split('\n')
    .map((line) => line.replace(/postgres(ql)?:\/\/\S+/g, '<url>').trim())
    .filter((line) => line && !/^(at |npm warn|\[[⣷⣯⣟⡿⢿⣻⣽⣾ ]\])/.test(line));
  const error = lines.find((line) => /error/i.test(line)) ?? lines[0] ?? '';
  return `exit ${result.code}${error ? `: ${error.slice(0, 240)}` : ''}`;
}

async function runOnce(tool, timeoutMs) {
  const state = tool.prepare ? await tool.prepare() : undefined;
  try {
    const { cmd, args, cwd } = tool.run(state);
    const result = await measure(cmd, args, { cwd, stdout: tool.stdout, timeoutMs });
    return { ...result, ok: (tool.okCodes ?? [0]).includes(result.code), note: state?.note };
  } finally {
    await state?.cleanup?.();
  }
}

/**
 * Measures one tool; returns the record results.json keeps. A tool whose warm-up alone takes
 * longer than `slowSeconds` is not run again: its warm-up is its one measured run (noted), as
 * a warm cache is noise next to minutes and three more runs would take most of an hour.
 */
export async function execute(tool, { runs, log, slowSeconds, timeoutMs }) {
  const base = { tool: tool.tool, role: tool.role, command: tool.command ?? tool.tool };
  if (tool.available === false) return { ...base, status: 'not available', reason: `\`${tool.command}\` is not a command of this pgform build` };
  const loadBefore = loadNow();
  const warmup = await runOnce(tool, timeoutMs);
  if (!warmup.ok) {
    log(`    ${tool.tool}: failed (${reasonOf(warmup)})`);
    return { ...base, status: 'failed', reason: reasonOf(warmup) };
  }
  const slow = warmup.ms > slowSeconds * 1000;
  const timed = slow ? [warmup] : [];
  for (let i = 0; i < (slow ? 0 : runs); i++) {
    const result = await runOnce(tool, timeoutMs);
    if (!result.ok) {
      log(`    ${tool.tool}: run ${i + 1} failed (${reasonOf(result)})`);
      return { ...base, status: 'failed', reason: `run ${i + 1}: ${reasonOf(result)}` };
    }
    timed.push(result);
  }
  const record = {
    ...base,
    status: 'ok',
    runsMs: timed.map((r) => Math.round(r.ms)),
    minMs: Math.round(Math.min(...timed.map((r) => r.ms))),
    medianMs: Math.round(median(timed.map((r) => r.ms))),
    maxMs: Math.round(Math.max(...timed.map((r) => r.ms))),
    load: { before: loadBefore, after: loadNow() },
    cpuS: Number(median(timed.map((r) => r.cpuS ?? 0)).toFixed(2)),
    peakRssMb: Math.round(Math.max(...timed.map((r) => r.rssMb ?? 0))),
    ...(warmup.note || slow ? { note: [warmup.note, slow ? `1 run: over ${slowSeconds} s, not repeated` : ''].filter(Boolean).join('; ') } : {}),
  };
  log(`    ${tool.tool}: ${record.minMs} / ${record.medianMs} / ${record.maxMs} ms (min/median/max), ${record.peakRssMb} MB, load ${record.load.before} -> ${record.load.after}`);
  return record;
}
