import { useState } from 'react';

/**
 * The page and the filters of a table paged on the server. Changing a filter goes back to page 1:
 * the page number of one result means nothing in another. `filtered` says whether any filter
 * differs from where it started, so an empty table can tell "nothing matches" from "nothing yet".
 */
export function usePagedFilters<F extends Record<string, unknown>>(initial: F) {
  const [start] = useState(initial);
  const [page, setPage] = useState(1);
  const [filters, setAll] = useState(initial);
  const setFilters = (changes: Partial<F>) => {
    setAll((current) => ({ ...current, ...changes }));
    setPage(1);
  };
  const filtered = Object.keys(start).some((key) => filters[key] !== start[key]);
  return { page, setPage, filters, setFilters, filtered };
}
