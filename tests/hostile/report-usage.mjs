// Preloaded (`node --import`) into every PSHE Kit process the hostile tests start:
// on exit it writes the process's peak memory and CPU time (worker threads
// included) to the file named by PSHE_USAGE_FILE, so a test can hold a command
// to a budget that does not depend on what else the machine is doing.
import { writeFileSync } from 'node:fs';

const file = process.env.PSHE_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }),
    );
  });
}
