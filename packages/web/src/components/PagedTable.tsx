import type { UseQueryResult } from '@tanstack/react-query';
import { Input, Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { ErrorState } from './PageState.js';

/** One page of rows as every list endpoint answers it. */
export interface Page<T> {
  readonly total: number;
  readonly items: readonly T[];
}

interface PagedTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'pagination' | 'loading' | 'locale'> {
  /** The query of the page shown (with keepPreviousData, so the table does not blank between pages). */
  readonly result: UseQueryResult<Page<T>>;
  readonly page: number;
  readonly pageSize: number;
  readonly onPageChange: (page: number) => void;
  /** What an empty table says (an EmptyState), once the first answer is in. */
  readonly empty: ReactNode;
  /** The measure word of the total: 共 12 件, 共 3 份. */
  readonly unit?: string;
}

/**
 * A table whose rows come from the server a page at a time: the server's total drives the pager,
 * the API's error replaces the table with a retry, and an empty answer says why it is empty.
 */
export function PagedTable<T extends object>({
  result,
  page,
  pageSize,
  onPageChange,
  empty,
  unit = '件',
  ...table
}: PagedTableProps<T>) {
  if (result.error) return <ErrorState error={result.error} onRetry={() => void result.refetch()} />;
  return (
    <Table<T>
      {...table}
      loading={result.isFetching}
      dataSource={result.data?.items}
      locale={{ emptyText: result.isLoading ? ' ' : empty }}
      pagination={{
        current: page,
        pageSize,
        total: result.data?.total ?? 0,
        onChange: onPageChange,
        showTotal: (total) => `共 ${total} ${unit}`,
        showSizeChanger: false,
      }}
    />
  );
}

interface TableSearchProps {
  /** The name a screen reader gives the box. */
  readonly label: string;
  readonly placeholder: string;
  readonly width?: number;
  /** The trimmed text, '' when cleared. */
  readonly onSearch: (text: string) => void;
}

/** The search box above a paged table: searches on Enter or the button, cleared with ×. */
export function TableSearch({ label, placeholder, width = 280, onSearch }: TableSearchProps) {
  return (
    <Input.Search
      aria-label={label}
      placeholder={placeholder}
      allowClear
      style={{ width }}
      onSearch={(value) => onSearch(value.trim())}
    />
  );
}
