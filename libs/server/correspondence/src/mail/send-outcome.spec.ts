import { classifySendError, retryDelayMs } from './send-outcome';

describe('classifySendError', () => {
  it('retries a temporary refusal (4xx), whenever it came', () => {
    expect(
      classifySendError({ code: 'EMESSAGE', responseCode: 451, message: 'Message failed: 451 try later' }, true),
    ).toMatchObject({ kind: 'retry', responseCode: 451 });
    expect(classifySendError({ code: 'EENVELOPE', responseCode: 421, message: 'busy' }, false)).toMatchObject({
      kind: 'retry',
      responseCode: 421,
    });
  });

  it('fails a permanent refusal (5xx) without retrying', () => {
    expect(
      classifySendError(
        {
          code: 'EENVELOPE',
          responseCode: 550,
          message: 'Recipient command failed: 550 <ann@example.org> no such user',
        },
        false,
      ),
    ).toEqual({
      kind: 'failed',
      responseCode: 550,
      error: 'EENVELOPE: Recipient command failed: 550 <[email]> no such user',
    });
  });

  it('retries a connection problem before the message was handed over', () => {
    expect(classifySendError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }, false)).toMatchObject({
      kind: 'retry',
      responseCode: null,
    });
    expect(classifySendError({ code: 'ETIMEDOUT', message: 'Greeting never received' }, false)).toMatchObject({
      kind: 'retry',
    });
  });

  it('calls a lost connection or a timeout after the hand-over unknown', () => {
    expect(classifySendError({ code: 'ETIMEDOUT', message: 'Timeout' }, true)).toMatchObject({ kind: 'unknown' });
    expect(classifySendError({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' }, true)).toMatchObject({
      kind: 'unknown',
    });
    expect(classifySendError(new Error('socket hang up'), true)).toMatchObject({
      kind: 'unknown',
      error: 'socket hang up',
    });
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base and is capped at a day', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 60))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(40, 60)).toBe(24 * 3_600_000);
  });
});
