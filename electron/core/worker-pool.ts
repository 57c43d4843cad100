// A small pool of reused worker threads answering { id, input } → { id, result | error } messages. Works from the
// TypeScript sources (tsx: the worker registers tsx's loader itself, since Node 20 does not apply `--import tsx` to
// workers) and from the compiled JavaScript in dist-electron/. A worker that dies fails only its own jobs.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

interface Job<Out> { resolve: (v: Out) => void; reject: (e: Error) => void }
interface Slot<Out> { worker: Worker; jobs: Map<number, Job<Out>> }

/** Starts `./<baseName>.js` (or `.ts` under tsx) next to the module at fromModuleUrl. */
export function startWorker(fromModuleUrl: string, baseName: string, heapMb: number): Worker {
  const limits = { resourceLimits: { maxOldGenerationSizeMb: heapMb } };
  if (!fromModuleUrl.endsWith('.ts')) return new Worker(new URL(`./${baseName}.js`, fromModuleUrl), limits);
  const target = new URL(`./${baseName}.ts`, fromModuleUrl).href;
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  }
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
  return new Worker(boot, { ...limits, eval: true });
}

export class WorkerPool<In, Out> {
  private readonly slots: Array<Slot<Out> | null>;
  private nextId = 1;

  constructor(private readonly fromModuleUrl: string, private readonly baseName: string, size: number, private readonly heapMb = 512) {
    this.slots = Array.from({ length: Math.max(1, size) }, () => null);
  }

  private slot(): Slot<Out> {
    let best = -1;
    for (let k = 0; k < this.slots.length; k++) {
      const s = this.slots[k];
      if (!s) { best = k; break; }
      if (best < 0 || s.jobs.size < this.slots[best]!.jobs.size) best = k;
    }
    const existing = this.slots[best];
    if (existing) return existing;
    const worker = startWorker(this.fromModuleUrl, this.baseName, this.heapMb);
    const slot: Slot<Out> = { worker, jobs: new Map() };
    worker.unref();
    worker.on('message', (msg: { id: number; result?: Out; error?: string }) => {
      const job = slot.jobs.get(msg.id);
      if (!job) return;
      slot.jobs.delete(msg.id);
      if (msg.error !== undefined) job.reject(new Error(msg.error));
      else job.resolve(msg.result as Out);
      if (slot.jobs.size === 0) worker.unref();
    });
    const fail = (err: Error): void => {
      if (this.slots[best] === slot) this.slots[best] = null;
      for (const job of slot.jobs.values()) job.reject(err);
      slot.jobs.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`${this.baseName} stopped (exit code ${code})`)));
    this.slots[best] = slot;
    return slot;
  }

  run(input: In): Promise<Out> {
    const slot = this.slot();
    const id = this.nextId++;
    slot.worker.ref();
    return new Promise<Out>((resolve, reject) => {
      slot.jobs.set(id, { resolve, reject });
      slot.worker.postMessage({ id, input });
    });
  }

  async close(): Promise<void> {
    const all = this.slots.splice(0, this.slots.length, ...this.slots.map(() => null));
    await Promise.all(all.map((s) => s?.worker.terminate()));
  }
}
