import { APPLICANT_COLUMNS, S3_COLUMNS, S4_COLUMNS, S4_GROUPS, cellName, type ReportFormat } from '../model/cells.js';
import type { ProseSection, Report, Source } from '../model/schema.js';
import { detached } from '../model/interned.js';
import { FIRST_NATIONAL_FORMAT_YEAR, formatForYear } from '../rules/format.js';
import type { ExtractedDocument } from './document.js';
import { SECTION_HEADINGS, type SectionKey } from './labels.js';
import { readMeta, type MetaReading } from './meta.js';
import { canonical, firstIsPlain, firstTable, simplify, splitNumbering } from './normalise.js';
import { rejoinDetached } from './detached.js';
import { documentRows, type SourceCell, type SourceRow } from './rows.js';
import { withAlignment, type Placement } from './align/merge.js';
import { keyedObject } from './keyed.js';
import { copyKeepingLazy, lazyProvenance } from './lazy.js';
import type { ReadValue } from './readings.js';
import { readTables, type ParserFinding, type TableReading } from './rows-to-cells.js';

/**
 * A report as read from a file: the model's report, but with the year null when the file states
 * none (title, period or body), so that nothing downstream takes a made-up year for the real one.
 */
export type ReadReport = Omit<Report, 'meta'> & {
  readonly meta: Omit<Report['meta'], 'year'> & { readonly year: number | null };
};

/** The report read from a file, given the year it is about (the one it states, or one a person chose). */
export function withYear(report: ReadReport, year: number): Report {
  // Copied without reading the provenance, which is made only when asked (see lazy.ts).
  const copy = copyKeepingLazy(report) as { -readonly [K in keyof Report]: Report[K] };
  copy.meta = { ...report.meta, year };
  return copy;
}

export interface ReadResult {
  readonly report: ReadReport;
  /** The keys of `report.cells`, in their order. */
  readonly cellIds: readonly string[];
  /** What the reader noticed: rows it could not fill, values it inferred, metadata it guessed. */
  readonly findings: readonly ParserFinding[];
  /** For each value the aligner placed (text whose table lost its layout): how sure, and how placed. */
  readonly placements?: Readonly<Record<string, Placement>>;
}

/** Where each section heading stands among the rows. */
type Headings = Partial<Record<SectionKey, number>>;

const DIGITS = /^\d+$/;

const SECTION_ORDER = Object.keys(SECTION_HEADINGS) as SectionKey[];

/** The sections whose heading a line's text may be, in SECTION_ORDER. */
function headingKeys(text: string): readonly SectionKey[] {
  // A line that surely starts with its own first character (a common ideograph) heads a section only
  // if that character starts a heading or a numbering: most lines are told so without hashing them.
  const first = text.charCodeAt(0);
  if (HEADING_FIRSTS[first] !== 1 && firstIsPlain(text, first)) return NO_KEYS;
  let keys = headingKeysOf.get(text);
  if (keys === undefined) {
    const { core } = splitNumbering(canonical(text));
    keys = SECTION_ORDER.filter((key) =>
      (SECTION_HEADINGS[key] as readonly string[]).some(
        (form) => core === form || (core.startsWith(form) && core.length <= form.length + 4),
      ),
    );
    if (headingKeysOf.size >= HEADING_CACHE_SIZE) headingKeysOf.clear();
    headingKeysOf.set(detached(text), keys);
  }
  return keys;
}

/** The first characters of the headings' canonical forms, and the Chinese numerals a numbering starts with. */
const HEADING_FIRSTS = firstTable([...Object.values(SECTION_HEADINGS).flat(), ...'一二三四五六七八九十']);
const NO_KEYS: readonly SectionKey[] = [];

/** Lines recur across reports ("一、总体情况"): what headings they may be is kept. */
const HEADING_CACHE_SIZE = 20_000;
const headingKeysOf = new Map<string, readonly SectionKey[]>();

