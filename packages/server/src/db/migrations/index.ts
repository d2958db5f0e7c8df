import type { Migration } from 'kysely';
import * as organsUsersAudit from './0001-organs-users-audit.js';
import * as applications from './0002-applications.js';
import * as registers from './0003-registers.js';
import * as reports from './0004-reports.js';
import * as listIndexes from './0005-list-indexes.js';
import * as deadlineMoves from './0006-deadline-moves.js';
import * as importContentHash from './0007-import-content-hash.js';
import * as security from './0008-security.js';
import * as answerText from './0009-answer-text.js';
import * as remindersUrgesTransfers from './0010-reminders-urges-transfers.js';
import * as assignee from './0011-assignee.js';
import * as corpus from './0012-corpus.js';
import * as corpusSummaries from './0013-corpus-summaries.js';
import * as corpusOutliers from './0014-corpus-outliers.js';
import * as corpusRollups from './0015-corpus-rollups.js';
import * as corpusRegionCells from './0016-corpus-region-cells.js';
import * as corpusRegionCellParts from './0017-corpus-region-cell-parts.js';
import * as corpusRefreshParts from './0018-corpus-refresh-parts.js';

/** Every migration in order; the key is the name recorded in the database and must never change. */
export const migrations: Record<string, Migration> = {
  '0001-organs-users-audit': organsUsersAudit,
  '0002-applications': applications,
  '0003-registers': registers,
  '0004-reports': reports,
  '0005-list-indexes': listIndexes,
  '0006-deadline-moves': deadlineMoves,
  '0007-import-content-hash': importContentHash,
  '0008-security': security,
  '0009-answer-text': answerText,
  '0010-reminders-urges-transfers': remindersUrgesTransfers,
  '0011-assignee': assignee,
  '0012-corpus': corpus,
  '0013-corpus-summaries': corpusSummaries,
  '0014-corpus-outliers': corpusOutliers,
  '0015-corpus-rollups': corpusRollups,
  '0016-corpus-region-cells': corpusRegionCells,
  '0017-corpus-region-cell-parts': corpusRegionCellParts,
  '0018-corpus-refresh-parts': corpusRefreshParts,
};
