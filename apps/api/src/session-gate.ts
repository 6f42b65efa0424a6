import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { StaffRole } from '@campaign-desk/contracts';
import { AuthService, SESSION_COOKIE } from '@campaign-desk/server-auth';

/**
 * Express middleware for pages outside Nest's controllers (the queue board, the API docs): the same session
 * cookie as the API, 401 when signed out, 403 for a role not in `roles`.
 */
export function sessionGate(app: NestExpressApplication, roles: readonly StaffRole[], what: string) {
  const auth = app.get(AuthService);
  return (req: Request, res: Response, next: NextFunction): void => {
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    auth.resolve(token).then((user) => {
      if (!user)
        return res.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue' });
      if (!roles.includes(user.role))
        return res
          .status(403)
          .json({ statusCode: 403, error: 'Forbidden', message: `${what} needs the ${roles.join(' or ')} role` });
      next();
    }, next);
  };
}
