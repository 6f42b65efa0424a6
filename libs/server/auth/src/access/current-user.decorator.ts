import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { SessionUser } from '@campaign-desk/contracts';
import type { AuthedRequest } from './access.guard';

/** The signed-in staff user (set by AccessGuard). */
export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): SessionUser => {
  return context.switchToHttp().getRequest<AuthedRequest>().user!;
});

/** The client address for audit and rate limiting (Express resolves X-Forwarded-For when trust proxy is set). */
export const ClientIp = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<AuthedRequest>();
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
});
