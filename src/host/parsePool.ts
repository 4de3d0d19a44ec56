/**
 * A few worker threads that read and parse briefs in parallel (./parseWorker.ts), for every
 * Node surface that reads a whole workspace: the extension's index and the host loader used by
 * the CLI and the language server. Typing re-parses one brief in place, which is faster than a
 * round trip. When workers are unavailable, `create` returns undefined and the caller parses
 * in its own thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParseRequest, ParseResponse } from './parseProtocol';

/** Requests sent to a worker in one message, and messages in flight per worker. */
const BATCH = 8;
const IN_FLIGHT = 4;

interface PendingRequest {
  request: ParseRequest;
  resolve(response: ParseResponse): void;
}

interface WorkerSlot {
  worker: Worker;
  inFlight: Map<number, PendingRequest>[];
  dead: boolean;
}

export class ParsePool {
  private readonly queue: PendingRequest[] = [];
  private nextId = 1;
  private disposed = false;

  private constructor(private readonly slots: WorkerSlot[]) {
    for (const slot of slots) {
      slot.worker.on('message', (responses: ParseResponse[]) => {
        const batch = slot.inFlight.shift();
        for (const response of responses) batch?.get(response.id)?.resolve(response);
        this.pump();
        if (slot.inFlight.length === 0) slot.worker.unref();
      });
      slot.worker.on('error', (error) => this.failSlot(slot, error));
      slot.worker.on('exit', () => this.failSlot(slot, new Error('parse worker exited')));
      // An idle worker does not keep the process alive; a busy one does (a CLI awaiting its
      // answers has nothing else keeping Node's event loop running).
      slot.worker.unref();
    }
  }

  /**
   * A pool of `size` workers (default: one per core, at most 4), or undefined when workers
   * cannot run here. `directory` holds parseWorker.js (default: next to this bundle).
   */
  static create(size = Math.max(1, Math.min(4, availableParallelism())), directory = __dirname): ParsePool | undefined {
    const script = path.join(directory, 'parseWorker.js');
    if (!existsSync(script)) return undefined;
    try {
      return new ParsePool(Array.from({ length: size }, () => ({ worker: new Worker(script), inFlight: [], dead: false })));
    } catch {
      return undefined;
    }
  }

  get size(): number {
    return this.slots.length;
  }

  parse(request: Omit<ParseRequest, 'id'>): Promise<ParseResponse> {
    const id = this.nextId++;
    if (this.disposed) return Promise.resolve({ id, kind: 'error', message: 'parse pool disposed' });
    return new Promise((resolve) => {
      this.queue.push({ request: { ...request, id }, resolve });
      this.pump();
    });
  }

  private pump(): void {
    if (this.slots.every((slot) => slot.dead)) {
      // No worker left: answer with errors; the index then reads and parses on the host.
      for (const pending of this.queue.splice(0)) pending.resolve({ id: pending.request.id, kind: 'error', message: 'no parse worker' });
      return;
    }
    for (const slot of this.slots) {
      while (!slot.dead && this.queue.length > 0 && slot.inFlight.length < IN_FLIGHT) {
        const batch = this.queue.splice(0, BATCH);
        slot.inFlight.push(new Map(batch.map((pending) => [pending.request.id, pending])));
        slot.worker.ref();
        slot.worker.postMessage(batch.map((pending) => pending.request));
      }
    }
  }

  private failSlot(slot: WorkerSlot, error: Error): void {
    slot.dead = true;
    for (const batch of slot.inFlight) {
      for (const pending of batch.values()) pending.resolve({ id: pending.request.id, kind: 'error', message: error.message });
    }
    slot.inFlight = [];
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    for (const pending of this.queue.splice(0)) pending.resolve({ id: pending.request.id, kind: 'error', message: 'parse pool disposed' });
    for (const slot of this.slots) {
      this.failSlot(slot, new Error('parse pool disposed'));
      void slot.worker.terminate();
    }
  }
}
