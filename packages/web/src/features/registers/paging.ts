import { useEffect } from 'react';

/** Rows a register table shows on a page. */
export const PAGE_SIZE = 10;

/** The page-number state of a table whose rows come from the server a page at a time. */
interface PageState {
  readonly page: number;
  readonly setPage: (page: number) => void;
  /** The server's answer for `page`, undefined while the first one loads. */
  readonly shown: { readonly total: number; readonly items: readonly unknown[] } | undefined;
  /** True while `shown` is still the previous page's answer (keepPreviousData). */
  readonly stale: boolean;
}

/**
 * Steps back to the last page that has rows when the page shown has emptied — its only row was
 * repealed out of the 现行有效 filter, say — instead of leaving an empty table with rows before it.
 */
export function useLastPageWhenEmptied({ page, setPage, shown, stale }: PageState): void {
  useEffect(() => {
    if (stale || !shown || page === 1 || shown.items.length > 0) return;
    setPage(Math.max(1, Math.ceil(shown.total / PAGE_SIZE)));
  }, [page, setPage, shown, stale]);
}
