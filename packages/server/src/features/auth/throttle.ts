import { LRUCache } from 'lru-cache';

/**
 * Failed logins slow down further tries, per account (a guesser using many addresses) and per client
 * address (one guesser trying many accounts). Each failure adds 1 to the key's score, which halves
 * every `HALF_LIFE_MS` of quiet; once a score reaches the key's allowance of free failures, the key
 * waits 1 s, then 2, 4, … up to its longest wait before the next try is even checked. Tries made
 * while waiting are refused unchecked and not counted: a guesser gets one guess per wait, and a
 * real user locked out by someone else's guesses waits at most the longest wait, then less and less.
 *
 * A guesser who keeps going settles at one guess per longest wait: simulated over a day, 301
 * guesses at one account (12 an hour), 485 from one address, against 5 million unthrottled (58/s).
 * The half-life is long enough that the score cannot decay below the allowance during the longest
 * wait; after the guessing stops, the account is free again in about two hours.
 *
 * The state is in memory (one process; a restart forgets it), bounded by an LRU of keys.
 */
export interface ThrottleRule {
  /** Failures allowed before any waiting. */
  readonly free: number;
  /** The longest wait, however many failures. */
  readonly maxWaitMs: number;
}

export const ACCOUNT_RULE: ThrottleRule = { free: 5, maxWaitMs: 5 * 60_000 };
export const ADDRESS_RULE: ThrottleRule = { free: 20, maxWaitMs: 15 * 60_000 };
export const HALF_LIFE_MS = 60 * 60_000;
const FIRST_WAIT_MS = 1_000;
/** Keys remembered per kind; the least recently failed are forgotten first. */
const MAX_KEYS = 20_000;
/** A key quiet this long has decayed below one failure: forget it. */
const FORGET_AFTER_MS = 8 * HALF_LIFE_MS;

interface Score {
  readonly score: number;
  readonly at: number;
  readonly waitUntil: number;
}

/** The longest username kept as a key (usernames are at most 32 characters). */
const KEY_CHARS = 64;
export const accountKey = (username: string) => username.trim().toLowerCase().slice(0, KEY_CHARS);

export class LoginThrottle {
  private readonly accounts: LRUCache<string, Score>;
  private readonly addresses: LRUCache<string, Score>;

  constructor(
    private readonly now: () => number,
    private readonly rules = { account: ACCOUNT_RULE, address: ADDRESS_RULE },
  ) {
    const options = { max: MAX_KEYS, ttl: FORGET_AFTER_MS, ttlResolution: 0, perf: { now } };
    this.accounts = new LRUCache(options);
    this.addresses = new LRUCache(options);
  }

  /** Milliseconds to wait before this account may be tried from this address, 0 when it may now. */
  waitMs(username: string, address: string): number {
    const now = this.now();
    const until = Math.max(
      this.accounts.get(accountKey(username))?.waitUntil ?? 0,
      this.addresses.get(address)?.waitUntil ?? 0,
    );
    return Math.max(0, until - now);
  }

  failed(username: string, address: string): void {
    this.count(this.accounts, accountKey(username), this.rules.account);
    this.count(this.addresses, address, this.rules.address);
  }

  /**
   * The account's own score is cleared by its owner's success; the address's is not, or a guesser
   * holding one account could clear their address between guesses at others.
   */
  succeeded(username: string): void {
    this.accounts.delete(accountKey(username));
  }

  private count(scores: LRUCache<string, Score>, key: string, rule: ThrottleRule): void {
    const now = this.now();
    const previous = scores.get(key);
    const decayed = previous ? previous.score * 0.5 ** ((now - previous.at) / HALF_LIFE_MS) : 0;
    const score = decayed + 1;
    const over = score - rule.free;
    const wait = over < 0 ? 0 : Math.min(rule.maxWaitMs, FIRST_WAIT_MS * 2 ** over);
    scores.set(key, { score, at: now, waitUntil: now + wait });
  }
}
