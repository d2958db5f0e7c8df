import nodemailer from 'nodemailer';

/**
 * Reminder mails through the SMTP server the operator names (XXGK_SMTP_URL, e.g.
 * `smtps://user:password@mail.example.gov.cn:465`), sent from XXGK_SMTP_FROM. A mail names the
 * case number and the deadline only: never the applicant, their ID number or phone.
 */
export interface Mailer {
  send(to: string, subject: string, text: string): Promise<void>;
  close(): void;
}

export interface MailConfig {
  readonly url: string;
  readonly from: string;
}

/** The SMTP settings from the environment, or undefined when mail is off (no XXGK_SMTP_URL). */
export function mailConfigFrom(env: NodeJS.ProcessEnv): MailConfig | undefined {
  const url = env.XXGK_SMTP_URL?.trim();
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('XXGK_SMTP_URL 应为 smtp://主机:端口 或 smtps://用户名:密码@主机:端口 形式的地址');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') {
    throw new Error(`XXGK_SMTP_URL 的协议应为 smtp 或 smtps，而不是“${parsed.protocol.replace(':', '')}”`);
  }
  return { url, from: env.XXGK_SMTP_FROM?.trim() || `政府信息公开工作平台 <xxgk@${parsed.hostname}>` };
}

export function smtpMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport(config.url);
  return {
    async send(to, subject, text) {
      await transport.sendMail({ from: config.from, to, subject, text });
    },
    close: () => transport.close(),
  };
}

/** The body of a reminder mail: the reminder, and where to act on it. */
export function mailText(title: string, dueOn: string | null): string {
  return [
    title,
    ...(dueOn ? [`答复期限：${dueOn}`] : []),
    '',
    '请登录政府信息公开工作平台，在“提醒”中查看并办理。',
    '（本邮件由系统自动发送，不含申请人个人信息，请勿回复。）',
  ].join('\n');
}
