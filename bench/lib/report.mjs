/*
 * results.json -> results.md: per job and size, pgform's time and memory next to each peer's and
 * floor's, the ratio peer/pgform, how each grows with N, the targets, and the safety checks.
 */
import { onlineTable } from './online.mjs';

const seconds = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
const times = (x) => `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)}×`;
const cell = (text) => String(text ?? '').replace(/\|/g, '\\|');

const jobTitles = {
  inspect: 'read a live schema into the model',
  types: 'Kysely types from a live database',
  'diff-create': 'diff DB to DB: empty → full',
  'diff-twin': 'diff DB to DB: full → identical twin',
  'generate-cold': 'generate a migration from definitions (cold cache: definitions changed)',
  'generate-warm': 'generate a migration from definitions (warm cache)',
  migrate: 'apply the full schema from scratch',
  pull: 'pull a live database into definitions',
  lint: 'lint the definitions (schema rules, no database)',
  'supabase-types': 'supabase-js types from definitions (warm cache)',
  zod: 'Zod validators from definitions (warm cache)',
  docs: 'Markdown docs from definitions (cold cache)',
};
const perTableJobs = new Set(['generate-cold', 'generate-warm', 'lint', 'supabase-types', 'zod', 'docs']);

function sizesOf(all) {
  return Object.keys(all.sizes).map(Number).sort((a, b) => a - b);
}

function find(all, n, job, tool) {
  return all.sizes[n]?.results.find((r) => r.job === job && r.tool === tool);
}

function jobTable(all, job) {
  const rows = [];
  for (const n of sizesOf(all)) {
    const results = all.sizes[n].results.filter((r) => r.job === job);
    const base = results.find((r) => r.role === 'pgform' && r.status === 'ok');
    for (const r of results) {
      const role = r.role === 'pgform' ? '' : ` (${r.role})`;
      if (r.status !== 'ok') {
        rows.push(`| ${n} | ${cell(r.tool)}${role} | ${r.status} | | | | ${cell(r.reason)} |`);
        continue;
      }
      const ratio = r.role === 'pgform' ? '—' : base ? times(r.medianMs / base.medianMs) : 'n/a';
      const perTable = perTableJobs.has(job) ? ` (${(r.medianMs / n).toFixed(1)} ms/table)` : '';
      rows.push(`| ${n} | ${cell(r.tool)}${role} | ${spread(r)} | ${seconds(r.medianMs)}${perTable} | ${r.cpuS.toFixed(2)} s | ${r.peakRssMb} MB | ${ratio} | ${loadOf(r)} | ${cell(r.note ?? '')} |`);
    }
  }
  return [
    '| N | tool | time min / max | time (median) | client CPU | peak RSS | time peer/pgform | load before → after | note |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
  ].join('\n');
}

/** The fastest and slowest timed run (results of older runs keep only the median). */
function spread(r) {
  const runs = r.runsMs ?? [];
  return runs.length ? `${seconds(r.minMs ?? Math.min(...runs))} / ${seconds(r.maxMs ?? Math.max(...runs))}` : '';
}

/** The 1-minute load average when the tool's runs started and ended, when recorded. */
function loadOf(r) {
  return r.load ? `${r.load.before.toFixed(1)} → ${r.load.after.toFixed(1)}` : '';
}

