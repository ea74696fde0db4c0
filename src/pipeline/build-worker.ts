// A worker of `pshe build`'s pool (src/pool/lesson-pool.ts): checks its share of
// the lessons, then, once the library is clean, writes their downloads and
// takes more from the main thread (src/pool/pool-worker.ts).
import { runPoolWorker } from '../pool/pool-worker.ts';
import { copyCachedDownloads, renderLessonDownloads } from './lesson-downloads.ts';

runPoolWorker({ copy: copyCachedDownloads, render: renderLessonDownloads });
