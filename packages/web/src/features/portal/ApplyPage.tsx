import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Radio, Row, Select } from 'antd';
import {
  APPLICANT_KIND_LABELS,
  DELIVERY_FORM_LABELS,
  DELIVERY_FORMS,
  DELIVERY_WAY_LABELS,
  DELIVERY_WAYS,
  type ApplicantKind,
  type DeliveryForm,
  type DeliveryWay,
} from '@xxgk/core';
import { useState } from 'react';
import { applicantRules, contactRule, maxLengthOf } from '../../components/applicantRules.js';
import { ErrorState, Loading } from '../../components/PageState.js';
import { fetchCaptcha, fetchOrgans, portalKeys, submitApplication, type CaptchaMode } from './api.js';
import { CaptchaField } from './CaptchaField.js';
import { LawNote } from './LawNote.js';
import { ReceiptView } from './ReceiptView.js';
import type { PortalOrgan, PortalReceipt } from './types.js';
import { matchesOrgan, organGroups } from './organOptions.js';

const ORGANISATION_KINDS: readonly ApplicantKind[] = ['business', 'research', 'ngo', 'legal', 'otherOrg'];

interface Values {
  organId: number;
  applicantType: 'natural' | 'organisation';
  organisationKind?: ApplicantKind;
  applicantName: string;
  applicantIdNumber?: string;
  applicantPhone?: string;
  applicantEmail?: string;
  applicantAddress?: string;
  request: string;
  deliveryForm: DeliveryForm;
  deliveryWay: DeliveryWay;
  captchaAnswer: string;
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

/** The request body from the form's values: the captcha's token, text trimmed, blanks left out. */
function toPortalBody(values: Values, captchaToken: string) {
  return {
    organId: values.organId,
    captchaToken,
    captchaAnswer: values.captchaAnswer,
    applicantKind: values.applicantType === 'natural' ? 'natural' : (values.organisationKind ?? 'otherOrg'),
    applicantName: values.applicantName.trim(),
    ...(values.applicantType === 'natural' && blank(values.applicantIdNumber)
      ? { applicantIdNumber: blank(values.applicantIdNumber) }
      : {}),
    ...(blank(values.applicantPhone) ? { applicantPhone: blank(values.applicantPhone) } : {}),
    ...(blank(values.applicantEmail) ? { applicantEmail: blank(values.applicantEmail) } : {}),
    ...(blank(values.applicantAddress) ? { applicantAddress: blank(values.applicantAddress) } : {}),
    request: values.request.trim(),
    deliveryForm: values.deliveryForm,
    deliveryWay: values.deliveryWay,
  } as const;
}

/** 受理机关: found by region, then chosen among that region's organs. */
function OrganField({ organs }: { organs: readonly PortalOrgan[] }) {
  return (
    <Form.Item label="受理机关" name="organId" rules={[{ required: true, message: '请选择受理申请的行政机关' }]}>
      <Select
        showSearch={{ filterOption: matchesOrgan }}
        listHeight={400}
        placeholder="请先找到所在地区，再选择该地区的行政机关（可输入地区或机关名称查找）"
        options={organGroups(organs)}
      />
    </Form.Item>
  );
}

/** Who applies (第二十九条): a person or an organisation, its name, identity and contacts. */
function ApplicantFields({ applicantType }: { applicantType: Values['applicantType'] | undefined }) {
  return (
    <>
      <Form.Item label="申请人类型" name="applicantType">
        <Radio.Group
          options={[
            { value: 'natural', label: '自然人' },
            { value: 'organisation', label: '法人或其他组织' },
          ]}
        />
      </Form.Item>
      {applicantType === 'organisation' && (
        <Form.Item
          label="组织类型"
          name="organisationKind"
          rules={[{ required: true, message: '请选择法人或其他组织的类型' }]}
        >
          <Select
            placeholder="请选择"
            options={ORGANISATION_KINDS.map((k) => ({ value: k, label: APPLICANT_KIND_LABELS[k] }))}
          />
        </Form.Item>
      )}
      <Form.Item
        label={applicantType === 'organisation' ? '名称' : '姓名'}
        name="applicantName"
        rules={applicantRules('applicantName')}
      >
        <Input
          maxLength={maxLengthOf('applicantName')}
          autoComplete={applicantType === 'organisation' ? 'organization' : 'name'}
        />
      </Form.Item>
      {applicantType !== 'organisation' && (
        <Form.Item
          label="身份证件号码"
          name="applicantIdNumber"
          extra="身份证明（第二十九条），仅受理机关可见"
          rules={applicantRules('applicantIdNumber', true)}
        >
          <Input maxLength={maxLengthOf('applicantIdNumber')} autoComplete="off" />
        </Form.Item>
      )}
      <Form.Item
        label="联系电话"
        name="applicantPhone"
        dependencies={['applicantEmail', 'applicantAddress']}
        rules={[contactRule]}
      >
        <Input maxLength={maxLengthOf('applicantPhone')} autoComplete="tel" />
      </Form.Item>
      <Form.Item label="电子邮箱" name="applicantEmail" rules={applicantRules('applicantEmail')}>
        <Input maxLength={maxLengthOf('applicantEmail')} autoComplete="email" />
      </Form.Item>
      <Form.Item label="通信地址" name="applicantAddress">
        <Input maxLength={maxLengthOf('applicantAddress')} autoComplete="street-address" />
      </Form.Item>
    </>
  );
}

/** What is asked for, and how and by what way the applicant wants it. */
function RequestFields() {
  return (
    <>
      <Form.Item
        label="所需政府信息"
        name="request"
        extra="政府信息的名称、文号或者便于行政机关查询的其他特征性描述"
        rules={applicantRules('request')}
      >
        <Input.TextArea rows={3} maxLength={maxLengthOf('request')} showCount />
      </Form.Item>
      <Form.Item label="获取信息的方式" name="deliveryForm">
        <Radio.Group options={DELIVERY_FORMS.map((f) => ({ value: f, label: DELIVERY_FORM_LABELS[f] }))} />
      </Form.Item>
      <Form.Item label="获取信息的途径" name="deliveryWay">
        <Radio.Group options={DELIVERY_WAYS.map((w) => ({ value: w, label: DELIVERY_WAY_LABELS[w] }))} />
      </Form.Item>
    </>
  );
}

/** A captcha of the mode chosen, renewed before its ten minutes run out; each is used once. */
function useCaptcha(mode: CaptchaMode) {
  return useQuery({
    queryKey: portalKeys.captcha(mode),
    queryFn: () => fetchCaptcha(mode),
    staleTime: 9 * 60_000,
    gcTime: 0,
    refetchInterval: 9 * 60_000,
  });
}

/** 验证码: the challenge (an image, or text for screen readers) and the answer. */
function CaptchaItem({
  mode,
  captcha,
  onModeChange,
  onRefresh,
}: {
  mode: CaptchaMode;
  captcha: ReturnType<typeof useCaptcha>;
  onModeChange: (mode: CaptchaMode) => void;
  onRefresh: () => void;
}) {
  return (
    <Form.Item
      label="验证码"
      name="captchaAnswer"
      rules={[{ required: true, whitespace: true, message: '请填写算式的结果' }]}
    >
      <CaptchaField
        mode={mode}
        onModeChange={onModeChange}
        svg={captcha.data?.svg}
        question={captcha.data?.question}
        loading={captcha.isFetching}
        error={captcha.error?.message}
        onRefresh={onRefresh}
      />
    </Form.Item>
  );
}

/** Why the application was not taken; the form stays filled in to try again. */
function SubmitError({ message }: { message: string }) {
  return <Alert type="error" showIcon title="提交未成功" description={message} style={{ marginBottom: 16 }} />;
}

/** 提交申请, centred under the form. */
function SubmitItem({ loading }: { loading: boolean }) {
  return (
    <Form.Item wrapperCol={{ offset: 0 }} style={{ marginBottom: 0, textAlign: 'center' }}>
      <Button type="primary" htmlType="submit" size="large" loading={loading} style={{ minWidth: 200 }}>
        提交申请
      </Button>
    </Form.Item>
  );
}

/** 提交申请: the organ, the contents 第二十九条 asks for, the captcha; then the receipt with the 查询码. */
export default function ApplyPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [receipt, setReceipt] = useState<PortalReceipt>();
  const organs = useQuery({ queryKey: portalKeys.organs, queryFn: fetchOrgans });
  const [captchaMode, setCaptchaMode] = useState<CaptchaMode>('image');
  const captcha = useCaptcha(captchaMode);
  const applicantType = Form.useWatch('applicantType', form);
  const submit = useMutation({
    mutationFn: (values: Values) => submitApplication(toPortalBody(values, captcha.data?.token ?? '')),
    onSuccess: (result) => {
      setReceipt(result);
      window.scrollTo(0, 0);
    },
    onError: (error) => {
      void message.error(error.message);
      // Each captcha is good for one attempt.
      form.setFieldValue('captchaAnswer', '');
      void captcha.refetch();
    },
  });

