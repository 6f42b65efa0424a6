import { ArgumentsHost, BadRequestException, HttpException, Logger } from '@nestjs/common';
import { ApiExceptionFilter } from './api-exception.filter';

describe('ApiExceptionFilter logging', () => {
  const MARKER = 'MARKER-c0ffee';
  let logged: unknown[][];

  beforeEach(() => {
    logged = [];
    jest.spyOn(Logger.prototype, 'error').mockImplementation((...args: unknown[]) => void logged.push(args));
  });
  afterEach(() => jest.restoreAllMocks());

  const answer = (exception: unknown) => {
    const res = { headersSent: false, setHeader: jest.fn(), status: jest.fn(), json: jest.fn() };
    res.status.mockReturnValue(res);
    const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
    new ApiExceptionFilter().catch(exception, host);
    return res;
  };

  it('logs nothing for a 400, whatever value it names', () => {
    const res = answer(new BadRequestException({ message: `range ${MARKER}`, fields: { range: MARKER } }));
    expect(res.status).toHaveBeenCalledWith(400);
    expect(logged).toEqual([]);
  });

  it("logs a 500's type, code and message without the values the error quotes", () => {
    const error = Object.assign(new Error(`invalid input syntax for type widget: "${MARKER}"`), {
      name: 'QueryFailedError',
      driverError: { code: 'XX000' },
      parameters: [MARKER],
    });
    const res = answer(error);
    expect(res.status).toHaveBeenCalledWith(500);
    expect(logged).toHaveLength(1);
    const text = JSON.stringify(logged);
    expect(text).not.toContain(MARKER);
    expect(logged[0][0]).toMatchObject({
      err: { type: 'QueryFailedError', code: 'XX000', message: 'invalid input syntax for type widget: "…"' },
    });
  });

  it('sets Retry-After on a 429 that says how long to wait', () => {
    const res = answer(new HttpException({ message: 'wait', retryAfterSeconds: 40 }, 429));
    expect(res.setHeader).toHaveBeenCalledWith('Retry-After', '40');
  });
});
