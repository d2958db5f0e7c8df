// Rows of the corpus tables (migration 0012) made straight from the synthetic corpus's figures,
// without files or parsing: what a correct import would store, for benchmarking and testing the
// analysis queries at scale (bench:corpus loads 100,000 reports this way in about a minute).
// `failed_rules` and `findings` are the core's rules on each report with last year's report of the
// same organ; `sources` has an entry a cell, as the reader's provenance does, so rows have the size
// real ones have.

import { createHash } from 'node:crypto';
import { checkReport, generateCorpus } from '@xxgk/core';

const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  text: 'text/plain',
  damaged: 'text/plain',
};

/** Where each cell was read, shaped as the reader's provenance (page, table, row, column, text). */
function sourcesOf(cells) {
  const sources = {};
  let row = 0;
  for (const [id, value] of Object.entries(cells)) {
    const table = id.startsWith('s2.') ? 0 : id.startsWith('s3.') ? 1 : 2;
    sources[id] = { page: table + 2, table, row: row++ % 40, column: row % 8, text: String(value) };
  }
  return sources;
}

/** Ids of the rules a report breaks, as the import keeps them (errors and warnings, sorted). */
const failedRulesOf = (findings) =>
  [...new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.rule))].sort();

/**
 * The corpus as table rows: yields `{ organ }` the first time an organ appears, then
 * `{ file, report }` for each of its reports (ids from 1, in order).
 */
export function* corpusRows(options) {
  const last = new Map();
  let fileId = 0;
  for (const item of generateCorpus(options)) {
    const { organ, report, year } = item;
    if (!last.has(organ.id)) {
      yield {
        organ: {
          id: organ.id,
          identity_key: `${organ.regionCode}|${organ.body}`,
          name: organ.name,
          region_code: organ.regionCode,
          level: organ.level,
          kind: organ.kind,
          confidence: 1,
        },
      };
    }
    const readable = item.readFormat !== 'unknown';
    const previous = last.get(organ.id);
    const prior = previous?.year === year - 1 && readable ? previous.report : undefined;
    // A correct reader reads no statutory cells before 2019, and the rules then say so.
    const findings = readable
      ? checkReport({ report, previous: prior && { ...prior, meta: { ...prior.meta, agency: item.name } } })
      : [];
    last.set(organ.id, item);
    fileId += 1;
    const sha256 = createHash('sha256').update(`${options.seed}:${fileId}`).digest('hex');
    yield {
      file: {
        id: fileId,
        sha256,
        file_name: `${item.name}${year}年政府信息公开工作年度报告.${item.input.kind === 'pdf' ? 'pdf' : 'txt'}`,
        media_type: MEDIA_TYPES[item.input.kind],
        size: 20_000 + ((fileId * 7919) % 80_000),
        status: 'read',
      },
      report: {
        organ_id: organ.id,
        year,
        version: 1,
        current: true,
        file_id: fileId,
        format: item.readFormat,
        region_code: organ.regionCode,
        level: organ.level,
        kind: organ.kind,
        figures: readable ? report.cells : {},
        findings,
        failed_rules: failedRulesOf(findings),
        sources: readable ? sourcesOf(report.cells) : {},
        meta: { agency: item.name, organName: item.name, year, format: item.readFormat, title: report.meta.title },
      },
    };
  }
}

const COLUMNS = {
  corpus_organs: ['id', 'identity_key', 'name', 'region_code', 'level', 'kind', 'confidence'],
  corpus_files: ['id', 'sha256', 'file_name', 'media_type', 'size', 'status'],
  corpus_reports: [
    ...['organ_id', 'year', 'version', 'current', 'file_id', 'format', 'region_code', 'level', 'kind'],
    ...['figures', 'findings', 'failed_rules', 'sources', 'meta'],
  ],
};

/**
 * One INSERT of many rows passed as one JSON array (`jsonb_populate_recordset`): one parameter
 * whatever the rows' count, parsed once by the server. Arrays of JSON texts as parameters cost
 * far more (node-postgres escapes every quote for the array literal, the server unescapes it).
 */
async function insertRows(client, table, rows) {
  if (rows.length === 0) return;
  const columns = COLUMNS[table].join(', ');
  await client.query(
    `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(null::${table}, $1::jsonb)`,
    [JSON.stringify(rows)],
  );
}

/**
 * Loads a corpus into an empty, migrated database through a `pg` client, in batches of `batch`
 * reports; returns the counts. While the server stores one batch the next is generated (the two
 * take about as long). The id sequences are moved past the ids used.
 */
export async function loadCorpus(client, options, batch = 2000, onProgress = undefined) {
  const counts = { organs: 0, reports: 0 };
  let pending = Promise.resolve();
  const flush = (rows) => {
    const previous = pending;
    pending = (async () => {
      await previous;
      // In order: a batch's reports name organs and files of the same or an earlier batch.
      await insertRows(client, 'corpus_organs', rows.organs);
      await insertRows(client, 'corpus_files', rows.files);
      await insertRows(client, 'corpus_reports', rows.reports);
      counts.organs += rows.organs.length;
      counts.reports += rows.reports.length;
      if (rows.reports.length > 0) onProgress?.(counts.reports, options.reports);
    })();
    return previous;
  };
  let rows = { organs: [], files: [], reports: [] };
  for (const row of corpusRows(options)) {
    if (row.organ) rows.organs.push(row.organ);
    else {
      rows.files.push(row.file);
      rows.reports.push(row.report);
      if (rows.reports.length >= batch) {
        // Wait for the batch before the one just sent, so at most one waits in memory.
        await flush(rows);
        rows = { organs: [], files: [], reports: [] };
      }
    }
  }
  await flush(rows);
  await pending;
  await client.query(`SELECT setval('corpus_organs_id_seq', (SELECT max(id) FROM corpus_organs))`);
  await client.query(`SELECT setval('corpus_files_id_seq', (SELECT max(id) FROM corpus_files))`);
  await client.query('ANALYZE corpus_organs, corpus_files, corpus_reports');
  return counts;
}
