import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ForecastInput } from '../../shared/index';
import type { CapacityRow, forecastSummary } from './forecast-summary';

/** What a worker returns for one input: the forecast as JSON text, its run summary and report rows. */
export interface EngineResult {
  seriesJson: string;
  summary: ReturnType<typeof forecastSummary>;
  report: CapacityRow[];
}

interface Job {
  id: number;
  input: ForecastInput;
  resolve: (result: EngineResult) => void;
  reject: (error: Error) => void;
}

type Reply = ({ id: number } & EngineResult) | { id: number; error: string };

/**
 * The worker's entry: beside the compiled server (dist/server/forecast-worker.js), or, when the
 * sources run (tests, tsx), a boot file that registers the TypeScript loader first.
 */
const bootUrl = import.meta.url.endsWith('.ts')
  ? new URL('./forecast-worker-boot.mjs', import.meta.url)
  : new URL('./forecast-worker.js', import.meta.url);

/**
 * Runs the engine on `worker_threads` so Monte Carlo never blocks the event loop (health and
 * other requests stay fast). Workers start on first use, one job each at a time, and are
 * unref'd so they never keep the process alive. Size: one fewer than the cores, at least 1.
 */
export class ForecastPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private workers = 0;
  private nextId = 0;

  constructor(private readonly size = Math.max(1, availableParallelism() - 1)) {}

  /** Runs one (already validated) forecast input on a worker. */
  run(input: ForecastInput): Promise<EngineResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, input, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; jobs still queued or running fail. */
  async close(): Promise<void> {
    for (const job of [...this.queue, ...this.busy.values()]) job.reject(new Error('forecast pool closed'));
    this.queue.length = 0;
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.workers < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage({ id: job.id, input: job.input });
    }
  }

  private spawn(): Worker {
    this.workers += 1;
    const worker = new Worker(bootUrl);
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      if (job) {
        if ('error' in reply) job.reject(new Error(reply.error));
        else job.resolve({ seriesJson: reply.seriesJson, summary: reply.summary, report: reply.report });
      }
      this.dispatch();
    });
    worker.on('error', (error) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.workers -= 1;
      job?.reject(error);
      this.dispatch();
    });
    return worker;
  }
}
