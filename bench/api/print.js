// The table `npm run bench:api` prints for each engine.

import { COMPILE_RUNS, YEAR } from './settings.js';

export function printEngine(result) {
  const title = result.engine === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const { seed } = result;
  console.log(`${title} — ${result.version.split(' on ')[0]}, ${result.where}`);
  console.log(
    `  seed: ${seed.applications.toLocaleString('en-US')} applications (${seed.open} open), ` +
      `${seed.events.toLocaleString('en-US')} events: generated in ${(seed.generateMs / 1000).toFixed(1)} s, ` +
      `inserted in ${(seed.insertMs / 1000).toFixed(1)} s (${seed.insertStatements} INSERTs)` +
      `, then ANALYZE\n`,
  );
  const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
  const header = ['request', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'errors', 'aim', ''];
  const rows = result.http.map((r) => [
    r.name === 'dueList' ? `${r.label}: ${r.answer.total} cases` : r.label,
    fmt(r.requestsPerSecond),
    String(r.latencyMs.p50),
    String(r.latencyMs.p99),
    String(r.latencyMs.max),
    r.requests.toLocaleString('en-US'),
    String(r.errors + r.timeouts + r.non2xx),
    r.aim ? `≥ ${r.aim.perSecond.toLocaleString('en-US')}/s, p99 < ${r.aim.p99Ms}` : '—',
    r.meetsAim === null ? '' : r.meetsAim ? 'ok' : 'MISS',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));

  const c = result.compile;
  const ms = (t) => `${t.medianMs.toFixed(1)} ms`.padStart(9);
  console.log(
    `\n  compile the ${YEAR} report (${c.applications.toLocaleString('en-US')} applications), ` +
      `median of ${COMPILE_RUNS} after 1 warm-up:`,
  );
  console.log(
    `    services.reports.compile ${ms(c.service)}  aim < ${c.aimMs} ms  ${c.meetsAim ? 'ok' : 'MISS'}` +
      `  (records, compile, check, write the draft, read it back)`,
  );
  console.log(`    services.reports.get     ${ms(c.read)}  (a draft: recompiled in memory for the stale cells)`);
  console.log(`      records query (DB)     ${ms(c.recordsQuery)}`);
  console.log(`      core compileReport     ${ms(c.compileReport)}`);
  console.log(`      core checkReport       ${ms(c.checkReport)}\n`);
}
