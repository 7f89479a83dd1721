interface Waiting<In, Out> {
  input: In;
  resolve: (out: Out) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: calls that arrive while a batch is in flight, or in the same turn of the event loop, go out
 * together, so under load one database round trip serves many callers. The first batch waits for the end of
 * the turn (setImmediate) because PGlite runs SQL on this thread: it would hold back the requests still
 * waiting to be read, and every batch would have one call. `run` answers one output per input, in order. If
 * a batch fails, its calls are retried one by one so that only the bad one fails.
 */
export class Batcher<In, Out> {
  private queue: Waiting<In, Out>[] = [];
  private running = false;

  constructor(
    private readonly run: (inputs: In[]) => Promise<Out[]>,
    private readonly maxBatch = 200,
  ) {}

  submit(input: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain() {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const outs = await this.run(batch.map((w) => w.input));
        batch.forEach((w, i) => w.resolve(outs[i]!));
      } catch (err) {
        if (batch.length === 1) batch[0]!.reject(err);
        else {
          await Promise.all(batch.map((w) => this.run([w.input]).then(([out]) => w.resolve(out!), w.reject)));
        }
      }
    }
    this.running = false;
  }
}
