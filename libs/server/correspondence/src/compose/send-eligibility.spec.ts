import type { CaseStatus, ScheduledEmailKind } from '@campaign-desk/contracts';
import { whyNotSend, type EligibilityFacts } from './send-eligibility';

const consenting = {
  onHold: false,
  consents: { contactByEmail: true, shareWithMp: true, shareWithTrust: false, media: false },
};
const facts = (
  kind: ScheduledEmailKind,
  caseStatus: CaseStatus,
  extra: Partial<EligibilityFacts> = {},
): EligibilityFacts => ({
  kind,
  caseStatus,
  supporter: consenting,
  checkinAnswered: false,
  ...extra,
});

describe('whyNotSend', () => {
  it('lets the chase plan go while the case awaits the MP', () => {
    for (const kind of ['supporter_checkin', 'checkin_reminder', 'mp_chase'] as const)
      expect(whyNotSend(facts(kind, 'awaiting_mp'))).toBeNull();
  });

  it('stops everything on a closed or on-hold case, or for a supporter on hold', () => {
    expect(whyNotSend(facts('reply', 'closed'))).toBe('case_closed');
    expect(whyNotSend(facts('mp_chase', 'on_hold'))).toBe('case_on_hold');
    expect(whyNotSend(facts('reply', 'in_progress', { supporter: { ...consenting, onHold: true } }))).toBe(
      'supporter_on_hold',
    );
  });

  it('stops chases once the MP has responded or the case has moved on', () => {
    expect(whyNotSend(facts('mp_chase', 'mp_responded'))).toBe('mp_responded');
    expect(whyNotSend(facts('supporter_checkin', 'follow_up'))).toBe('case_moved_on');
    expect(whyNotSend(facts('reply', 'mp_responded'))).toBeNull();
  });

  it('sends no check-in that was answered', () => {
    expect(whyNotSend(facts('checkin_reminder', 'awaiting_mp', { checkinAnswered: true }))).toBe('checkin_answered');
  });

  it('needs consent to email the supporter for check-ins, and to share with the MP for MP emails', () => {
    const noEmail = { ...consenting, consents: { ...consenting.consents, contactByEmail: false } };
    const noShare = { ...consenting, consents: { ...consenting.consents, shareWithMp: false } };
    expect(whyNotSend(facts('supporter_checkin', 'awaiting_mp', { supporter: noEmail }))).toBe('no_consent');
    expect(whyNotSend(facts('reply', 'in_progress', { supporter: noEmail }))).toBeNull();
    expect(whyNotSend(facts('mp_chase', 'awaiting_mp', { supporter: noShare }))).toBe('no_consent');
    expect(whyNotSend(facts('mp_email', 'in_progress', { supporter: noShare }))).toBe('no_consent');
    expect(whyNotSend(facts('mp_email', 'in_progress', { supporter: null }))).toBe('no_consent');
  });
});
