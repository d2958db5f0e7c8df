import { useEffect, type RefObject } from 'react';

/**
 * Scrolls `box` (a pane with its own scroll bar) so that `element` shows in it: in its middle, or
 * just inside the nearer edge. Only the pane moves, not the page.
 */
export function scrollWithin(box: HTMLElement, element: HTMLElement, place: 'center' | 'nearest'): void {
  const offset = element.getBoundingClientRect().top - box.getBoundingClientRect().top;
  const height = element.getBoundingClientRect().height;
  if (place === 'nearest' && offset >= 0 && offset + height <= box.clientHeight) return;
  const top =
    place === 'center'
      ? offset - box.clientHeight / 2 + height / 2
      : offset < 0
        ? offset
        : offset - box.clientHeight + height;
  box.scrollTo({ top: box.scrollTop + top });
}

/**
 * When a cell is selected (in the tables or from a finding), the workspace (the selection line and
 * both panes, sized to fit the window) is brought into the window, and the cell into its pane; the
 * source pane scrolls to the cell's source itself (SourcePanel). At 1366×768 the panes otherwise
 * start below the fold and the highlighted source line is off-screen.
 */
export function useWorkspaceInView(
  workspace: RefObject<HTMLElement | null>,
  tablePane: RefObject<HTMLElement | null>,
  selected: string | null,
): void {
  useEffect(() => {
    if (!selected) return;
    workspace.current?.scrollIntoView({ block: 'nearest' });
    const pane = tablePane.current;
    const cell = pane?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(selected)}"]`);
    if (pane && cell) scrollWithin(pane, cell, 'nearest');
  }, [workspace, tablePane, selected]);
}
