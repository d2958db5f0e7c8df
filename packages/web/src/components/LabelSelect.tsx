import { Select, type SelectProps } from 'antd';

interface Props<T> {
  /** The list's filter as a screen reader names it (按状态筛选, 年度 …). */
  readonly label: string;
  /** What a cleared choice means: 全部状态, 全部年度 … */
  readonly placeholder: string;
  readonly width: number;
  readonly value: T | undefined;
  readonly options: SelectProps<T>['options'];
  /** Undefined when cleared: the filter is dropped. */
  onChange(value: T | undefined): void;
}

/** A list's filter: one clearable choice, named for screen readers, “全部…” when nothing is chosen. */
export function LabelSelect<T extends string | number>({
  label,
  placeholder,
  width,
  value,
  options,
  onChange,
}: Props<T>) {
  return (
    <Select<T>
      aria-label={label}
      placeholder={placeholder}
      allowClear
      style={{ width }}
      value={value}
      options={options}
      onChange={onChange}
    />
  );
}
