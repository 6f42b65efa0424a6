import type { NestExpressApplication } from '@nestjs/platform-express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { QueueService } from '@campaign-desk/server-core';
import { sessionGate } from './session-gate';

export const QUEUE_BOARD_PATH = '/admin/queues';

/**
 * The BullMQ board at /admin/queues, for admins only: the same session cookie as the API, 401 when
 * signed out, 403 for other roles. Jobs carry ids only, so the board shows no personal data.
 */
export function mountQueueBoard(app: NestExpressApplication): void {
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
  app.use(QUEUE_BOARD_PATH, sessionGate(app, ['admin'], 'The queue board'), board.getRouter());
}
