import type { NestExpressApplication } from '@nestjs/platform-express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, Response } from 'express';
import { QueueService } from '@campaign-desk/server-core';
import { AuthService, SESSION_COOKIE } from '@campaign-desk/server-auth';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * The BullMQ board at /admin/queues, for admins only: the same session cookie as the API, 401 when
 * signed out, 403 for other roles. Jobs carry ids only, so the board shows no personal data.
 */
export function mountQueueBoard(app: NestExpressApplication): void {
  const auth = app.get(AuthService);
  const board = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: app
      .get(QueueService)
      .allQueues()
      .map((queue) => new BullMQAdapter(queue)),
    // @bull-board/express 9.10.1 carries its own copy of @bull-board/api: same interface, separate type declarations.
    serverAdapter: board as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'Campaign Desk queues' } },
  });
  const adminsOnly = (req: Request, res: Response, next: NextFunction) => {
    const token = (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    auth.resolve(token).then((user) => {
      if (!user)
        return res.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'Sign in to continue' });
      if (user.role !== 'admin')
        return res
          .status(403)
          .json({ statusCode: 403, error: 'Forbidden', message: 'The queue board needs the admin role' });
      next();
    }, next);
  };
  app.use(QUEUE_BOARD_PATH, adminsOnly, board.getRouter());
}
