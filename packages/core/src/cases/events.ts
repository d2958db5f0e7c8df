import type { CaseState } from './state.js';

/**
 * The day of the latest event the state records. Due dates (of a 补正 or a fee) are not events.
 * The state keeps no trace of a returned draft or of a rejected move, so an action may still be
 * dated before such a day; the server's event log is the place to check that.
 */
export function lastEventOn(state: CaseState): string {
  const dates: (string | undefined)[] = [
    state.receivedOn,
    state.periodStartsOn,
    state.correction?.noticeOn,
    state.correction?.correctedOn,
    state.extension?.requestedOn,
    state.extension?.approvedOn,
    state.extension?.rejectedOn,
    state.fee?.noticeOn,
    state.fee?.paidOn,
    state.answer?.draftedOn,
    state.answer?.approvedOn,
    state.closedOn,
    ...state.pauses.flatMap((pause) => [pause.from, pause.to]),
  ];
  let latest = state.receivedOn;
  for (const date of dates) if (date !== undefined && date > latest) latest = date;
  return latest;
}
