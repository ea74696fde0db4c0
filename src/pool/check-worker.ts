// A worker of `pshe check`'s pool: checks its share of the lessons and stops.
import { runPoolWorker } from './pool-worker.ts';

runPoolWorker();
