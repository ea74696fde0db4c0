/** How long a phase took, for the summary. */
export interface PhaseTiming {
  phase: string;
  seconds: number;
  detail?: string;
}

/** A phase under way: end it with `done` (it is timed and reported then). */
export interface Phase {
  /** `endedAt` (a `performance.now()` time) when the work ended before this call. */
  done(detail?: string, endedAt?: number): void;
}

/**
 * Progress the way people expect: on a terminal, one bar that redraws with the
 * phases under way and the lessons done; elsewhere (CI, pipes) a plain line
 * when each phase starts and ends. Phases may overlap (the site is built while
 * the downloads render): each is timed on its own.
 */
export class Progress {
  readonly timings: PhaseTiming[] = [];
  private readonly tty: boolean;
  private readonly active = new Map<string, number>();
  private count?: { done: number; total: number };
  private lastDraw = 0;
  private readonly stream: NodeJS.WriteStream;

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.stream = stream;
    this.tty = Boolean(stream.isTTY) && !process.env.CI;
  }

  start(phase: string, note?: string): Phase {
    this.active.set(phase, performance.now());
    if (!this.tty) this.stream.write(`pshe build: ${phase}${note ? ` (${note})` : ''}…\n`);
    else this.draw();
    return { done: (detail?: string, endedAt?: number) => this.finish(phase, detail, endedAt) };
  }

  /** Lessons done of the total, shown on the bar (the downloads phase). */
  tick(done: number, total: number) {
    this.count = { done, total };
    if (!this.tty) return;
    const now = performance.now();
    if (now - this.lastDraw < 80 && done < total) return;
    this.lastDraw = now;
    this.draw();
  }

  fail() {
    this.active.clear();
    if (this.tty) this.stream.write('\r\u001b[2K');
  }

  private finish(phase: string, detail?: string, endedAt = performance.now()) {
    const started = this.active.get(phase);
    if (started === undefined) return;
    this.active.delete(phase);
    const seconds = (Math.max(endedAt, started) - started) / 1000;
    this.timings.push({ phase, seconds, detail });
    // PSHE_REPORT_MEMORY=1 adds the process's resident memory, for the benchmark.
    const memory = process.env.PSHE_REPORT_MEMORY
      ? ` [rss ${(process.memoryUsage().rss / 1024 ** 2).toFixed(0)} MB]`
      : '';
    const line = `pshe build: ${phase} done in ${seconds.toFixed(1)} s${detail ? ` (${detail})` : ''}${memory}`;
    if (!this.tty) {
      this.stream.write(`${line}\n`);
      return;
    }
    this.stream.write(`\r\u001b[2K${line}\n`);
    if (this.active.size > 0) this.draw();
  }

  private draw() {
    const width = 24;
    const { done = 0, total = 0 } = this.active.has('downloads') ? (this.count ?? {}) : {};
    const filled = total ? Math.round((done / total) * width) : 0;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const count = total ? ` ${done}/${total} lessons` : '';
    const phases = [...this.active.keys()];
    const main = phases.includes('downloads') ? `downloads${count}` : (phases[0] ?? '');
    const others = phases.filter((phase) => phase !== 'downloads' && phase !== main);
    this.stream.write(`\r\u001b[2K${bar} ${main}${others.length ? ` · ${others.join(' · ')}` : ''}`);
  }
}