function findHeadings(rows: readonly SourceRow[]): Headings {
  const found: Partial<Record<SectionKey, number>> = {};
  rows.forEach((row, index) => {
    if (row.cells.length !== 1) return;
    const text = (row.cells[0] as { text: string }).text;
    // A count alone on its line (one cell per line) is never a heading.
    if (text.length > 40 || DIGITS.test(text)) return;
    // The line heads the first section it may head that has no heading yet.
    const key = headingKeys(text).find((candidate) => found[candidate] === undefined);
    if (key !== undefined) found[key] = index;
  });
  return found;
}

/** A short line that opens with (一)…(十) or 一、 is a sub-heading; longer ones are paragraphs that happen to start so. */
const SUBHEADING = /^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、)/;

function proseSection(
  rows: readonly SourceRow[],
  start: number | undefined,
  end: number,
  title: string | undefined,
): ProseSection {
  const section: ProseSection = { paragraphs: [], subsections: [], ...(title ? { title } : {}) };
  if (start === undefined) return section;
  for (const row of rows.slice(start + 1, end)) {
    if (row.grid) continue;
    const text = (row.cells[0]?.text ?? '').trim();
    if (text === '') continue;
    if (SUBHEADING.test(text) && text.length <= 30 && !/[。；]$/.test(text)) {
      section.subsections.push({ heading: text, paragraphs: [] });
    } else if (section.subsections.length > 0) {
      section.subsections[section.subsections.length - 1]?.paragraphs.push(text);
    } else {
      section.paragraphs.push(text);
    }
  }
  return section;
}

function regionText(rows: readonly SourceRow[], start: number | undefined, end: number): string {
  if (start === undefined) return '';
  return rows
    .slice(start + 1, end)
    .flatMap((row) => row.cells.map((cell) => cell.text))
    .join('\n');
}

const NO_APPLICATIONS = /未(?:收到|受理|接到|发生)[^。；\n]{0,16}?(?:政府信息公开|依申请公开)?申请/;
const NO_CASES = /未(?:收到|发生|产生|有)[^。；\n]{0,20}?(?:行政复议|行政诉讼)/;

/** The format follows the headers actually printed, not the year. */
function readFormat(
  meta: MetaReading,
  yearFormat: ReportFormat | undefined,
  tables: TableReading,
): ReportFormat | 'unknown' {
  // Before 2019 there was no national format: those reports' tables are not the statutory ones.
  if (meta.year !== undefined && meta.yearFrom !== 'body' && meta.year < FIRST_NATIONAL_FORMAT_YEAR) return 'unknown';
  if (tables.otherSubRows || tables.s2Format === '2021') return '2021';
  if (tables.s2Format === '2019') return '2019';
  if (tables.values.size > 0) return yearFormat ?? '2021';
  return yearFormat ?? 'unknown';
}

/**
 * Sections 三 and 四 told in prose only: what the prose implies is recorded in `cells`, with a
 * finding; returns the cells so inferred.
 */
function inferFromProse(
  rows: readonly SourceRow[],
  headings: Headings,
  boundary: (after: number | undefined) => number,
  tables: TableReading,
  cells: Record<string, number | null>,
  findings: ParserFinding[],
): string[] {
  const inferred: string[] = [];
  let hasS3 = false;
  let hasS4 = false;
  for (const id of tables.values.keys()) {
    if (id.startsWith('s3.')) hasS3 = true;
    else if (id.startsWith('s4.')) hasS4 = true;
    // Both found (most reports): the rest of some two hundred IDs need not be looked at.
    if (hasS3 && hasS4) break;
  }
  // A section's prose is only read when its table is missing.
  const prose = (key: 's3' | 's4') => simplify(regionText(rows, headings[key], boundary(headings[key])));
  if (!hasS3) {
    const none = NO_APPLICATIONS.exec(prose('s3'));
    if (none) {
      for (const column of S3_COLUMNS) {
        cells[`s3.new.${column.key}`] = 0;
        inferred.push(`s3.new.${column.key}`);
      }
      findings.push({
        rule: 'inferred-from-prose',
        severity: 'info',
        message: `第三部分没有表格；正文称“${none[0]}”，据此推断本年新收申请为 0（上年结转等其余数字无从推断）`,
        cells: APPLICANT_COLUMNS.map((column) => `s3.new.${column.key}`).concat('s3.new.total'),
      });
    }
  }
  if (!hasS4) {
    const none = NO_CASES.exec(prose('s4'));
    if (none) {
      for (const group of S4_GROUPS) {
        for (const column of S4_COLUMNS) {
          cells[`s4.${group.key}.${column.key}`] = 0;
          inferred.push(`s4.${group.key}.${column.key}`);
        }
      }
      findings.push({
        rule: 'inferred-from-prose',
        severity: 'info',
        message: `第四部分没有表格；正文称“${none[0]}”，据此推断行政复议、行政诉讼案件均为 0`,
        cells: inferred.filter((id) => id.startsWith('s4.')),
      });
    }
  }
  return inferred;
}

