import { Injectable, type NestMiddleware, UnauthorizedException, UnsupportedMediaTypeException } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import { AppConfig } from '@campaign-desk/server-core';
import { bearerMatches } from './inbound-token';

export const RFC822 = 'message/rfc822';

/** Reads a raw RFC 822 body up to the message size cap (413 above it) for the routes it is applied to. */
export function rawMessageParser(config: AppConfig) {
  const parser = express.raw({ type: RFC822, limit: config.INTAKE_MAX_MESSAGE_BYTES });
  return (req: Request, res: Response): Promise<void> =>
    new Promise((resolve, reject) => parser(req, res, (error?: unknown) => (error ? reject(error) : resolve())));
}

/**
 * `POST /api/inbound/email`: checks the bearer token before reading a byte of the body, then
 * the content type, then reads the body with the size cap. Errors go through the API's filter.
 */
@Injectable()
export class InboundBodyMiddleware implements NestMiddleware {
  private readonly read: ReturnType<typeof rawMessageParser>;

  constructor(private readonly config: AppConfig) {
    this.read = rawMessageParser(config);
  }

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (!bearerMatches(req.headers.authorization, this.config.INBOUND_TOKEN)) {
      throw new UnauthorizedException({ message: 'A valid inbound bearer token is required' });
    }
    if (!req.is(RFC822)) {
      throw new UnsupportedMediaTypeException({
        message: `Send one raw message as ${RFC822}`,
        fields: { 'content-type': `must be ${RFC822}` },
      });
    }
    await this.read(req, res);
    next();
  }
}

/** `POST /api/messages/upload`: a raw message/rfc822 body (multipart uploads are read by multer in the controller). */
@Injectable()
export class UploadBodyMiddleware implements NestMiddleware {
  private readonly read: ReturnType<typeof rawMessageParser>;

  constructor(config: AppConfig) {
    this.read = rawMessageParser(config);
  }

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (req.is(RFC822)) await this.read(req, res);
    next();
  }
}
