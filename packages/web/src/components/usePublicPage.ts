import { useEffect } from 'react';

/**
 * A public page (no login: the portal, the corpus): its title in the browser's tab, and the page
 * filling the window edge to edge (the browser's default body margin would frame it); both put
 * back when the visitor moves on to the staff's pages.
 */
export function usePublicPage(pageTitle: string): void {
  useEffect(() => {
    const { title } = document;
    const { margin } = document.body.style;
    document.title = pageTitle;
    document.body.style.margin = '0';
    return () => {
      document.title = title;
      document.body.style.margin = margin;
    };
  }, [pageTitle]);
}
