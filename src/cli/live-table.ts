import type { FleetEvent, TargetState } from '../commands/fleet-migrate.js';
import { paint } from './output.js';

const finished: TargetState[] = ['applied', 'up to date', 'failed', 'skipped'];

/** Elapsed time as people read it: 850 ms, 12.3 s, 2 min 5 s. */
export function elapsed(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/**
 * The live view of a fleet run on a terminal: a line per finished target scrolls up, and below it
 * the running targets (target, state, file, elapsed) and a count line redraw in place.
 */
export class LiveTable {
  private readonly rows = new Map<string, { state: TargetState; file?: string; since: number }>();
  private drawn = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.timer = setInterval(() => this.draw(), 250);
    this.timer.unref();
  }

  update(event: FleetEvent): void {
    const row = this.rows.get(event.target);
    this.rows.set(event.target, { state: event.state, ...(event.file ? { file: event.file } : {}), since: row?.since ?? performance.now() });
    if (finished.includes(event.state)) {
      this.clear();
      const took = row ? paint.dim(` ${elapsed(performance.now() - row.since)}`) : '';
      const mark = event.state === 'failed' ? paint.red('✗') : event.state === 'skipped' ? paint.yellow('-') : paint.green('✓');
      this.stream.write(`${mark} ${event.target} ${event.state}${event.file ? ` (${event.file})` : ''}${took}\n`);
    }
    this.draw();
  }

  stop(): void {
    clearInterval(this.timer);
    this.clear();
  }

  private clear(): void {
    if (this.drawn) this.stream.write(`\u001b[${this.drawn}A\u001b[0J`);
    this.drawn = 0;
  }

  private draw(): void {
    this.clear();
    const running = [...this.rows].filter(([, row]) => !finished.includes(row.state));
    const done = [...this.rows.values()].filter((row) => finished.includes(row.state)).length;
    const width = Math.max(6, ...running.map(([name]) => name.length));
    const now = performance.now();
    const lines = running.map(([name, row]) => `  ${name.padEnd(width)}  ${row.state.padEnd(10)}  ${(row.file ?? '').padEnd(40)}  ${elapsed(now - row.since)}`);
    lines.push(paint.dim(`  ${done}/${this.total} done, ${running.length} running`));
    this.stream.write(`${lines.join('\n')}\n`);
    this.drawn = lines.length;
  }
}
