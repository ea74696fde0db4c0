import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { mdastToHtml, renderHtml } from '../../src/html/index.ts';
import type { Library, Signpost } from '../../src/lesson/types.ts';
import { parseMarkdown } from '../../src/markdown/processor.ts';

const childline: Signpost = {
  id: 'childline',
  name: 'Childline',
  helpsWith: 'Talk about anything.',
  audience: 'Children',
  ages: 'under 19',
  phone: '0800 1111 (free)',
  url: 'https://www.childline.org.uk',
  verifiedOn: '2025-01-01',
};
const shout: Signpost = { ...childline, id: 'shout', name: 'Shout', phone: undefined, text: 'Text SHOUT to 85258' };

const library: Library = {
  dir: 'lessons',
  lessons: [],
  units: [],
  signposts: [childline, shout],
  school: {
    name: 'Example School',
    dslContact: 'Ms Patel, room 12',
    localServices: [
      { ...childline, id: 'town-youth-hub', name: 'Town Youth Hub', phone: '01632 960123', url: undefined },
    ],
  },
};

const md = (source: string): Root => parseMarkdown(source).tree;
const teacher = (source: string) => mdastToHtml(md(source), { view: 'teacher', library });
const pupil = (source: string) => mdastToHtml(md(source), { view: 'pupil', library });

describe('mdastToHtml', () => {
  it('should show a teacher note in the teacher view only', () => {
    const source = 'Before.\n\n:::teacher\nWatch for upset pupils.\n:::\n\nAfter.';
    expect(teacher(source)).toContain('Watch for upset pupils.');
    expect(teacher(source)).toMatch(/<div class="teacher-note" role="note" aria-label="Teacher note">/);
    expect(pupil(source)).not.toContain('Watch for upset pupils');
    expect(pupil(source)).not.toContain('Teacher note');
    expect(pupil(source)).toContain('After.');
  });

  it('should box a scenario with the character’s name', () => {
    const html = pupil(':::scenario{name="Ava"}\nAva gets a message.\n:::');
    expect(html).toContain('<figure class="scenario"><figcaption>Scenario: Ava</figcaption>');
    expect(html).toContain('Ava gets a message.');
  });

  it('should label discuss and warning callouts visibly', () => {
    expect(pupil(':::discuss\nWhy?\n:::')).toContain('<p class="callout-label">Discuss</p>');
    expect(pupil(':::warning\nInvented messages.\n:::')).toContain('<p class="callout-label">Content note</p>');
  });

  it('should draw as many blank lines as asked and say so to screen readers', () => {
    const html = pupil('::lines{count=4}');
    expect(html.match(/class="answer-line"/g)).toHaveLength(4);
    expect(html).toContain('Space to write your answer (4 lines).');
  });

  it('should show a signpost’s name and contact', () => {
    const html = pupil('Talk to :signpost[childline] or :signpost[shout].');
    expect(html).toContain('<strong class="signpost-name">Childline</strong>');
    expect(html).toContain('call 0800 1111 (free)');
    expect(html).toContain('href="https://www.childline.org.uk"');
    expect(html).toContain('Text SHOUT to 85258');
  });

  it('should find a signpost among the school’s local services', () => {
    expect(pupil('Visit :signpost[town-youth-hub].')).toContain('Town Youth Hub');
    expect(pupil('Visit :signpost[town-youth-hub].')).toContain('call 01632 960123');
  });

  it('should report an unknown signpost with its line and still show its id', () => {
    const { html, diagnostics } = renderHtml(md('One.\n\nAsk :signpost[nobody-here].'), {
      view: 'pupil',
      library,
      file: 'lessons/u/l.yaml',
    });
    expect(html).toContain('nobody-here');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'render-failed', file: 'lessons/u/l.yaml', line: 3 });
  });

  it('should mark links that leave the site', () => {
    const html = pupil('See [the guidance](https://www.gov.uk/guidance).');
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).toContain('<span class="visually-hidden">(external site)</span>');
  });

  it('should keep a non-https link as text and report it', () => {
    const { html, diagnostics } = renderHtml(md('See [this](http://example.com/).'), { view: 'pupil', library });
    expect(html).not.toContain('<a');
    expect(html).toContain('this');
    expect(diagnostics[0].message).toContain('not https');
  });

  it('should never let raw HTML or scripts through', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'html', value: '<script>alert(1)</script>' },
        {
          type: 'paragraph',
          children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'x' }] }],
        },
      ],
    };
    const { html, diagnostics } = renderHtml(tree, { view: 'teacher', library });
    expect(html).not.toMatch(/script|javascript/i);
    expect(diagnostics.map((d) => d.message).join(' ')).toContain('Raw HTML');
  });

  it('should give task-list checkboxes an accessible name', () => {
    const html = pupil('- [ ] I can name a trusted adult\n- [x] I can spot a scam');
    expect(html).toContain('aria-label="I can name a trusted adult"');
    expect(html).toContain('aria-label="I can spot a scam"');
  });

  it('should push markdown headings below the page’s own', () => {
    expect(pupil('# Big')).toContain('<h3>Big</h3>');
    expect(mdastToHtml(md('## Two'), { view: 'pupil', library, headingOffset: 0 })).toContain('<h2>Two</h2>');
  });

  it('should keep footnote ids unique per field and their links working', () => {
    const html = mdastToHtml(md('Fact.[^1]\n\n[^1]: Source.'), { view: 'teacher', library, idPrefix: 'c1-' });
    expect(html).toContain('id="user-content-c1-fn-1"');
    expect(html).toContain('href="#user-content-c1-fn-1"');
  });

  it('should report a node type it does not know and keep its text', () => {
    const tree = { type: 'root', children: [{ type: 'mystery', value: 'kept text' }] } as unknown as Root;
    const { html, diagnostics } = renderHtml(tree, { view: 'pupil', library });
    expect(html).toContain('kept text');
    expect(diagnostics[0].message).toContain('mystery');
  });

  it('should render the same bytes for the same input', () => {
    const source = ':::scenario{name="Sam"}\nHi :signpost[childline]\n:::\n\n::lines{count=2}';
    expect(pupil(source)).toBe(pupil(source));
  });
});

describe('images', () => {
  it('should use the address resolveImage gives and keep the alt text', () => {
    const html = mdastToHtml(md('![A diagram of a feed](feed.png)'), {
      view: 'pupil',
      library,
      resolveImage: (url) => (url === 'feed.png' ? 'data:image/png;base64,iVBORw0KGgo=' : undefined),
    });
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(html).toContain('alt="A diagram of a feed"');
  });

  it('should leave out an image it cannot place, show its alt text and report it', () => {
    const { html, diagnostics } = renderHtml(md('![A diagram](missing.png)'), { view: 'pupil', library });
    expect(html).not.toContain('<img');
    expect(html).toContain('[A diagram]');
    expect(diagnostics[0].message).toContain('missing.png');
  });

  it('should never let a remote image through, even if resolveImage returns one', () => {
    const html = mdastToHtml(md('![x](a.png)'), {
      view: 'pupil',
      library,
      resolveImage: () => 'https://example.com/a.png',
    });
    expect(html).not.toContain('example.com');
  });
});
