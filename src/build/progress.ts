/** How long a phase took, for the summary. */
export interface PhaseTiming {
  phase: string;
  seconds: number;
  detail?: string;
}

/**
 * Progress the way people expect: on a terminal, one bar that redraws with the
 * phase and items done; elsewhere (CI, pipes) a plain line per phase.
 */
export class Progress {
  readonly timings: PhaseTiming[] = [];
  private readonly tty: boolean;
  private phase = '';
  private started = 0;
  private lastDraw = 0;
  private readonly stream: NodeJS.WriteStream;

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.stream = stream;
    this.tty = Boolean(stream.isTTY) && !process.env.CI;
  }

  start(phase: string) {
    this.phase = phase;
    this.started = performance.now();
    if (!this.tty) this.stream.write(`pshe build: ${phase}…\n`);
    else this.draw(0, 0);
  }

  tick(done: number, total: number) {
    if (!this.tty) return;
    const now = performance.now();
    if (now - this.lastDraw < 80 && done < total) return;
    this.lastDraw = now;
    this.draw(done, total);
  }

  done(detail?: string) {
    const seconds = (performance.now() - this.started) / 1000;
    this.timings.push({ phase: this.phase, seconds, detail });
    // PSHE_REPORT_MEMORY=1 adds the process's resident memory, for the benchmark.
    const memory = process.env.PSHE_REPORT_MEMORY
      ? ` [rss ${(process.memoryUsage().rss / 1024 ** 2).toFixed(0)} MB]`
      : '';
    const line = `pshe build: ${this.phase} done in ${seconds.toFixed(1)} s${detail ? ` (${detail})` : ''}${memory}`;
    this.stream.write(this.tty ? `\r\u001b[2K${line}\n` : `${line}\n`);
  }

  fail() {
    if (this.tty) this.stream.write('\r\u001b[2K');
  }

  private draw(done: number, total: number) {
    const width = 24;
    const filled = total ? Math.round((done / total) * width) : 0;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const count = total ? ` ${done}/${total} lessons` : '';
    this.stream.write(`\r\u001b[2K${bar} ${this.phase}${count}`);
  }
}
