// Writes a synthetic library of realistic lessons for the benchmark:
//   npx node scripts/generate-library.ts <count> <folder>
// Each lesson (~20 KB of YAML) has a baseline and endpoint, 2–3 timed cycles
// with slides and notes, every directive, a table, quizzes and sources, like
// the shipped lessons. Units hold 20 lessons. It passes `pshe check` clean.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const paragraph = (topic: string, n: number) =>
  `Explain to the class how ${topic} can change the way people feel and act online. Use the fictional ` +
  `characters only, keep the tone calm, and invite pupils to notice patterns rather than share their own ` +
  `experiences. Point out that help is always available in school and outside (point ${n}).`;

function block(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((line) => (line ? pad + line : ''))
    .join('\n');
}

function cycle(topic: string, index: number, long: boolean): string {
  const explanation = [
    ':::warning',
    'This part talks about online pressure in general terms. Remind pupils of the ground rules.',
    ':::',
    '',
    paragraph(topic, 1),
    '',
    paragraph(topic, 2),
    '',
    paragraph(topic, 6),
    '',
    paragraph(topic, 7),
    '',
    paragraph(topic, 9),
    ...(long ? ['', paragraph(topic, 3), '', paragraph(topic, 4)] : []),
    '',
    '| Sign | What it can look like |',
    '| --- | --- |',
    '| Urgency | "Reply now or else" |',
    '| Secrecy | "Don\'t tell anyone about this chat" |',
    '| Flattery | "You\'re the only one who gets me" |',
    '',
    ':::teacher',
    `Expect questions about ${topic}. Use the question box for anything personal; follow up with the DSL.`,
    ':::',
    '',
    ':::discuss',
    `Why might someone find it hard to say no when ${topic} happens in a group?`,
    ':::',
  ].join('\n');
  const practice = [
    ':::scenario{name="Jordan"}',
    `Jordan is in a group chat where ${topic} keeps coming up. The group says it is just a joke, but`,
    'Jordan feels uneasy and is not sure what to do next.',
    ':::',
    '',
    '1. What warning signs can you see?',
    '2. What could Jordan do next?',
    '3. Who could Jordan talk to? For example :signpost[childline].',
    '',
    '::lines{count=4}',
  ].join('\n');
  const slides = [1, 2, 3, 4]
    .map(
      (n) => `      - title: ${topic} — part ${n}
        body: |
          - Notice the warning signs
          - Step back and take a breath
          - Tell a trusted adult
        notes: |
${block(`${paragraph(topic, n)}\n\n${paragraph(topic, n + 10)}`, 10)}`,
    )
    .join('\n');
  return `  - title: Cycle ${index + 1} on ${topic}
    durationInMinutes: ${long ? 15 : 20}
    explanation: |
${block(explanation, 6)}
    slides:
${slides}
    checkForUnderstanding:
      - question: What is a warning sign when ${topic} happens?
        answers: [Being told to keep it secret]
        distractors: [Being asked how your day was, Being invited to a school club]
      - question: Who can help?
        answers: [A trusted adult or the DSL]
        distractors: [Nobody, Only the police]
    practice: |
${block(practice, 6)}
    feedback: |
${block(`${paragraph(topic, 5)}\n\n${paragraph(topic, 8)}`, 6)}
    support: |
      Give pupils sentence starters and the three warning signs on a card.
    stretch: |
      Ask pupils to write advice for a younger pupil in Jordan's position.`;
}