function growthTable(all) {
  const sizes = sizesOf(all);
  if (sizes.length < 2) return '_Needs two sizes._';
  const [small, large] = [sizes[0], sizes.at(-1)];
  const rows = [];
  for (const job of Object.keys(jobTitles)) {
    for (const r of all.sizes[large].results.filter((x) => x.job === job && x.status === 'ok')) {
      const before = find(all, small, job, r.tool);
      if (before?.status !== 'ok') continue;
      rows.push(`| ${job} | ${cell(r.tool)} | ${seconds(before.medianMs)} | ${seconds(r.medianMs)} | ${times(r.medianMs / before.medianMs)} | ${before.peakRssMb} → ${r.peakRssMb} MB (${times(r.peakRssMb / before.peakRssMb)}) |`);
    }
  }
  return [
    `Schema ${times(large / small)} larger (N=${small} → N=${large}).`,
    '',
    `| job | tool | N=${small} | N=${large} | time grows | memory grows |`,
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

function targetRows(all) {
  const sizes = sizesOf(all);
  const mark = (ok, text) => `${ok ? 'met' : '**missed**'}: ${text}`;
  const perSize = (fn) => sizes.map((n) => fn(n) ?? 'n/a').join(' | ');
  const ratio = (n, job, peer) => {
    const p = find(all, n, job, 'pgform');
    const q = find(all, n, job, peer);
    return p?.status === 'ok' && q?.status === 'ok' ? q.medianMs / p.medianMs : undefined;
  };
  const rows = [];
  rows.push(`| inspect within 1.5× of a node+pg catalog read | ${perSize((n) => {
    const r = ratio(n, 'inspect', 'node + pg catalog read');
    return r === undefined ? undefined : mark(1 / r <= 1.5, `pgform takes ${times(1 / r)}`);
  })} |`);
  for (const job of ['diff-create', 'diff-twin']) {
    rows.push(`| ${job}: ≥ 15× faster than migra | ${perSize((n) => {
      const r = ratio(n, job, '@pgkit/migra');
      return r === undefined ? undefined : mark(r >= 15, `${times(r)} faster`);
    })} |`);
  }
  rows.push(`| diff within 2× of reading both catalogs (two node+pg catalog reads) | ${perSize((n) => {
    const read = find(all, n, 'inspect', 'node + pg catalog read');
    const cells = ['diff-create', 'diff-twin'].map((job) => {
      const p = find(all, n, job, 'pgform');
      return p?.status === 'ok' && read?.status === 'ok' ? { job, x: p.medianMs / (2 * read.medianMs) } : undefined;
    });
    if (cells.some((c) => !c)) return undefined;
    return mark(cells.every((c) => c.x <= 2), cells.map((c) => `${c.job} ${times(c.x)}`).join(', '));
  })} |`);
  rows.push(`| types ≥ 1.5× faster than kysely-codegen from N=500 on | ${perSize((n) => {
    const r = ratio(n, 'types', 'kysely-codegen');
    if (r === undefined) return undefined;
    return n >= 500 ? mark(r >= 1.5, `${times(r)} faster`) : `${times(r)} faster`;
  })} |`);
  rows.push(`| pull ≥ 40× faster than drizzle-kit pull at N=500, finishing at N=2000 | ${perSize((n) => {
    const p = find(all, n, 'pull', 'pgform');
    if (p?.status !== 'ok') return p ? mark(false, 'pgform pull failed') : undefined;
    if (n === 2000) return mark(true, `finished in ${seconds(p.medianMs)}`);
    const r = ratio(n, 'pull', 'drizzle-kit pull');
    if (r === undefined) return undefined;
    return n === 500 ? mark(r >= 40, `${times(r)} faster`) : `${times(r)} faster`;
  })} |`);
  for (const [job, label, limitMs] of [
    ['lint', 'lint of the definitions', 1000],
    ['supabase-types', 'supabase-js types from definitions', 1500],
    ['zod', 'Zod validators from definitions', 1500],
  ]) {
    rows.push(`| ${label} under ${seconds(limitMs)} at N=2000 | ${perSize((n) => {
      const p = find(all, n, job, 'pgform');
      if (p?.status !== 'ok') return p ? mark(false, `pgform ${job} failed`) : undefined;
      return n === 2000 ? mark(p.medianMs < limitMs, `${seconds(p.medianMs)} (CPU ${p.cpuS.toFixed(2)} s)`) : seconds(p.medianMs);
    })} |`);
  }
  rows.push(`| every pgform job under 300 MB peak RSS | ${perSize((n) => {
    const mine = all.sizes[n].results.filter((r) => r.role === 'pgform' && r.status === 'ok');
    if (!mine.length) return undefined;
    const worst = mine.reduce((a, b) => (b.peakRssMb > a.peakRssMb ? b : a));
    const over = mine.filter((r) => r.peakRssMb >= 300).map((r) => r.job);
    return mark(!over.length, `worst ${worst.job} ${worst.peakRssMb} MB${over.length ? `; over: ${over.join(', ')}` : ''}`);
  })} |`);
  const header = `| target | ${sizes.map((n) => `N=${n}`).join(' | ')} |`;
  const lines = [header, `| --- | ${sizes.map(() => '---').join(' | ')} |`, ...rows];
  if (all.sizes[100] && all.sizes[2000]) {
    const grown = all.sizes[2000].results
      .filter((r) => r.role === 'pgform' && r.status === 'ok')
      .map((r) => ({ job: r.job, x: r.medianMs / (find(all, 100, r.job, 'pgform')?.medianMs ?? NaN) }))
      .filter((g) => Number.isFinite(g.x));
    const over = grown.filter((g) => g.x > 10).map((g) => `${g.job} (${times(g.x)})`);
    const failed = all.sizes[2000].results.filter((r) => r.role === 'pgform' && r.status === 'failed').map((r) => `${r.job} (failed at N=2000)`);
    const missed = [...over, ...failed];
    const met = grown.filter((g) => g.x <= 10).map((g) => `${g.job} ${times(g.x)}`);
    lines.push('', `Growth N=100 → N=2000 within 10× for every pgform job: ${missed.length ? `**missed** by ${missed.join(', ')}` : 'met'}${met.length ? `; within: ${met.join(', ')}` : ''}.`);
  } else {
    lines.push('', 'Growth target (N=2000 time ≤ 10× N=100): needs both sizes; see the growth table for the sizes measured.');
  }
  return lines.join('\n');
}

function checksTable(all) {
  const rows = sizesOf(all).flatMap((n) => (all.sizes[n].checks ?? []).map((c) => `| ${n} | ${cell(c.name)} | ${c.ok ? 'ok' : '**FAILED**'} | ${cell(c.detail ?? '')} |`));
  return ['| N | check | result | detail |', '| ---: | --- | --- | --- |', ...rows].join('\n');
}

export function renderReport(all) {
  const c = all.context;
  const sections = [
    '# pgform benchmark',
    '',
    'Measured by `npm run bench` (bench/run.mjs); rewritten on every run (results.json keeps the raw numbers of every size measured).',
    '',
    `Machine: ${c.cpus}, node ${c.node}, PostgreSQL ${c.postgres} on 127.0.0.1. Schemas: ${c.shape ?? 'Supabase-style schemas (bench/generate.mjs)'}, seed ${c.seed}. Load average (1, 5, 15 min) when each size started: ${sizesOf(all)
      .map((n) => {
        const size = all.sizes[n].context ?? c;
        const rerun = (size.reruns ?? []).map((r) => `, re-run of ${r.jobs}: ${r.loadAverage}`).join('');
        return `N=${n}: ${size.loadAverage}${rerun} (${size.date})`;
      })
      .join('; ')}; on 2 cores, a load above 2 means other processes competed for the CPU and wall times are inflated.`,
    '',
    `Each job runs as a whole process (\`child_process.spawn\` under GNU \`/usr/bin/time\`): one warm-up, then ${c.runs} timed runs (a tool whose warm-up alone takes over ${c.slowSeconds ?? 120} s is measured by that one run, noted); **time** is the wall-clock median (with the fastest and slowest run beside it), **client CPU** the median user+system seconds of the process (the server's work is only in the wall time), **peak RSS** the largest of the runs; **load** is the 1-minute load average when the tool's runs started and ended. **time peer/pgform** above 1 means pgform is faster. Floors are the plain PostgreSQL clients (pg_dump; psql, which runs the schema statement by statement, so it commits after each one); peers are what a user would run instead.`,
    '',
    '## Targets',
    '',
    targetRows(all),
    '',
    '## Results by job',
  ];
  for (const [job, title] of Object.entries(jobTitles)) {
    if (!sizesOf(all).some((n) => all.sizes[n].results.some((r) => r.job === job))) continue;
    sections.push('', `### ${job}: ${title}`, '', jobTable(all, job));
  }
  sections.push('', '## Growth', '', growthTable(all), '', '## Safety checks', '', checksTable(all), '');
  sections.push('## Online migrations under load', '', onlineTable(all.online), '');
  return sections.join('\n');
}
