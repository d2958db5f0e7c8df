import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { badRequest } from '../../errors.js';
import { GLYPHS } from './glyphs.js';

/** How long a captcha stays valid. */
export const CAPTCHA_TTL_MS = 10 * 60_000;
/** How many used token ids are remembered; more than can be issued and used within the TTL by a rate-limited public. */
const USED_CAPACITY = 20_000;

/**
 * `image`: the sum drawn as a distorted SVG. `text`: the same kind of sum as a sentence in Chinese
 * words, for people who cannot see the image (a screen reader reads it out); it is weaker against
 * programs, which the portal's per-address limits make up for.
 */
export type CaptchaMode = 'image' | 'text';

export interface CaptchaChallenge {
  readonly token: string;
  readonly mode: CaptchaMode;
  /** The image (mode `image`). */
  readonly svg?: string;
  /** The question in words (mode `text`), e.g. 二十三加五等于多少？ */
  readonly question?: string;
}

/**
 * An arithmetic captcha that needs no outside service. The token is `id.expiry.signature`, signed
 * with a per-process random secret; the sum itself is derived from the secret and the id, so the
 * token reveals nothing and the server keeps no state but the ids already used (each token is
 * good for one attempt, right or wrong).
 */
export class Captcha {
  private readonly secret: Buffer;
  private readonly used = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    secret: Buffer = randomBytes(32),
  ) {
    this.secret = secret;
  }

  issue(mode: CaptchaMode = 'image'): CaptchaChallenge {
    const id = randomBytes(12).toString('base64url');
    const expires = this.now() + CAPTCHA_TTL_MS;
    const body = `${id}.${expires.toString(36)}`;
    const token = `${body}.${this.sign(body)}`;
    const { left, op, right } = this.challenge(id);
    if (mode === 'text') {
      return {
        token,
        mode,
        question: `${chineseNumber(left)}${op === '+' ? '加' : '减'}${chineseNumber(right)}等于多少？`,
      };
    }
    return { token, mode, svg: drawChallenge(`${left}${op}${right}=?`) };
  }

  /** Checks an answer once: the token is spent whatever the answer. Throws a 400 in Chinese when wrong. */
  verify(token: string, answer: string): void {
    const id = this.validId(token);
    if (!id) throw badRequest('验证码无效或已过期，请点击“换一张”后重新输入');
    this.spend(id);
    const expected = this.answerFor(id);
    const given = answer.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    if (!/^\d{1,3}$/.test(given) || Number(given) !== expected) {
      throw badRequest('验证码计算结果不正确，请点击“换一张”后重新输入');
    }
  }

  /** The answer of a token this captcha issued; undefined for a forged or expired one. For tests, never served. */
  solve(token: string): string | undefined {
    const id = this.validId(token);
    return id ? String(this.answerFor(id)) : undefined;
  }

  private validId(token: string): string | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [id, expires, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${id}.${expires}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const expiry = parseInt(expires, 36);
    if (!Number.isFinite(expiry) || expiry <= this.now()) return undefined;
    if (this.used.has(id)) return undefined;
    return id;
  }

  private spend(id: string): void {
    const now = this.now();
    if (this.used.size >= USED_CAPACITY) {
      for (const [usedId, expiry] of this.used) if (expiry <= now) this.used.delete(usedId);
      // Still full: forget the oldest; a token this old is near its expiry anyway.
      while (this.used.size >= USED_CAPACITY) this.used.delete(this.used.keys().next().value as string);
    }
    this.used.set(id, now + CAPTCHA_TTL_MS);
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(`token:${body}`).digest('base64url');
  }

  private challenge(id: string): { left: number; op: '+' | '-'; right: number } {
    const bytes = createHmac('sha256', this.secret).update(`challenge:${id}`).digest();
    const left = 10 + ((bytes[0] as number) % 40);
    const right = 1 + ((bytes[1] as number) % 9);
    return { left, op: (bytes[2] as number) % 2 === 0 ? '+' : '-', right };
  }

  private answerFor(id: string): number {
    const { left, op, right } = this.challenge(id);
    return op === '+' ? left + right : left - right;
  }
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1–99 in words as people say them: 五, 十二, 二十, 四十七. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`${n} is outside 0–99`);
  if (n < 10) return DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

const WIDTH = 180;
const HEIGHT = 60;
const rand = (min: number, max: number) => min + (randomInt(0, 10_000) / 10_000) * (max - min);
const fmt = (n: number) => n.toFixed(1);
const colour = () => `hsl(${randomInt(0, 360)},${randomInt(40, 70)}%,${randomInt(25, 45)}%)`;

/** Draws the challenge: each character a jittered, rotated path, among curves and dots that cross them. */
function drawChallenge(text: string): string {
  const parts: string[] = [];
  parts.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="hsl(${randomInt(30, 60)},40%,95%)"/>`);
  for (let i = 0; i < 40; i++) {
    parts.push(
      `<circle cx="${fmt(rand(0, WIDTH))}" cy="${fmt(rand(0, HEIGHT))}" r="${fmt(rand(0.5, 1.8))}" fill="${colour()}" opacity="0.6"/>`,
    );
  }
  const chars = [...text];
  const step = (WIDTH - 20) / chars.length;
  chars.forEach((ch, index) => {
    const strokes = GLYPHS[ch] ?? [];
    const scale = rand(1.9, 2.4);
    const angle = (rand(-22, 22) * Math.PI) / 180;
    const cx = 10 + step * index + step / 2 + rand(-2, 2);
    const cy = HEIGHT / 2 + rand(-5, 5);
    const d = strokes
      .map((stroke) =>
        stroke
          .map(([x, y], n) => {
            const dx = (x - 5) * scale + rand(-1.2, 1.2);
            const dy = (y - 8) * scale * 0.9 + rand(-1.2, 1.2);
            const px = cx + dx * Math.cos(angle) - dy * Math.sin(angle);
            const py = cy + dx * Math.sin(angle) + dy * Math.cos(angle);
            return `${n === 0 ? 'M' : 'L'}${fmt(px)} ${fmt(py)}`;
          })
          .join(''),
      )
      .join('');
    parts.push(
      `<path d="${d}" fill="none" stroke="${colour()}" stroke-width="${fmt(rand(2.2, 3.2))}" stroke-linecap="round" stroke-linejoin="round"/>`,
    );
  });
  for (let i = 0; i < 5; i++) {
    parts.push(
      `<path d="M${fmt(rand(0, 30))} ${fmt(rand(0, HEIGHT))}C${fmt(rand(30, 90))} ${fmt(rand(-20, HEIGHT + 20))} ${fmt(rand(90, 150))} ${fmt(rand(-20, HEIGHT + 20))} ${fmt(rand(150, WIDTH))} ${fmt(rand(0, HEIGHT))}" fill="none" stroke="${colour()}" stroke-width="${fmt(rand(0.8, 1.6))}" opacity="0.75"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="验证码图片">${parts.join('')}</svg>`;
}
