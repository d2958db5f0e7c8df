import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  APPLICANT_KIND_LABELS,
  APPLICANT_KINDS,
  CHANNEL_LABELS,
  CHANNELS,
  DELIVERY_FORM_LABELS,
  DELIVERY_FORMS,
  DELIVERY_WAY_LABELS,
  DELIVERY_WAYS,
  RECEIPT_RULES,
  type ApplicantKind,
  type Channel,
  type DeliveryForm,
  type DeliveryWay,
} from '@xxgk/core';
import { Alert, App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.js';
import { applicantRules, contactRule } from '../../components/applicantRules.js';
import { fromIso, ISO, toIso } from './format.js';
import { useServerToday } from './queries.js';

interface IntakeValues {
  channel: Channel;
  applicantKind: ApplicantKind;
  applicantName: string;
  applicantIdNumber?: string;
  applicantPhone?: string;
  applicantEmail?: string;
  applicantAddress?: string;
  request: string;
  deliveryForm: DeliveryForm;
  deliveryWay: DeliveryWay;
  submittedOn: Dayjs;
  receivedOn: Dayjs;
}

const optional = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The request body from the form's values: text trimmed, blanks left out; 当面提交 received when submitted. */
function toIntakeBody(values: IntakeValues) {
  return {
    channel: values.channel,
    applicantKind: values.applicantKind,
    applicantName: values.applicantName.trim(),
    applicantIdNumber: optional(values.applicantIdNumber),
    applicantPhone: optional(values.applicantPhone),
    applicantEmail: optional(values.applicantEmail),
    applicantAddress: optional(values.applicantAddress),
    request: values.request.trim(),
    deliveryForm: values.deliveryForm,
    deliveryWay: values.deliveryWay,
    submittedOn: values.submittedOn.format(ISO),
    receivedOn: (values.channel === 'inPerson' ? values.submittedOn : values.receivedOn).format(ISO),
  };
}

/** Who applies, how to reach them, and what they ask for. */
function ApplicantFields() {
  return (
    <>
      <Col span={12}>
        <Form.Item name="applicantName" label="申请人姓名或名称" rules={applicantRules('applicantName')}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="applicantIdNumber" label="身份证件号码" rules={applicantRules('applicantIdNumber', false)}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item
          name="applicantPhone"
          label="联系电话"
          dependencies={['applicantEmail', 'applicantAddress']}
          rules={[contactRule]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="applicantEmail" label="电子邮箱" rules={applicantRules('applicantEmail')}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={8}>
        <Form.Item name="applicantAddress" label="通信地址" rules={applicantRules('applicantAddress')}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="request"
          label="所需政府信息的名称、文号或者便于查询的其他特征性描述"
          rules={applicantRules('request')}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Col>
    </>
  );
}

/** A new application as the form starts it: received in person today, answered by e-mail. */
function initialValues(today: string): Partial<IntakeValues> {
  return {
    channel: 'inPerson',
    applicantKind: 'natural',
    deliveryForm: 'electronic',
    deliveryWay: 'email',
    submittedOn: fromIso(today),
    receivedOn: fromIso(today),
  };
}

/** How the applicant wants the information: in what form, by what way. */
function DeliveryFields() {
  return (
    <>
      <Col span={12}>
        <Form.Item name="deliveryForm" label="获取信息的方式" rules={[{ required: true }]}>
          <Select options={DELIVERY_FORMS.map((f) => ({ value: f, label: DELIVERY_FORM_LABELS[f] }))} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="deliveryWay" label="获取信息的途径" rules={[{ required: true }]}>
          <Select options={DELIVERY_WAYS.map((w) => ({ value: w, label: DELIVERY_WAY_LABELS[w] }))} />
        </Form.Item>
      </Col>
    </>
  );
}

/** 提交日期 and 收到申请日期 (第三十一条), neither after today; 当面提交 receives on submission. */
function ReceiptDateFields({ channel, today }: { channel: Channel; today: string }) {
  const afterToday = (day: Dayjs) => day.format(ISO) > today;
  return (
    <>
      <Col span={12}>
        <Form.Item name="submittedOn" label="申请人提交日期" rules={[{ required: true, message: '请选择提交日期' }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={afterToday} allowClear={false} />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item
          name="receivedOn"
          label="收到申请日期"
          dependencies={['submittedOn', 'channel']}
          extra={channel === 'inPerson' ? '当面提交的，收到申请日期即提交日期' : undefined}
          rules={[
            { required: true, message: '请选择收到申请日期' },
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | undefined) => {
                const submitted = toIso(getFieldValue('submittedOn') as Dayjs | undefined);
                const received = toIso(value);
                if (submitted && received && received < submitted)
                  return Promise.reject(new Error('收到申请日期不能早于提交日期'));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabled={channel === 'inPerson'}
            disabledDate={afterToday}
            allowClear={false}
          />
        </Form.Item>
      </Col>
    </>
  );
}

/** 登记申请: what the applicant sent, and the day it counts as received (第三十一条). */
export function IntakeDrawer({ organId, open, onClose }: { organId: number; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<IntakeValues>();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const today = useServerToday(organId);
  const channel = Form.useWatch('channel', form) ?? 'inPerson';
  const submittedOn = Form.useWatch('submittedOn', form);

  // 当面提交: the received date is the submitted date (第三十一条第一项).
  useEffect(() => {
    if (channel === 'inPerson' && submittedOn) form.setFieldValue('receivedOn', submittedOn);
  }, [channel, submittedOn, form]);

  const save = useMutation({
    mutationFn: async (values: IntakeValues) => {
      const body = toIntakeBody(values);
      return unwrap(api.POST('/api/organs/{organId}/applications', { params: { path: { organId } }, body }));
    },
    onSuccess: async (created) => {
      await client.invalidateQueries({ queryKey: ['workbench'] });
      message.success(`已登记：${created.serialNo}`);
      form.resetFields();
      onClose();
      navigate(`/workbench/${created.id}`);
    },
  });

  return (
    <Drawer
      title="登记申请"
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            登记
          </Button>
        </Space>
      }
    >
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={initialValues(today)}
        onFinish={(values) => save.mutate(values)}
      >
        {save.error && (
          <Alert type="error" showIcon title="登记失败" description={save.error.message} style={{ marginBottom: 16 }} />
        )}
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="channel"
              label="申请渠道"
              extra={`条例第三十一条：${RECEIPT_RULES[channel]}`}
              rules={[{ required: true, message: '请选择申请渠道' }]}
            >
              <Select options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="applicantKind"
              label="申请人类型"
              rules={[{ required: true, message: '请选择申请人类型' }]}
            >
              <Select options={APPLICANT_KINDS.map((k) => ({ value: k, label: APPLICANT_KIND_LABELS[k] }))} />
            </Form.Item>
          </Col>
          <ApplicantFields />
          <DeliveryFields />
          <ReceiptDateFields channel={channel} today={today} />
        </Row>
      </Form>
    </Drawer>
  );
}
