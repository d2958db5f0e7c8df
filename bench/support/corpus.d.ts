/** Types of bench/support/corpus.js, which the server's tests import. */
import type { CorpusInput, CorpusOptions, CorpusOrgan, CorpusReport, PdfFonts, PlantedError } from '@xxgk/core';

export interface CorpusTruthFile {
  /** The file's name in the directory (000001.pdf). */
  file: string;
  /** The organ's id in `organs`. */
  organ: number;
  /** The organ's name as this report spells it. */
  name: string;
  year: number;
  /** '2019' | '2021', or 'unknown' before 2019 (no national format: the reader reads no cells). */
  format: string;
  input: CorpusInput;
  planted: readonly PlantedError[];
  /** The cells a correct reader reads (none before 2019). */
  cells: Record<string, number | null>;
}

export interface CorpusTruth {
  seed: number;
  reports: number;
  organs: CorpusOrgan[];
  files: CorpusTruthFile[];
}

export declare function renderCorpusReport(
  item: CorpusReport,
  input?: CorpusInput,
  fonts?: PdfFonts,
): Promise<Uint8Array | string>;

export declare function writeCorpus(
  dir: string,
  options: CorpusOptions & { kinds?: readonly CorpusInput['kind'][]; as?: 'pdf' | 'docx' | 'html' | 'text' },
  onProgress?: (done: number, total: number) => void,
): Promise<CorpusTruth>;