  if (receipt) {
    return (
      <ReceiptView
        receipt={receipt}
        onAnother={() => {
          setReceipt(undefined);
          form.resetFields();
          submit.reset();
          void captcha.refetch();
        }}
      />
    );
  }
  if (organs.isLoading) return <Loading />;
  if (organs.error) return <ErrorState error={organs.error} onRetry={() => void organs.refetch()} />;

  return (
    <Row gutter={20} align="top">
      <Col span={16}>
        <Card title="网上提交政府信息公开申请">
          {submit.error && <SubmitError message={submit.error.message} />}
          <Form<Values>
            form={form}
            layout="horizontal"
            labelCol={{ flex: '150px' }}
            wrapperCol={{ flex: 'auto' }}
            initialValues={{ applicantType: 'natural', deliveryForm: 'electronic', deliveryWay: 'email' }}
            onFinish={(values) => submit.mutate(values)}
            scrollToFirstError
          >
            <OrganField organs={organs.data ?? []} />
            <ApplicantFields applicantType={applicantType} />
            <RequestFields />
            <CaptchaItem
              mode={captchaMode}
              captcha={captcha}
              onModeChange={(mode) => {
                form.setFieldValue('captchaAnswer', '');
                setCaptchaMode(mode);
              }}
              onRefresh={() => {
                form.setFieldValue('captchaAnswer', '');
                void captcha.refetch();
              }}
            />
            <SubmitItem loading={submit.isPending} />
          </Form>
        </Card>
      </Col>
      <Col span={8} style={{ position: 'sticky', top: 16 }}>
        <LawNote />
      </Col>
    </Row>
  );
}