function lesson(i: number): string {
  const topics = ['peer pressure', 'online dares', 'group chats', 'fake profiles', 'viral challenges'];
  const topic = topics[i % topics.length];
  const long = i % 3 === 2;
  const short = i % 3 === 1;
  const cycles = long ? 3 : 2;
  const cycleText = Array.from({ length: cycles }, (_, c) => cycle(topic, c, long)).join('\n');
  const sources = short
    ? ''
    : `sources:
  - title: Teaching online safety in schools
    url: https://www.gov.uk/government/publications/teaching-online-safety-in-schools
    publisher: Department for Education
  - title: Sharing nudes and semi-nudes
    url: https://www.gov.uk/government/publications/sharing-nudes-and-semi-nudes-advice-for-education-settings-working-with-children-and-young-people
    publisher: UKCIS
`;
  const duration = long ? 60 : 50;
  const baseline = long ? 5 : 5;
  return `# yaml-language-server: $schema=../lesson.schema.json
title: Synthetic lesson ${i} on ${topic}
keyStage: key-stage-3
yearGroups: [8, 9]
durationInMinutes: ${duration}
summary: |
${block(paragraph(topic, 0), 2)}
learningOutcome: I can recognise ${topic} online and say who I could tell.
keyLearningPoints:
  - Online groups can make risky behaviour feel normal.
  - It is never the fault of the person who is targeted.
  - You can step away and tell a trusted adult.
keywords:
  - keyword: pressure
    definition: Feeling pushed to do something you do not want to do.
  - keyword: trusted adult
    definition: An adult you feel safe with, who will listen and help.
  - keyword: DSL
    definition: The Designated Safeguarding Lead, the member of staff who keeps pupils safe.
misconceptions:
  - misconception: If you joined in, it is your fault.
    response: Pressure and tricks are used on purpose. The person who pressures is responsible.
contentGuidance: [e/rshe-content, u/sensitive-content]
supervisionLevel: 2
safeLearning:
  groundRules:
    - We listen to each other.
    - We do not name real people or share personal stories.
    - We can pass.
  distancing: |
    All scenarios use invented characters; pupils talk about them, not themselves.
  questionBox: true
  timeOut: |
    A pupil who is upset can go to the pastoral office; the form tutor follows up the same day.
dslNotes: |
${block(`Tell the DSL the date of this lesson. Pupils affected by ${topic} may find it difficult.\n\nOn a disclosure: listen, do not promise secrecy, record in the child's words and pass it to the DSL the same day. Staff never view, copy or share an image a pupil discloses.`, 2)}
baseline:
  activity: |
    List three things you know about ${topic}.
  durationInMinutes: ${baseline}
cycles:
${cycleText}
endpoint:
  activity: |
    Repeat the baseline list and add one thing you would do.
  durationInMinutes: 5
starterQuiz:
  - question: What does a trusted adult do?
    answers: [Listens and helps]
    distractors: [Tells everyone, Ignores you]
exitQuiz:
  - question: What should you do if a group pressures you?
    answers: [Step away and tell a trusted adult]
    distractors: [Keep it secret, Do what they say]
  - question: Whose fault is it when someone is pressured?
    answers: [The person doing the pressuring]
    distractors: [The person targeted, Nobody's]
signposts: [childline, shout]
parentLetter: |
  This lesson helps your child recognise ${topic} online and know who to talk to.
curriculumLinks:
  rshe: [How to recognise and respond to pressure online]
  connectedWorld: [online-relationships, health-wellbeing-and-lifestyle]
  fourCs: [contact, conduct]
${sources}reviewDate: '2027-11-26'
`;
}

export function generateLibrary(count: number, dir: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync('examples/library/signposts.yaml', path.join(dir, 'signposts.yaml'));
  const perUnit = 20;
  for (let u = 0; u * perUnit < count; u++) {
    const unit = `unit-${String(u + 1).padStart(3, '0')}`;
    mkdirSync(path.join(dir, unit), { recursive: true });
    const ids: string[] = [];
    for (let i = u * perUnit; i < Math.min(count, (u + 1) * perUnit); i++) {
      const id = `lesson-${String(i + 1).padStart(4, '0')}`;
      ids.push(id);
      writeFileSync(path.join(dir, unit, `${id}.yaml`), lesson(i));
    }
    writeFileSync(
      path.join(dir, unit, 'unit.yaml'),
      `title: Synthetic unit ${u + 1}\nkeyStage: key-stage-3\nlessons:\n${ids.map((id) => `  - ${id}`).join('\n')}\n`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 100);
  const dir = process.argv[3] ?? `.tmp/library-${count}`;
  generateLibrary(count, dir);
  console.log(`wrote ${count} lessons to ${dir}`);
}
