import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ApiErrorBody } from '@campaign-desk/contracts';
import { scrubErrorText } from '../logging/redact';
import { postgresErrorBody } from './postgres-errors';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

// Connection-level failures of Postgres or Redis: the request may be retried once they are back.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

export function isUnavailableError(error: unknown): boolean {
  const e = error as { code?: string; message?: string; driverError?: { code?: string } } | undefined;
  if (!e) return false;
  const code = e.code ?? e.driverError?.code;
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  const message = e.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Stream isn't writeable|Connection is closed|not currently accepting connections|the database system is (starting up|shutting down)/i.test(
    message,
  );
}

function loggableError(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { type: typeof exception };
  const code = (exception as { code?: unknown; driverError?: { code?: unknown } }).driverError?.code;
  return {
    type: exception.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: scrubErrorText(exception.message),
    stack: exception.stack && scrubErrorText(exception.stack),
  };
}

/** Answers every error in the one shape of DESIGN §5: {statusCode, error, message, fields?}. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    // Only unexpected failures are logged, and never with the values that caused them: a 4xx is the client's
    // mistake (the access log has its route and status), and an error's message may quote what the client sent.
    if (body.statusCode >= 500 && !(exception instanceof HttpException)) {
      this.logger.error({ err: loggableError(exception) }, body.message);
    }
    if (body.statusCode === 503) res.setHeader('Retry-After', '5');
    const retryAfter = (body as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (body.statusCode === 429 && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    if (!res.headersSent) res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const base: ApiErrorBody = { statusCode, error: STATUS_TEXT[statusCode] ?? 'Error', message: exception.message };
      if (typeof response === 'object' && response) {
        const r = response as { message?: unknown; fields?: Record<string, string>; error?: string };
        if (typeof r.message === 'string') base.message = r.message;
        else if (Array.isArray(r.message)) base.message = r.message.join('; ');
        if (r.fields) base.fields = r.fields;
        return { ...response, ...base } as ApiErrorBody;
      }
      return base;
    }
    const parserStatus = (exception as { status?: number; type?: string })?.status;
    if (parserStatus === 413) return { statusCode: 413, error: STATUS_TEXT[413], message: 'Request body is too large' };
    if (parserStatus === 400)
      return { statusCode: 400, error: STATUS_TEXT[400], message: 'Request body is not valid JSON' };
    const refused = postgresErrorBody(exception);
    if (refused) return refused;
    if (isUnavailableError(exception)) {
      return {
        statusCode: 503,
        error: STATUS_TEXT[503],
        message: 'A backing service is unavailable; try again shortly',
      };
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: STATUS_TEXT[500], message: 'Internal server error' };
  }
}
