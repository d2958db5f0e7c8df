import { CELLS } from '@xxgk/core';
import { Alert, App, Button, Card, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { EmptyState, ErrorState, Loading } from '../../components/PageState.js';
import { useFigures, useSaveFigures } from './api.js';
import { chinaYear, yearOptions } from '../../components/years.js';

type Values = Record<string, number | null | undefined>;

/**
 * The year's figures that no record holds (行政许可、处罚、强制决定数, 收费金额 …), as the cells of
 * section 二 that the year's format takes; saved with the version, so two people cannot overwrite
 * each other.
 */
export function FiguresTab({ organId }: { organId: number }) {
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const figures = useFigures(organId, year);
  const save = useSaveFigures(organId, year);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (figures.data)
      form.setFieldsValue(Object.fromEntries(figures.data.cells.map((id) => [id, figures.data.figures[id] ?? null])));
  }, [figures.data, form]);

  const submit = async (values: Values) => {
    if (!figures.data) return;
    const entered = Object.fromEntries(figures.data.cells.map((id) => [id, values[id] ?? null]));
    try {
      await save.mutateAsync({ version: figures.data.version, figures: entered });
      message.success(`${year}年度填报数已保存`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        message.error(`${error.message}。已重新载入最新数据`);
        await figures.refetch();
        return;
      }
      message.error(error instanceof Error ? error.message : '保存失败');
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <label htmlFor="figures-year">年度</label>
        <Select
          id="figures-year"
          value={year}
          onChange={setYear}
          options={yearOptions(chinaYear() + 1)}
          style={{ width: 120 }}
        />
      </Space>
      {figures.isLoading ? (
        <Loading />
      ) : figures.error ? (
        <ErrorState error={figures.error} onRetry={() => void figures.refetch()} />
      ) : !figures.data || figures.data.cells.length === 0 ? (
        <EmptyState description={`${year}年不适用全国统一的年度报告格式，无须填报`} />
      ) : (
        <Card title={`${year}年度填报数（${figures.data.format}年格式，第二部分）`} style={{ maxWidth: 760 }}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="没有发生的填 0；留空的数字在年度报告中会被提示。规章和行政规范性文件的件数由文件登记统计。"
          />
          <Form form={form} layout="horizontal" labelCol={{ span: 14 }} wrapperCol={{ span: 10 }} onFinish={submit}>
            {figures.data.cells.map((id) => (
              <FigureField key={id} id={id} />
            ))}
            <Form.Item wrapperCol={{ offset: 14 }}>
              <Space>
                <Button type="primary" htmlType="submit" loading={save.isPending}>
                  保存
                </Button>
                <Typography.Text type="secondary">版本 {figures.data.version}</Typography.Text>
              </Space>
            </Form.Item>
          </Form>
        </Card>
      )}
    </Space>
  );
}

/** One cell of section 二: money in 万元 to four places, counts in whole 件. */
function FigureField({ id }: { id: string }) {
  const info = CELLS.get(id);
  const money = info?.kind === 'money';
  const inputId = `figure-${id.replaceAll('.', '-')}`;
  return (
    <Form.Item name={id} label={info?.label ?? id} htmlFor={inputId}>
      <InputNumber
        id={inputId}
        min={0}
        precision={money ? 4 : 0}
        suffix={money ? '万元' : '件'}
        style={{ width: '100%' }}
        data-cell={id}
      />
    </Form.Item>
  );
}
