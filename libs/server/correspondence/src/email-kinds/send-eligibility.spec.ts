import type { CancelReason, CaseStatus, ScheduledEmailKind, SupporterConsents } from '@campaign-desk/contracts';
import { whyNotSend, type EligibilityFacts } from './send-eligibility';

const consents: SupporterConsents = { contactByEmail: true, shareWithMp: true, shareWithTrust: false, media: false };
const consenting = { onHold: false, consents };
const facts = (
  kind: ScheduledEmailKind,
  caseStatus: CaseStatus,
  extra: Partial<EligibilityFacts> = {},
): EligibilityFacts => ({ kind, caseStatus, supporter: consenting, checkinAnswered: false, ...extra });
const without = (consent: keyof SupporterConsents) => ({ ...consenting, consents: { ...consents, [consent]: false } });

/** Per kind: a case on which it may go, and a change that makes it stale (with the reason it is cancelled for). */
const CASES: {
  [K in ScheduledEmailKind]: { eligible: EligibilityFacts; stale: EligibilityFacts; reason: CancelReason };
} = {
  reply: {
    eligible: facts('reply', 'mp_responded', { supporter: without('contactByEmail') }),
    stale: facts('reply', 'closed'),
    reason: 'case_closed',
  },
  supporter_checkin: {
    eligible: facts('supporter_checkin', 'awaiting_mp'),
    stale: facts('supporter_checkin', 'awaiting_mp', { checkinAnswered: true }),
    reason: 'checkin_answered',
  },
  checkin_reminder: {
    eligible: facts('checkin_reminder', 'awaiting_mp'),
    stale: facts('checkin_reminder', 'follow_up'),
    reason: 'case_moved_on',
  },
  mp_chase: {
    eligible: facts('mp_chase', 'awaiting_mp', { supporter: without('contactByEmail') }),
    stale: facts('mp_chase', 'mp_responded'),
    reason: 'mp_responded',
  },
  meeting_thank_you: {
    eligible: facts('meeting_thank_you', 'follow_up'),
    stale: facts('meeting_thank_you', 'follow_up', { supporter: without('shareWithMp') }),
    reason: 'no_consent',
  },
  action_chase: {
    eligible: facts('action_chase', 'mp_responded'),
    stale: facts('action_chase', 'in_progress', { supporter: { ...consenting, onHold: true } }),
    reason: 'supporter_on_hold',
  },
  mp_email: {
    eligible: facts('mp_email', 'in_progress'),
    stale: facts('mp_email', 'in_progress', { supporter: null }),
    reason: 'no_consent',
  },
};

describe('whyNotSend', () => {
  describe.each(Object.entries(CASES))('%s', (_kind, { eligible, stale, reason }) => {
    it('goes when nothing has changed', () => expect(whyNotSend(eligible)).toBeNull());
    it(`is cancelled (${reason}) once stale`, () => expect(whyNotSend(stale)).toBe(reason));
  });

  it('stops everything on a closed or on-hold case, or for a supporter on hold', () => {
    expect(whyNotSend(facts('mp_email', 'closed'))).toBe('case_closed');
    expect(whyNotSend(facts('mp_chase', 'on_hold'))).toBe('case_on_hold');
    expect(whyNotSend(facts('reply', 'in_progress', { supporter: { ...consenting, onHold: true } }))).toBe(
      'supporter_on_hold',
    );
  });

  it('sends nothing to or about a deleted (or erased) supporter, whatever the kind', () => {
    for (const kind of ['reply', 'mp_chase', 'meeting_thank_you'] as const) {
      expect(whyNotSend(facts(kind, 'awaiting_mp', { supporter: { ...consenting, removed: true } }))).toBe(
        'supporter_deleted',
      );
    }
  });

  it('stops the chase plan once the MP has responded or the case has moved on, and nothing else', () => {
    expect(whyNotSend(facts('supporter_checkin', 'mp_responded'))).toBe('mp_responded');
    expect(whyNotSend(facts('mp_chase', 'follow_up'))).toBe('case_moved_on');
    expect(whyNotSend(facts('meeting_thank_you', 'mp_responded'))).toBeNull();
  });

  it('needs consent to email the supporter for check-ins, and to share with the MP for anything to the MP', () => {
    expect(whyNotSend(facts('supporter_checkin', 'awaiting_mp', { supporter: without('contactByEmail') }))).toBe(
      'no_consent',
    );
    expect(whyNotSend(facts('reply', 'in_progress', { supporter: without('shareWithMp') }))).toBeNull();
    expect(whyNotSend(facts('mp_chase', 'awaiting_mp', { supporter: without('shareWithMp') }))).toBe('no_consent');
  });

  it('gives the first reason: a closed case over a missing consent', () => {
    expect(whyNotSend(facts('mp_email', 'closed', { supporter: without('shareWithMp') }))).toBe('case_closed');
  });
});
