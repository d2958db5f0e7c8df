import { FEE_METHODS, FEE_METHOD_LABELS, type FeeMethod } from './model.js';

/**
 * 信息处理费 under 国办函〔2020〕109号. Both methods are 超额累进: each tier's price applies only to
 * the part of the quantity inside that tier. Amounts are whole 元.
 */

/** One tier of a method: from `from` to `to` (both included; `to` null = no end) at `unitPrice` 元. */
export interface FeeTier {
  readonly from: number;
  readonly to: number | null;
  readonly unitPrice: number;
}

/**
 * 按量计收, per page of one application's answer: ≤30 pages free; pages 31–100 at 10元; 101–200 at
 * 20元; from page 201 at 40元.
 */
export const PER_PAGE_TIERS: readonly FeeTier[] = [
  { from: 1, to: 30, unitPrice: 0 },
  { from: 31, to: 100, unitPrice: 10 },
  { from: 101, to: 200, unitPrice: 20 },
  { from: 201, to: null, unitPrice: 40 },
];

/** 按件计收: the applicant's first 10 applications in a calendar month are free. */
const FREE_APPLICATIONS = 10;
/** The 11th to the 30th cost 100元 each. */
const FIRST_PAID_TIER_END = 30;
/** From the 31st on, every further 10 applications cost 100元 more each. */
const TIER_SIZE = 10;
const PRICE_STEP = 100;

/** The tier of 按件计收 that the `ordinal`-th application of the month falls in. */
export function perApplicationTier(ordinal: number): FeeTier {
  checkQuantity(ordinal, 'perApplication');
  if (ordinal <= FREE_APPLICATIONS) return { from: 1, to: FREE_APPLICATIONS, unitPrice: 0 };
  if (ordinal <= FIRST_PAID_TIER_END)
    return { from: FREE_APPLICATIONS + 1, to: FIRST_PAID_TIER_END, unitPrice: PRICE_STEP };
  const step = Math.floor((ordinal - FIRST_PAID_TIER_END - 1) / TIER_SIZE);
  const from = FIRST_PAID_TIER_END + 1 + step * TIER_SIZE;
  return { from, to: from + TIER_SIZE - 1, unitPrice: PRICE_STEP * (step + 2) };
}

/** The fee in 元 for the applicant's `ordinal`-th application in a calendar month (按件计收). */
export function perApplicationFee(ordinal: number): number {
  return perApplicationTier(ordinal).unitPrice;
}

/** The fee in 元 for an answer of `pages` pages (按量计收). */
export function perPageFee(pages: number): number {
  return perPageLines(pages).reduce((sum, line) => sum + line.subtotal, 0);
}

export function feeFor(method: FeeMethod, quantity: number): number {
  checkMethod(method);
  return method === 'perApplication' ? perApplicationFee(quantity) : perPageFee(quantity);
}

/** One line of a fee's computation, as the 收费通知 states it. */
export interface FeeLine {
  /** “第31至100页” or “第11至30件”; `to` null prints “第201页及以上”. */
  readonly label: string;
  readonly tier: FeeTier;
  /** How many pages (or applications) of the quantity fall in the tier. */
  readonly quantity: number;
  readonly unitPrice: number;
  readonly subtotal: number;
}

export interface FeeBreakdown {
  readonly method: FeeMethod;
  readonly methodLabel: string;
  readonly quantity: number;
  /** The tiers used, in order (the free tier included when used); a 按件 fee has one line. */
  readonly lines: readonly FeeLine[];
  readonly total: number;
  /** The whole computation in one Chinese sentence, for the 收费通知. */
  readonly text: string;
}

export function feeBreakdown(method: FeeMethod, quantity: number): FeeBreakdown {
  checkMethod(method);
  const lines = method === 'perApplication' ? [lineOf(perApplicationTier(quantity), 1, '件')] : perPageLines(quantity);
  const total = lines.reduce((sum, line) => sum + line.subtotal, 0);
  return {
    method,
    methodLabel: FEE_METHOD_LABELS[method],
    quantity,
    lines,
    total,
    text: describe(method, quantity, lines, total),
  };
}

function perPageLines(pages: number): FeeLine[] {
  checkQuantity(pages, 'perPage');
  const lines: FeeLine[] = [];
  for (const tier of PER_PAGE_TIERS) {
    const inTier = Math.min(pages, tier.to ?? Infinity) - tier.from + 1;
    if (inTier > 0) lines.push(lineOf(tier, inTier, '页'));
  }
  return lines;
}

function lineOf(tier: FeeTier, quantity: number, unit: '件' | '页'): FeeLine {
  const label = tier.to === null ? `第${tier.from}${unit}及以上` : `第${tier.from}至${tier.to}${unit}`;
  return { label, tier, quantity, unitPrice: tier.unitPrice, subtotal: quantity * tier.unitPrice };
}

function describe(method: FeeMethod, quantity: number, lines: readonly FeeLine[], total: number): string {
  if (method === 'perApplication') {
    const line = lines[0];
    const price = line && line.unitPrice > 0 ? `每件${line.unitPrice}元` : '不收费';
    return `按件计收：本申请为申请人本月第${quantity}件申请，属“${line?.label ?? ''}”档，${price}，合计${total}元。`;
  }
  const parts = lines.map((line) =>
    line.unitPrice === 0
      ? `${line.label}共${line.quantity}页不收费`
      : `${line.label}共${line.quantity}页，每页${line.unitPrice}元，计${line.subtotal}元`,
  );
  return `按量计收：共${quantity}页，其中${parts.join('；') || '无收费项目'}；合计${total}元。`;
}

function checkQuantity(quantity: number, method: FeeMethod): void {
  const min = method === 'perApplication' ? 1 : 0;
  if (!Number.isSafeInteger(quantity) || quantity < min) {
    const what = method === 'perApplication' ? '申请件数序号应为不小于1的整数' : '页数应为不小于0的整数';
    throw new RangeError(`${FEE_METHOD_LABELS[method]}：${what}，收到的是“${String(quantity)}”`);
  }
}

function checkMethod(method: FeeMethod): void {
  if (!FEE_METHODS.includes(method)) throw new RangeError(`收费方式“${String(method)}”无效，应为按件计收或按量计收`);
}
