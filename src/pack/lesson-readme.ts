import { genericDsl, helpsWithFor, lessonHelp, waysToReach } from '../lesson/help.ts';
import { contentGuidanceLabels, supervisionLabels } from '../lesson/labels.ts';
import type { Lesson, Library } from '../lesson/types.ts';
import { outputOfFile } from '../outputs.ts';

/**
 * The README inside a lesson pack: what is inside, the content guidance, how
 * to teach it safely and where to get help. Markdown fields are quoted as
 * their authors wrote them (this is a markdown file; nothing is re-parsed).
 */
export function lessonReadme(lesson: Lesson, library: Library, files: readonly string[]): string {
  const lines: string[] = [];
  lines.push(`# ${lesson.title}`, '');
  lines.push(
    `${lesson.durationInMinutes} minutes · ${lesson.audience}${lesson.keyStage ? ` · ${lesson.keyStage.replace(/-/g, ' ')}` : ''}`,
    '',
  );
  lines.push('## Before you teach: content guidance', '');
  const guidance = lesson.contentGuidance.map((code) => `- ${contentGuidanceLabels[code]}`);
  lines.push(...(guidance.length ? guidance : ['- No content guidance codes.']), '');
  lines.push(`Supervision: ${supervisionLabels[lesson.supervisionLevel]} (level ${lesson.supervisionLevel} of 4).`, '');
  lines.push('## What is inside', '');
  for (const file of files) {
    const note = outputOfFile(lesson.id, file)?.packReadme;
    lines.push(`- \`${file}\`${note ? `: ${note}` : ''}`);
  }
  lines.push(
    `- \`${lesson.id}.yaml\`: the lesson's source, to adapt with PSHE Kit`,
    '- `LICENSE.txt`, `LICENSE-CONTENT.md`: the licences',
    '',
  );
  lines.push('## Teaching it safely', '');
  lines.push('- Read the content guidance and the DSL notes, and tell the DSL when you will teach it.');
  lines.push('- Agree the ground rules at the start; use the question box; let pupils pass.');
  lines.push('- Keep to the fictional scenarios: no one is asked about their own experiences.');
  lines.push('- If a pupil discloses something, listen, do not promise secrecy, and pass it to the DSL the same day.');
  lines.push('- Never view, copy or share an image a pupil discloses; tell the DSL.');
  for (const rule of lesson.safeLearning?.groundRules ?? []) lines.push(`- Ground rule: ${rule}`);
  if (lesson.safeLearning?.timeOut)
    lines.push('', '**If a pupil becomes upset:**', '', lesson.safeLearning.timeOut.source.trim());
  lines.push('', '## Where to get help', '');
  // Markdown a teacher may copy from: each contact as signposts.yaml writes it, and what each
  // service does in the adults' words (this file is read by staff, whoever the lesson is for).
  const help = lessonHelp(lesson, library);
  lines.push(`- In school: ${help.dsl?.contact ?? genericDsl}.`);
  for (const service of help.services) {
    const contact = waysToReach(service)
      .map((entry) => entry.value)
      .join(' · ');
    lines.push(`- ${service.name}: ${helpsWithFor(service, 'staff')}${contact ? ` (${contact})` : ''}`);
  }
  lines.push('', 'Contact details were last checked on the dates in `signposts.yaml`; check them before printing.', '');
  lines.push('---', '', 'Made with PSHE Kit. Lessons: CC BY-SA 4.0. Code: MIT.', '');
  return lines.join('\n');
}
