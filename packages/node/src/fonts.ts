import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { enablePdfFontCache, type Fontkit, type PdfFonts } from '@xxgk/core';

/** No usable CJK font: the message says what to install or pass. */
export class FontError extends Error {
  override readonly name = 'FontError';
}

interface FontChoice {
  readonly regular: string;
  readonly regularFace?: string;
  readonly bold?: string;
  readonly boldFace?: string;
}

/*
 * Serif (宋体-like) CJK fonts first, as official documents use; the Noto Sans CJK that ships
 * with xxgk (OFL, npm package @embedpdf/fonts-sc) makes the PDF work on any machine.
 */
const SYSTEM_FONTS: readonly FontChoice[] = [
  {
    regular: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
    regularFace: 'NotoSerifCJKsc-Regular',
    bold: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc',
    boldFace: 'NotoSerifCJKsc-Bold',
  },
  { regular: '/usr/share/fonts/truetype/arphic/uming.ttc', regularFace: 'UMingCN' },
  { regular: 'C:\\Windows\\Fonts\\simsun.ttc', regularFace: 'SimSun', bold: 'C:\\Windows\\Fonts\\simhei.ttf' },
  { regular: '/System/Library/Fonts/Supplemental/Songti.ttc', regularFace: 'STSongti-SC-Regular' },
];

/**
 * The package exports only its entry point (`dist/index.cjs`), not `package.json`, so the font
 * folder is found beside the resolved entry: `fonts/` is one level above `dist/`.
 */
export function bundledFont(): FontChoice | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
    const dir = join(dirname(entry), '..', 'fonts');
    return { regular: join(dir, 'NotoSansHans-Regular.otf'), bold: join(dir, 'NotoSansHans-Bold.otf') };
  } catch {
    return undefined;
  }
}

/** `path` or `path#Face` (a face of a .ttc collection). */
function parseFontOption(option: string): FontChoice {
  const [path, face] = option.split('#');
  return { regular: path as string, ...(face ? { regularFace: face } : {}) };
}

export function chooseFont(option?: string): FontChoice {
  const requested = option ?? process.env.XXGK_FONT;
  if (requested) {
    const choice = parseFontOption(requested);
    if (!existsSync(choice.regular))
      throw new FontError(`找不到字体文件 ${choice.regular}（由 --font 或环境变量 XXGK_FONT 指定）`);
    return choice;
  }
  const found = [...SYSTEM_FONTS, bundledFont()].find((choice) => choice && existsSync(choice.regular));
  if (!found) {
    throw new FontError(
      '找不到中文字体，无法生成 PDF：请安装 fonts-noto-cjk，或用环境变量 XXGK_FONT（命令行也可用 --font）指定 .ttf/.otf/.ttc 字体文件',
    );
  }
  return found;
}

/**
 * The fontkit that pdfkit loads: its CommonJS build, found from where pdfkit is installed
 * (@xxgk/core → pdfmake → pdfkit), so that the core can keep parsed fonts in it across PDFs.
 */
function pdfkitFontkit(): Fontkit | undefined {
  try {
    const fromHere = createRequire(import.meta.url);
    const fromCore = createRequire(fromHere.resolve('@xxgk/core'));
    const fromPdfmake = createRequire(fromCore.resolve('pdfmake'));
    const fromPdfkit = createRequire(fromPdfmake.resolve('pdfkit'));
    return fromPdfkit('fontkit') as Fontkit;
  } catch {
    // Without the cache PDFs come out the same, only slower.
    return undefined;
  }
}

const loaded = new Map<string, Promise<PdfFonts>>();

/** The PDF fonts, read once per process. */
export function loadFonts(option?: string): Promise<PdfFonts> {
  const choice = chooseFont(option);
  const fontkit = pdfkitFontkit();
  if (fontkit) enablePdfFontCache(fontkit);
  const key = JSON.stringify(choice);
  let fonts = loaded.get(key);
  if (!fonts) {
    fonts = (async () => {
      const regular = new Uint8Array(await readFile(choice.regular));
      const bold = choice.bold && existsSync(choice.bold) ? new Uint8Array(await readFile(choice.bold)) : undefined;
      return {
        regular,
        ...(choice.regularFace ? { regularFace: choice.regularFace } : {}),
        ...(bold ? { bold, ...(choice.boldFace ? { boldFace: choice.boldFace } : {}) } : {}),
      };
    })();
    loaded.set(key, fonts);
  }
  return fonts;
}
