/** Types of bench/support/corpus-queries.js, which the server's tests import. */
import type { ClientBase } from 'pg';

export interface DashboardQuery {
  name: string;
  /** What the query shows, in Chinese, as the dashboard names it. */
  title: string;
  sql: string;
  params: unknown[];
}
export declare const reportFigures: string;
export declare const SUMMARY_TABLE: string;
export declare function createSummary(client: ClientBase): Promise<void>;
export declare const DASHBOARD_YEAR: number;
export declare const DASHBOARD_PROVINCE: string;
export declare function dashboardQueries(source?: string): DashboardQuery[];
export declare const DASHBOARD_QUERIES: readonly DashboardQuery[];
export declare function runDashboard(
  client: ClientBase,
  queries?: readonly DashboardQuery[],
): Promise<Record<string, Record<string, unknown>[]>>;
