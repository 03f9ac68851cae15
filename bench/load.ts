// A small HTTP load driver. Each job runs in its own worker thread, so the client does not share
// the server's event loop: keep-alive sockets to 127.0.0.1, bounded by a request count or a time.
import http from 'node:http';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

export interface LoadJob {
  port: number;
  headers: Record<string, string>;
  /** Request paths, used in turn (wrapping round). */
  paths: string[];
  /** Sequential: `warmup` unmeasured requests, then one request per path. */
  warmup?: number;
  /** Sequential: stop early (warm-up included) once this much time has passed, so a slow endpoint cannot stall the run. */
  budgetMs?: number;
  /** Concurrent: this many clients for durationMs (and never more than maxRequests in all). */
  concurrency?: number;
  durationMs?: number;
  maxRequests?: number;
}

export interface LoadResult {
  count: number;
  errors: number;
  firstError: string | null;
  elapsedMs: number;
  latencies: number[];
}

export interface Stats {
  count: number;
  errors: number;
  median: number;
  p95: number;
  p99: number;
  rps: number;
}

export function stats(r: LoadResult): Stats {
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  return { count: r.count, errors: r.errors, median: at(0.5), p95: at(0.95), p99: at(0.99), rps: r.count / (r.elapsedMs / 1000) };
}

/** Runs one job in a fresh worker thread and returns what it measured. */
export function runLoad(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // The worker runs this same TypeScript file. tsx registers its loader on the main thread
    // only, so the worker registers it through tsx's API before importing this file.
    const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const entry = `import(${api}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(entry, { eval: true, workerData: job });
    worker.once('message', (r: LoadResult) => resolve(r));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`load worker exited with ${code}`)));
  });
}

// ---- inside the worker ----

function get(agent: http.Agent, job: LoadJob, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: job.port, path, agent, headers: job.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function work(job: LoadJob): Promise<LoadResult> {
  const concurrency = job.concurrency ?? 1;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const result: LoadResult = { count: 0, errors: 0, firstError: null, elapsedMs: 0, latencies: [] };
  let next = 0;
  const one = async (measure: boolean) => {
    const path = job.paths[next++ % job.paths.length]!;
    const t0 = performance.now();
    try {
      const res = await get(agent, job, path);
      if (res.status !== 200) throw new Error(`${res.status} ${path}: ${res.body.slice(0, 200)}`);
    } catch (err) {
      result.errors++;
      result.firstError ??= String(err);
    }
    if (measure) {
      result.latencies.push(performance.now() - t0);
      result.count++;
    }
  };

  if (job.durationMs === undefined) {
    const deadline = performance.now() + (job.budgetMs ?? Infinity);
    for (let i = 0; i < (job.warmup ?? 0) && performance.now() < deadline - (job.budgetMs ?? 0) * 0.8; i++) await one(false);
    next = 0;
    const start = performance.now();
    for (let i = 0; i < job.paths.length && (i < 20 || performance.now() < deadline); i++) await one(true);
    result.elapsedMs = performance.now() - start;
  } else {
    const max = job.maxRequests ?? 1_000_000;
    // Open every socket before the clock starts.
    await Promise.all(Array.from({ length: concurrency }, () => one(false)));
    const start = performance.now();
    const end = start + job.durationMs;
    const client = async () => {
      while (performance.now() < end && result.count < max) await one(true);
    };
    await Promise.all(Array.from({ length: concurrency }, client));
    result.elapsedMs = performance.now() - start;
  }
  agent.destroy();
  return result;
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  void work(workerData as LoadJob).then((r) => port.postMessage(r));
}
