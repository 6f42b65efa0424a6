import { isPermanent, readBounceReport } from './bounce-report';

const evidence = (status: string, action = 'failed') => ({
  subject: 'Undelivered Mail Returned to Sender',
  text: 'Your message could not be delivered.',
  ownMessageId: 'own@x',
  inReplyTo: [],
  references: [],
  parts: [
    {
      mimeType: 'message/delivery-status',
      content: Buffer.from(
        `Reporting-MTA: dns; mx\r\n\r\nFinal-Recipient: rfc822; a@b\r\nAction: ${action}\r\nStatus: ${status}\r\n`,
      ),
    },
  ],
});

describe('hard and soft bounces', () => {
  it('a 5.x.x status is a hard bounce, a 4.x.x failure is soft, a delay is neither', () => {
    expect(readBounceReport(evidence('5.1.1'))).toMatchObject({ kind: 'failed', permanent: true });
    expect(readBounceReport(evidence('4.2.2'))).toMatchObject({ kind: 'failed', permanent: false });
    expect(readBounceReport(evidence('4.4.7', 'delayed'))).toMatchObject({ kind: 'delayed', permanent: false });
  });

  it('reads enhanced codes from a plain-text report, and counts a report with no code as permanent', () => {
    expect(isPermanent('host said: 550 5.1.1 user unknown')).toBe(true);
    // A full mailbox (X.2.2) is transient whatever its class: the address is not dead.
    expect(isPermanent('host said: 552 5.2.2 mailbox full')).toBe(false);
    expect(isPermanent('host said: 452 4.2.2 mailbox full, try later')).toBe(false);
    expect(isPermanent('The message could not be delivered.')).toBe(true);
    expect(isPermanent('Status: 4.2.2\nStatus: 5.1.1')).toBe(true);
  });
});
