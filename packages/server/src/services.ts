import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import { systemClock, type Clock } from './clock.js';
import { ImportService } from './features/imports/service.js';
import { StatisticsService } from './features/statistics/service.js';
import { ApplicationService } from './features/applications/service.js';
import { AuthService } from './features/auth/service.js';
import { CalendarService } from './features/calendar/service.js';
import { OrganService } from './features/organs/service.js';
import { PortalService } from './features/portal/service.js';
import { RegisterService } from './features/registers/service.js';
import { ReportService } from './features/reports/service.js';
import { SupervisionService } from './features/supervision/service.js';
import type { Mailer } from './features/notifications/mail.js';
import { NotificationService } from './features/notifications/service.js';
import { TransferService } from './features/transfers/service.js';
import { UrgeService } from './features/urges/service.js';
import { WorkloadService } from './features/workload/service.js';
import { ExportService } from './features/exports/service.js';
import { CorpusService } from './features/corpus/service.js';
import { CorpusAnalysisService } from './features/corpus-analysis/service.js';

export interface ServiceOptions {
  /** Today's date in China; tests fix it. */
  readonly today?: Clock;
  /** Where reminder mails go; none = no mail (XXGK_SMTP_URL unset). */
  readonly mailer?: Mailer;
}

/** Every service, wired once per process over one database. */
export function createServices(db: Kysely<Database>, options: ServiceOptions = {}) {
  const today = options.today ?? systemClock;
  const calendar = new CalendarService(db);
  const applications = new ApplicationService(db, calendar, today);
  const registers = new RegisterService(db);
  const supervision = new SupervisionService(db, today);
  return {
    db,
    today,
    auth: new AuthService(db),
    calendar,
    organs: new OrganService(db),
    applications,
    portal: new PortalService(db, calendar, applications, today),
    registers,
    reports: new ReportService(db, today),
    supervision,
    exports: new ExportService(db, applications, registers, supervision),
    statistics: new StatisticsService(db),
    imports: new ImportService(db),
    notifications: new NotificationService(db, calendar, today, options.mailer),
    urges: new UrgeService(db, today),
    transfers: new TransferService(db, calendar, today),
    workload: new WorkloadService(db, calendar, today),
    corpus: new CorpusService(db),
    corpusAnalysis: new CorpusAnalysisService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
