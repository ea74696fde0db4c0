import type { FlagSpec } from '../flags.ts';

/** `--rename OLD=NEW`, any number of times: a character renamed in every lesson (`rename-flags.ts`). */
const renameFlag: FlagSpec = {
  long: 'rename',
  type: 'string',
  value: 'OLD=NEW',
  multiple: true,
  description: 'rename a character in every lesson and download, such as Jay=Alex (repeatable)',
};

export const buildFlags: FlagSpec[] = [
  { long: 'lessons', type: 'string', value: 'DIR', description: 'the library folder', default: 'lessons' },
  { long: 'out', type: 'string', value: 'DIR', description: 'where to write the site and downloads', default: 'dist' },
  { long: 'school', type: 'string', value: 'FILE', description: 'a school profile instead of DIR/school.yaml' },
  renameFlag,
  { long: 'no-cache', type: 'boolean', description: 'render every download again, ignoring the cache' },
  { long: 'help', type: 'boolean', description: 'show this help' },
];

export const buildUsage =
  'Usage: pshe build [--lessons DIR] [--out DIR] [--school FILE] [--rename OLD=NEW]… [--no-cache]';

export const devFlags: FlagSpec[] = [
  { long: 'lessons', type: 'string', value: 'DIR', description: 'the library folder', default: 'lessons' },
  { long: 'school', type: 'string', value: 'FILE', description: 'a school profile instead of DIR/school.yaml' },
  renameFlag,
  { long: 'port', type: 'string', value: 'PORT', description: 'the port to serve on', default: '4321' },
  { long: 'help', type: 'boolean', description: 'show this help' },
];

export const devUsage = 'Usage: pshe dev [--lessons DIR] [--school FILE] [--rename OLD=NEW]… [--port PORT]';
