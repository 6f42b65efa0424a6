import { classifyMachineMail, isDelayNotice, type ClassificationInput } from './classify';

function input(headers: Record<string, string>, extra: Partial<ClassificationInput> = {}): ClassificationInput {
  return {
    headers: new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), [v]])),
    subject: headers.Subject ?? '',
    fromAddress: 'someone@example.org',
    fromName: 'Someone',
    partTypes: [],
    text: '',
    ...extra,
  };
}

const classify = (headers: Record<string, string>, extra?: Partial<ClassificationInput>) =>
  classifyMachineMail(input(headers, extra)).classification;

describe('classifyMachineMail', () => {
  it('leaves an ordinary message to threading', () => {
    expect(classifyMachineMail(input({ Subject: 'My mum has been waiting weeks for surgery' }))).toEqual({
      classification: null,
      rule: null,
    });
  });

  it.each([
    [{ 'Auto-Submitted': 'auto-replied' }],
    [{ 'Auto-Submitted': 'auto-generated (vacation)' }],
    [{ 'X-Autoreply': 'yes' }],
    [{ 'X-Autorespond': 'Out of office' }],
    [{ Precedence: 'bulk' }],
    [{ Precedence: 'auto_reply' }],
    [{ Precedence: 'list' }],
  ])('detects an auto-reply by headers %j', (headers) => {
    expect(classify(headers)).toBe('auto_reply');
  });

  it('does not treat Auto-Submitted: no as an auto-reply', () => {
    expect(classify({ 'Auto-Submitted': 'no' })).toBeNull();
    expect(classify({ 'X-Autoreply': 'no' })).toBeNull();
  });

  it.each([
    'Automatic reply: Nyaan',
    'Auto-Reply: your message',
    'Autoreply',
    'Out of Office: Re: my case',
    'Out of the office until Monday',
    'OOO until 5 May',
    'Away until May 5',
    'On annual leave',
    'I am currently out of the office',
    'Abwesenheitsnotiz: Anfrage',
    'Réponse automatique : votre message',
    'Respuesta automática: hola',
  ])('detects the out-of-office subject %s', (subject) => {
    expect(classify({ Subject: subject })).toBe('auto_reply');
  });

  it.each([
    'Out of office hours GP would not refer my dad',
    'Cancelled surgery while my husband was on leave',
    'Re: away from home for treatment',
    'I am out of options',
  ])('does not mistake the request %s for an auto-reply', (subject) => {
    expect(classify({ Subject: subject })).toBeNull();
  });

  it('detects bounces by structure, sender and plain-text DSN wording', () => {
    expect(classify({ 'Content-Type': 'multipart/report; report-type=delivery-status; boundary="x"' })).toBe('bounce');
    expect(classify({}, { partTypes: ['message/delivery-status'] })).toBe('bounce');
    expect(
      classify({ Subject: 'Delivery Status Notification (Failure)' }, { fromAddress: 'mailer-daemon@googlemail.com' }),
    ).toBe('bounce');
    expect(classify({}, { fromAddress: 'POSTMASTER@example.org' })).toBe('bounce');
    expect(classify({}, { fromAddress: null, fromName: 'Mail Delivery System' })).toBe('bounce');
    expect(classify({ Subject: 'Undeliverable: hello', 'Return-Path': '<>' })).toBe('bounce');
    expect(
      classify(
        { Subject: 'Returned mail: see transcript' },
        { text: 'The message could not be delivered to a recipient' },
      ),
    ).toBe('bounce');
  });

  it('does not call a person a bounce for an alarming subject alone', () => {
    expect(
      classify(
        { Subject: 'Undelivered results from my scan', 'Return-Path': '<mum@example.org>' },
        { text: 'Please help' },
      ),
    ).toBeNull();
  });

  it('detects read receipts', () => {
    expect(classify({ 'Content-Type': 'multipart/report; report-type=disposition-notification; boundary=x' })).toBe(
      'read_receipt',
    );
    expect(classify({}, { partTypes: ['message/disposition-notification'] })).toBe('read_receipt');
  });

  it('detects flagged spam', () => {
    expect(classify({ 'X-Spam-Flag': 'YES' })).toBe('spam');
    expect(classify({ 'X-Spam-Status': 'Yes, score=12.1 required=5.0' })).toBe('spam');
    expect(classify({ 'X-Spam-Flag': 'NO', 'X-Spam-Status': 'No, score=0.1' })).toBeNull();
  });

  it('names the rule that matched', () => {
    expect(classifyMachineMail(input({ 'Auto-Submitted': 'auto-replied' })).rule).toBe('auto_submitted');
    // A bounce carries Auto-Submitted too; structure wins.
    expect(
      classifyMachineMail(
        input({ 'Auto-Submitted': 'auto-replied', 'Content-Type': 'multipart/report; report-type=delivery-status' }),
      ).classification,
    ).toBe('bounce');
  });
});

describe('isDelayNotice', () => {
  it('reads the Action fields of the delivery status', () => {
    expect(isDelayNotice('x', 'Action: delayed\nStatus: 4.4.7')).toBe(true);
    expect(isDelayNotice('x', 'Action: failed\nStatus: 5.1.1')).toBe(false);
    expect(isDelayNotice('x', 'Action: delayed\n\nAction: failed')).toBe(false);
  });

  it('falls back to the subject', () => {
    expect(isDelayNotice('Delivery Status Notification (Delay)', '')).toBe(true);
    expect(isDelayNotice('Delivery Status Notification (Failure)', '')).toBe(false);
  });
});
