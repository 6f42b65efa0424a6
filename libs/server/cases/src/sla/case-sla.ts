import { Injectable } from '@nestjs/common';
import type { CaseStatus } from '@campaign-desk/contracts';
import { AppConfig, holidayRegionForNation, workingDaysDueAt } from '@campaign-desk/server-core';

/** The SLA columns of a case. */
export interface SlaState {
  status: CaseStatus;
  nation: string | null;
  createdAt: Date;
  firstResponseDueAt: Date | null;
  firstRespondedAt: Date | null;
  nextUpdateDueAt: Date | null;
  slaDueAt: Date | null;
}

export type SlaColumns = Pick<SlaState, 'firstResponseDueAt' | 'firstRespondedAt' | 'nextUpdateDueAt' | 'slaDueAt'>;

/** Statuses that show the case has been picked up and the supporter answered (until correspondence records replies itself). */
const WORKING_STATUSES: CaseStatus[] = ['in_progress', 'awaiting_mp', 'mp_responded', 'follow_up'];

/**
 * The SLA rules, in one place:
 * - first response is due SLA_FIRST_RESPONSE_WORKING_DAYS working days after the case opened;
 * - it is met by a recorded supporter update, or by moving the case into a working status;
 * - after that, an update is due SLA_NEXT_UPDATE_WORKING_DAYS working days after the last one
 *   (a recorded update or a status change);
 * - on hold and closed cases are paused: nothing is due (leaving hold restarts the clock from then);
 * - working days are Europe/London, skipping weekends and the bank holidays of the case's nation.
 * `slaDueAt` is the earliest pending due time, which the overdue view and its sort read.
 */
@Injectable()
export class CaseSlaPolicy {
  constructor(private readonly config: AppConfig) {}

  firstResponseDue(from: Date, nation: string | null): Date {
    return workingDaysDueAt(from, this.config.SLA_FIRST_RESPONSE_WORKING_DAYS, holidayRegionForNation(nation));
  }

  nextUpdateDue(from: Date, nation: string | null): Date {
    return workingDaysDueAt(from, this.config.SLA_NEXT_UPDATE_WORKING_DAYS, holidayRegionForNation(nation));
  }

  forNewCase(createdAt: Date, nation: string | null): SlaColumns {
    const firstResponseDueAt = this.firstResponseDue(createdAt, nation);
    return { firstResponseDueAt, firstRespondedAt: null, nextUpdateDueAt: null, slaDueAt: firstResponseDueAt };
  }

  /** After a status change at `at` from `from` to `state.status`. */
  afterTransition(state: SlaState, from: CaseStatus, at: Date): SlaColumns {
    let { firstResponseDueAt, firstRespondedAt, nextUpdateDueAt } = state;
    const to = state.status;
    if (to === 'closed') {
      nextUpdateDueAt = null;
    } else if (to !== 'on_hold') {
      if (firstRespondedAt === null && WORKING_STATUSES.includes(to)) firstRespondedAt = at;
      if (firstRespondedAt !== null) nextUpdateDueAt = this.nextUpdateDue(at, state.nation);
      else if (from === 'on_hold') firstResponseDueAt = this.firstResponseDue(at, state.nation);
    }
    return this.withDue({ ...state, firstResponseDueAt, firstRespondedAt, nextUpdateDueAt });
  }

  /** The supporter was sent an update (a reply from the case) at `at`. */
  afterSupporterUpdate(state: SlaState, at: Date): SlaColumns {
    const firstRespondedAt = state.firstRespondedAt ?? at;
    const paused = state.status === 'on_hold' || state.status === 'closed';
    const nextUpdateDueAt = paused ? state.nextUpdateDueAt : this.nextUpdateDue(at, state.nation);
    return this.withDue({ ...state, firstRespondedAt, nextUpdateDueAt });
  }

  /** The case's nation changed: an unmet first response is re-counted with the new nation's holidays. */
  afterNationChange(state: SlaState): SlaColumns {
    const firstResponseDueAt =
      state.firstRespondedAt === null ? this.firstResponseDue(state.createdAt, state.nation) : state.firstResponseDueAt;
    return this.withDue({ ...state, firstResponseDueAt });
  }

  private withDue(state: SlaState): SlaColumns {
    const paused = state.status === 'on_hold' || state.status === 'closed';
    const slaDueAt = paused ? null : state.firstRespondedAt === null ? state.firstResponseDueAt : state.nextUpdateDueAt;
    return {
      firstResponseDueAt: state.firstResponseDueAt,
      firstRespondedAt: state.firstRespondedAt,
      nextUpdateDueAt: state.nextUpdateDueAt,
      slaDueAt,
    };
  }
}
