import { Module } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from '../config/app-config';
import { redactObject, scrubText, scrubUrl } from './redact';

/** Structured JSON logs (pino) with personal data redacted before it is written. */
@Module({
  imports: [
    PinoLoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
          serializers: {
            req: (req: { id: unknown; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: scrubUrl(req.url),
            }),
            res: (res: { statusCode?: number | null; raw?: ServerResponse }) => ({
              statusCode: res.raw?.statusCode ?? res.statusCode,
            }),
          },
          formatters: { log: (object: Record<string, unknown>) => redactObject(object) as Record<string, unknown> },
          hooks: {
            logMethod(args: unknown[], method: (...a: unknown[]) => void) {
              method.apply(
                this,
                args.map((a) => (typeof a === 'string' ? scrubText(a) : a)),
              );
            },
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
