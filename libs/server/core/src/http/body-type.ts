import { CanActivate, ExecutionContext, Injectable, SetMetadata, UnsupportedMediaTypeException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { STATE_CHANGING_METHODS } from './request-origin';

export const BODY_TYPES_KEY = 'campaign-desk:body-types';
export const JSON_BODY = 'application/json';

/**
 * The request body types a state-changing handler accepts instead of JSON, e.g. the public check-in
 * page's HTML form (`application/x-www-form-urlencoded`) or the inbound webhook's `message/rfc822`.
 */
export const AcceptsBody = (...mediaTypes: string[]) => SetMetadata(BODY_TYPES_KEY, mediaTypes);

const mediaType = (header: string) => header.split(';')[0].trim().toLowerCase();
const hasBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined ||
  (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/**
 * Registered globally: a POST, PUT, PATCH or DELETE with a body answers 415 unless the body is JSON (or a type its
 * handler declares with @AcceptsBody). A browser can send a form or text/plain across sites without asking first;
 * it cannot send JSON that way. A request without a body passes whatever its Content-Type says (ra-data-simple-rest
 * labels its DELETEs text/plain); the Origin check is what stops a forged one.
 */
@Injectable()
export class BodyTypeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (!STATE_CHANGING_METHODS.has(req.method)) return true;
    const accepted = this.reflector.getAllAndOverride<string[] | undefined>(BODY_TYPES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]) ?? [JSON_BODY];
    const header = req.headers['content-type'];
    if (!hasBody(req) || (header !== undefined && accepted.includes(mediaType(header)))) return true;
    const expected = accepted.join(' or ');
    throw new UnsupportedMediaTypeException({
      message: `Send the request body as ${expected} (Content-Type: ${accepted[0]})`,
      fields: { 'content-type': `must be ${expected}` },
    });
  }
}
