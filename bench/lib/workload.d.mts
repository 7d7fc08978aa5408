import type { ChildProcess } from 'node:child_process';

export interface WriterReport {
  operations: number;
  inserted: number;
  errors: string[];
  /** The longest single operation, per writer, in ms. */
  longestWaitMs: number[];
}
export interface Writers {
  /** When each operation completed (ms since the epoch), in order. */
  completions: number[];
  resetLongest(): void;
  stop(): Promise<WriterReport>;
}
export interface Sample {
  at: number;
  /** The migrating session's backend. */
  pid: number;
  query: string;
  /** Lock modes the migrating session holds on public.events. */
  modes: string[];
  /** It waits on a lock itself. */
  waiting: boolean;
  /** Writers waiting for a lock it holds. */
  writersBlocked: number;
}
export interface Monitor {
  samples: Sample[];
  stop(): Promise<Sample[]>;
}
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  child: ChildProcess;
}
export interface State {
  index?: string[];
  unique?: boolean;
  foreignKey?: boolean;
  check?: boolean;
  notNull?: boolean;
  plainIndex?: boolean;
}
export function seedSql(rows: number): string;
export function startWriters(url: string, count: number): Promise<Writers>;
export function startMonitor(url: string): Promise<Monitor>;
export const writerCompatible: Set<string>;
export function pgform(cwd: string, args: string[], onStderr?: (text: string, child: ChildProcess) => void): { child: ChildProcess; done: Promise<Run> };
export function definitions(state: State): string;
export const kinds: { kind: string; state: State }[];
