import { Worker } from 'node:worker_threads';
import { extname, join } from 'node:path';
import type { AnalysisLimits, AnalysisOutcome } from './analyse-message';
import type { ParseRequest, ParseThreadMessage } from './parse-thread';

/**
 * Parses messages in worker threads, one message per thread at a time.
 *
 * Why threads and not `Promise.race` with a timer: postal-mime and sanitize-html are synchronous
 * for long stretches, so a timer cannot fire while a pathological message is being chewed on, and
 * an abandoned parse keeps burning the CPU and heap. A thread can be terminated when its time is
 * up, and `resourceLimits` caps its heap, so a bad message costs one thread restart and a
 * quarantine record while the worker keeps going.
 */
export interface ParseThreadPoolOptions {
  size: number;
  timeoutMs: number;
  memoryMb: number;
  limits: AnalysisLimits;
}

interface Task {
  raw: Uint8Array;
  resolve: (outcome: AnalysisOutcome) => void;
}

interface Slot {
  worker: Worker | null;
  ready: boolean;
  task: Task | null;
  taskId: number;
  timer: NodeJS.Timeout | null;
}

let nextTaskId = 1;

export class ParseThreadPool {
  private readonly slots: Slot[];
  private readonly queue: Task[] = [];
  private closed = false;

  constructor(private readonly options: ParseThreadPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({
      worker: null,
      ready: false,
      task: null,
      taskId: 0,
      timer: null,
    }));
  }

  /** Starts every thread now, so the first messages do not wait for thread start-up. */
  warmUp(): void {
    for (const slot of this.slots) if (!slot.worker) this.spawn(slot);
  }

  analyse(raw: Uint8Array): Promise<AnalysisOutcome> {
    if (this.closed) return Promise.reject(new Error('parse thread pool is closed'));
    return new Promise((resolve) => {
      this.queue.push({ raw, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0))
      task.resolve({ ok: false, reason: 'parse_error', detail: 'worker shutting down' });
    await Promise.all(
      this.slots.map((slot) => this.retire(slot, { ok: false, reason: 'parse_error', detail: 'worker shutting down' })),
    );
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (!slot.worker) this.spawn(slot);
      if (!slot.ready || slot.task) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.taskId = nextTaskId++;
      slot.timer = setTimeout(() => {
        void this.retire(slot, {
          ok: false,
          reason: 'parse_timeout',
          detail: `parsing took longer than ${this.options.timeoutMs} ms`,
        });
      }, this.options.timeoutMs);
      slot.worker!.postMessage({ id: slot.taskId, raw: task.raw, limits: this.options.limits } satisfies ParseRequest);
    }
  }

  private spawn(slot: Slot): void {
    const entry = join(__dirname, `parse-thread${extname(__filename)}`);
    const fromSource = entry.endsWith('.ts');
    const worker = new Worker(entry, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb },
      // Running from TypeScript sources (tests, ts-node): transpile the thread's files on load.
      ...(fromSource
        ? {
            execArgv: ['--require', 'ts-node/register/transpile-only'],
            env: {
              ...process.env,
              TS_NODE_SWC: 'true',
              TS_NODE_SKIP_PROJECT: 'true',
              TS_NODE_COMPILER_OPTIONS: JSON.stringify({
                module: 'commonjs',
                esModuleInterop: true,
                target: 'es2022',
                ignoreDeprecations: '6.0',
              }),
            },
          }
        : {}),
    });
    worker.unref();
    slot.worker = worker;
    slot.ready = false;
    worker.on('message', (message: ParseThreadMessage) => {
      if (slot.worker !== worker) return;
      if ('ready' in message) {
        slot.ready = true;
      } else if (slot.task && message.id === slot.taskId) {
        this.finish(slot, message.outcome);
      }
      this.dispatch();
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (slot.worker !== worker) return;
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      void this.retire(slot, {
        ok: false,
        reason: memory ? 'parse_memory' : 'parse_error',
        detail: memory ? `parser exceeded ${this.options.memoryMb} MB` : error.message,
      });
    });
    worker.on('exit', () => {
      if (slot.worker !== worker) return;
      void this.retire(slot, { ok: false, reason: 'parse_error', detail: 'parse thread exited' });
    });
  }

  private finish(slot: Slot, outcome: AnalysisOutcome): void {
    if (slot.timer) clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = null;
    slot.timer = null;
    task?.resolve(outcome);
  }

  /** Stops a thread (timeout, crash, shutdown), failing its task; a fresh one starts on demand. */
  private async retire(slot: Slot, outcome: AnalysisOutcome): Promise<void> {
    const worker = slot.worker;
    slot.worker = null;
    slot.ready = false;
    this.finish(slot, outcome);
    if (worker) await worker.terminate().catch(() => undefined);
    if (!this.closed) this.dispatch();
  }
}