const AGENCY_FROM: Record<Exclude<MetaReading['agencyFrom'], 'title' | undefined>, (agency: string) => string> = {
  subject: (agency) => `报告标题中没有机关名称，“${agency}”取自报告开头或总体情况第一句的主语`,
  statement: (agency) => `报告标题中没有机关名称，“${agency}”取自报告开头说明本报告由谁编制、公布的一句`,
  'title+body': (agency) => `标题中的机关名称不完整，全称“${agency}”取自正文`,
  signature: (agency) => `报告标题中没有机关名称，“${agency}”取自落款`,
  field: (agency) => `报告标题中没有机关名称，“${agency}”取自网页的发布机构`,
  header: (agency) => `报告标题中没有机关名称，“${agency}”取自页首单独一行的机关名称（正文以同类机关自称）`,
};

/** What the reader says about where the agency and the year came from, or that it found none. */
function metaFindings(meta: MetaReading): ParserFinding[] {
  const findings: ParserFinding[] = [];
  if (!meta.agency) {
    findings.push({
      rule: 'agency-not-found',
      severity: 'error',
      message:
        '标题、落款、报告开头的说明、总体情况第一句的主语、网页的发布机构和页首都没有给出报告机关的全称（正文中顺带提到的机关名称不作数）',
      cells: [],
    });
  } else if (meta.agencyFrom !== 'title') {
    findings.push({
      rule: 'agency-from-body',
      severity: 'info',
      message: AGENCY_FROM[meta.agencyFrom ?? 'statement'](meta.agency),
      cells: [],
    });
  }
  if (!meta.year) {
    findings.push({
      rule: 'year-not-found',
      severity: 'error',
      message: '标题和正文中都没有找到报告所述的年度，请在导入时选择报告年度',
      cells: [],
    });
  } else if (meta.yearFrom === 'body') {
    findings.push({
      rule: 'year-from-body',
      severity: 'info',
      message: `标题中没有年度，${meta.year}年取自正文`,
      cells: [],
    });
  }
  return findings;
}

/**
 * Where each value was read, by cell ID in the order read. Most who read a file only want its
 * figures and findings (a folder read for its cells, the rules): the report makes this on the
 * first look (lazy.ts), sparing some two hundred keys and objects a report.
 */
function provenanceOf(read: ReadonlyMap<string, ReadValue> | undefined, file: string | undefined) {
  const provenance: Record<string, Source> = keyedObject();
  if (read)
    for (const [id, value] of read) provenance[id] = file ? Object.assign({ file }, value.source) : value.source;
  return provenance;
}

/** The cells the findings name. */
function namedCells(findings: readonly ParserFinding[]): Set<string> {
  const named = new Set<string>();
  for (const finding of findings) for (const id of finding.cells) named.add(id);
  return named;
}

/**
 * The last word on cells left empty: each reading that leaves a cell null says why, and this
 * names any it did not, so that no cell is ever empty without a finding the user can see.
 */
