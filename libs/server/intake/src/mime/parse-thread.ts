import { parentPort } from 'node:worker_threads';
import { analyseMessage, type AnalysisLimits, type AnalysisOutcome } from './analyse-message';

/** Entry point of a parse thread: analyses one message at a time for ParseThreadPool. */
export interface ParseRequest {
  id: number;
  raw: Uint8Array;
  limits: AnalysisLimits;
}

export type ParseThreadMessage = { ready: true } | { id: number; outcome: AnalysisOutcome };

const port = parentPort;
if (port) {
  port.on('message', (request: ParseRequest) => {
    analyseMessage(request.raw, request.limits).then(
      (outcome) => port.postMessage({ id: request.id, outcome } satisfies ParseThreadMessage),
      (error: unknown) =>
        port.postMessage({
          id: request.id,
          outcome: {
            ok: false,
            reason: 'parse_error',
            detail: String((error as Error)?.message ?? error).slice(0, 500),
          },
        } satisfies ParseThreadMessage),
    );
  });
  port.postMessage({ ready: true } satisfies ParseThreadMessage);
}
