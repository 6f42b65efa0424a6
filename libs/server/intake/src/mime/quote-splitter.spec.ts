import { splitQuotedText } from './quote-splitter';

describe('splitQuotedText', () => {
  it('keeps a message with no quote whole', () => {
    expect(splitQuotedText('Hello\n\nMy mum is waiting.\n')).toEqual({
      fresh: 'Hello\n\nMy mum is waiting.',
      quoted: '',
    });
  });

  it('splits at an "On ... wrote:" attribution', () => {
    const text =
      'Thanks, that helps.\n\nOn Mon, 2 Apr 2012 at 18:26, Case Team <team@example.org> wrote:\n> Hi\n> How are you?\n';
    expect(splitQuotedText(text)).toEqual({
      fresh: 'Thanks, that helps.',
      quoted: 'On Mon, 2 Apr 2012 at 18:26, Case Team <team@example.org> wrote:\n> Hi\n> How are you?',
    });
  });

  it('splits at an attribution wrapped over two lines', () => {
    const text =
      'Yes please.\n\nOn Thu, Aug 19, 2021 at 2:07 PM Case Team <\nteam@example.org> wrote:\n\n> Any update?\n';
    const split = splitQuotedText(text);
    expect(split.fresh).toBe('Yes please.');
    expect(split.quoted).toMatch(/^On Thu.*\nteam@example.org> wrote:\n\n> Any update\?$/);
  });

  it('splits at -----Original Message-----', () => {
    const text =
      'See below.\n\n-----Original Message-----\nFrom: Case Team\nSent: 9 March 2012\nSubject: Your case\n\nHello\n';
    const split = splitQuotedText(text);
    expect(split.fresh).toBe('See below.');
    expect(split.quoted).toMatch(/^-----Original Message-----\nFrom: Case Team/);
  });

  it('splits at an Outlook From:/Sent: block', () => {
    const text =
      'Hello\n\nFrom: team@example.org [mailto:team@example.org]\nSent: March-09-12 4:22 PM\nTo: Me\nSubject: x\n\nOld text\n';
    expect(splitQuotedText(text)).toEqual({
      fresh: 'Hello',
      quoted:
        'From: team@example.org [mailto:team@example.org]\nSent: March-09-12 4:22 PM\nTo: Me\nSubject: x\n\nOld text',
    });
  });

  it('splits at an underscore rule followed by From:', () => {
    const text = 'Reply here\n\n________________________________\nFrom: Case Team\nSent: today\n\nOld\n';
    expect(splitQuotedText(text).fresh).toBe('Reply here');
  });

  it('does not fold a forwarded message (the forward is the content)', () => {
    const text =
      'Please see my letter below.\n\n---------- Forwarded message ---------\nFrom: Hospital <h@nhs.example>\nDate: Mon\nSubject: Appointment\n\nYour surgery is cancelled.\n';
    expect(splitQuotedText(text)).toEqual({ fresh: text.trim(), quoted: '' });
  });

  it('treats a trailing block of ">" lines as the quote, with its attribution line', () => {
    const text = 'Hello\n\n02.04.2012 14:20 user "bob@example.org" <\nbob@example.org> wrote something:\n\n> Hi\n>\n';
    const split = splitQuotedText(text);
    expect(split.fresh).toBe('Hello');
    expect(split.quoted).toMatch(/^02\.04\.2012 14:20 user/);
  });

  it('keeps the reply of a bottom-posted message (quote above, answer below)', () => {
    const text =
      'On 7 May 2012, Case Team <team@example.org> wrote:\n> Can you do Friday?\n> Thanks\n\nFriday is fine.\nMarc\n';
    expect(splitQuotedText(text)).toEqual({
      fresh: 'Friday is fine.\nMarc',
      quoted: 'On 7 May 2012, Case Team <team@example.org> wrote:\n> Can you do Friday?\n> Thanks',
    });
  });

  it('leaves interleaved replies whole', () => {
    const text = '> Question one?\nAnswer one.\n> Question two?\nAnswer two.\n';
    expect(splitQuotedText(text)).toEqual({ fresh: text.trim(), quoted: '' });
  });

  it('never folds everything away: an all-quote message stays visible', () => {
    const text = '> only a quote\n> nothing else\n';
    expect(splitQuotedText(text)).toEqual({ fresh: text.trim(), quoted: '' });
  });

  it('does not split on a person quoting a letter without an address', () => {
    const text = 'The consultant wrote:\n"We will be in touch."\nNobody has been in touch.';
    expect(splitQuotedText(text).quoted).toBe('');
  });

  it('handles CRLF line endings', () => {
    expect(splitQuotedText('Hi\r\n\r\nOn Mon, Bob <b@example.org> wrote:\r\n> x\r\n').fresh).toBe('Hi');
  });
});