function unnamedOpen(
  cells: Readonly<Record<string, number | null>>,
  cellIds: readonly string[],
  findings: readonly ParserFinding[],
): ParserFinding[] {
  // The keys as kept (listing a dictionary's keys makes V8 sort them), and the named cells only
  // gathered when some cell is empty.
  let named: Set<string> | undefined;
  const open: string[] = [];
  for (const id of cellIds) {
    if (cells[id] !== null) continue;
    named ??= namedCells(findings);
    if (!named.has(id)) open.push(id);
  }
  if (open.length === 0) return [];
  const shown = open.slice(0, 3).map((id) => `“${cellName(id)}”`);
  return [
    {
      rule: 'cell-unreadable',
      severity: 'error',
      message: `${shown.join('、')}${open.length > 3 ? `等 ${open.length} 个单元格` : ''}的数值未能读出，该单元格留空，请对照原文`,
      cells: open,
    },
  ];
}

/** Reads the intermediate document as a report of the model. */
export function readDocument(document: ExtractedDocument, file?: string): ReadResult {
  const rows = rejoinDetached(documentRows(document));
  const lines = rows.map((row) =>
    row.cells.length === 1 ? (row.cells[0] as SourceCell).text : row.cells.map((cell) => cell.text).join(' '),
  );
  const text = lines.join('\n');
  const meta = readMeta(lines, text, document.page);
  const findings: ParserFinding[] = [];
  const yearFormat = meta.year ? formatForYear(meta.year) : undefined;
  const aligned = withAlignment(
    readTables(rows, yearFormat ?? '2021'),
    rows,
    yearFormat,
    text,
    document.source === 'text',
    meta.year,
  );
  const { tables, placements } = aligned;
  findings.push(...tables.findings);

  const format = readFormat(meta, yearFormat, tables);

  const read = format === 'unknown' ? undefined : tables.values;
  const cells: Record<string, number | null> = keyedObject();
  // The keys in order, for the rules: listing a dictionary's keys costs more than keeping them.
  const cellIds: string[] = [];
  if (read)
    for (const [id, value] of read) {
      cells[id] = value.value;
      cellIds.push(id);
    }

  const headings = findHeadings(rows);
  // Where sections and tables start, listed once for the five sections bounded below.
  const starts = [...Object.values(headings), ...Object.values(tables.firstRow)];
  const boundary = (after: number | undefined): number => {
    let end = rows.length;
    if (after !== undefined)
      for (const index of starts) if (index !== undefined && index > after && index < end) end = index;
    return end;
  };

  const inferred = inferFromProse(rows, headings, boundary, tables, cells, findings);
  for (const id of inferred) if (!cellIds.includes(id)) cellIds.push(id);

  findings.push(...unnamedOpen(cells, cellIds, findings), ...metaFindings(meta));

  const sectionTitle = (key: SectionKey) =>
    headings[key] !== undefined ? rows[headings[key]]?.cells[0]?.text.trim() : undefined;
  const report: ReadReport = {
    meta: {
      agency: meta.agency ?? '',
      year: meta.year ?? null,
      format,
      ...(meta.title ? { title: meta.title } : {}),
      ...(meta.publishedOn ? { publishedOn: meta.publishedOn } : {}),
    },
    sections: {
      overview: proseSection(rows, headings.overview, boundary(headings.overview), sectionTitle('overview')),
      problems: proseSection(rows, headings.problems, boundary(headings.problems), sectionTitle('problems')),
      otherMatters: proseSection(
        rows,
        headings.otherMatters,
        boundary(headings.otherMatters),
        sectionTitle('otherMatters'),
      ),
    },
    cells,
    ...(inferred.length > 0 ? { inferred } : {}),
  };
  // Added last, where a literal would have it (see lazy.ts).
  lazyProvenance(report, () => provenanceOf(read, file));
  for (const message of document.messages)
    findings.push({ rule: message.rule, severity: message.severity, message: message.message, cells: [] });
  return { report, cellIds, findings, ...(placements ? { placements } : {}) };
}
