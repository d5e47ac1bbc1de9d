import { describe, expect, it, vi } from 'vitest';
import { FactoryError } from '../../src/errors/catalog.ts';
import { render, templateNames } from '../../src/templates/index.ts';

function failure(fn: () => unknown): FactoryError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FactoryError) return e;
    throw e;
  }
  throw new Error('expected a FactoryError');
}

describe('render: substitution', () => {
  it('replaces names and dotted paths, without HTML escaping', () => {
    expect(render('Hi {{ name }}, {{user.address.city}}! <{{html}}>', { name: 'Ada', user: { address: { city: 'Zürich' } }, html: '<b>&"\'' })).toBe(
      'Hi Ada, Zürich! <<b>&"\'>',
    );
  });

  it('renders numbers, booleans, and objects/arrays as indented JSON', () => {
    expect(render('{{n}} {{f}} {{b}} {{z}}', { n: 3, f: 2.5, b: false, z: 0 })).toBe('3 2.5 false 0');
    expect(render('{{o}}', { o: { a: [1] } })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(render('{{xs.1}}', { xs: ['a', 'b'] })).toBe('b');
  });

  it('inserts values once: a value that looks like a tag stays text', () => {
    expect(render('{{v}}', { v: '{{secret}} {{#x}}y{{/x}}' })).toBe('{{secret}} {{#x}}y{{/x}}');
  });

  it('lists every missing variable with its line', () => {
    const e = failure(() => render('a {{one}}\n{{two.three}}\n{{#list}}{{four}}{{/list}}', { two: {}, list: [{}, {}] }, 'demo.md'));
    expect(e.code).toBe('INTERNAL');
    expect(e.details).toEqual({ template: 'demo.md', missing: ['one (line 1)', 'two.three (line 2)', 'four (line 3)'] });
    expect(e.message).toContain('missing variables: one (line 1), two.three (line 2), four (line 3)');
  });

  it('refuses null and undefined values for substitution', () => {
    expect(failure(() => render('{{a}}{{b}}', { a: null, b: undefined })).details).toEqual({ template: 'template', missing: ['a (line 1) is null', 'b (line 1) is undefined'] });
  });
});

describe('render: sections', () => {
  it('repeats over arrays with {{.}} for scalars and names for objects', () => {
    expect(render('{{#xs}}[{{.}}]{{/xs}}', { xs: ['a', 1, true] })).toBe('[a][1][true]');
    expect(render('{{#people}}{{name}} is {{age}}; {{/people}}', { people: [{ name: 'A', age: 1 }, { name: 'B', age: 2 }] })).toBe('A is 1; B is 2; ');
    expect(render('{{#xs}}x{{/xs}}', { xs: [] })).toBe('');
  });

  it('renders once for truthy values, pushing them as context, and looks names up outwards', () => {
    expect(render('{{#user}}{{name}} of {{team}}{{/user}}', { user: { name: 'Ada' }, team: 'core' })).toBe('Ada of core');
    expect(render('{{#flag}}on{{/flag}}{{#off}}never{{/off}}{{#s}}<{{.}}>{{/s}}', { flag: true, off: false, s: 'txt' })).toBe('on<txt>');
    expect(render('{{#a}}{{#b}}{{c}}-{{d}}{{/b}}{{/a}}', { a: { c: 1, b: [{ d: 2 }, { d: 3, c: 9 }] } })).toBe('1-29-3');
  });

  it('renders inverted sections for falsy values and empty arrays', () => {
    const t = '{{^v}}none{{/v}}';
    expect([[], false, null, '', 0].map((v) => render(t, { v }))).toEqual(['none', 'none', 'none', 'none', 'none']);
    expect([[1], true, 'x', 1, {}].map((v) => render(t, { v }))).toEqual(['', '', '', '', '']);
  });

  it('drops lines that hold only a section or comment tag', () => {
    const t = 'List:\n  {{#xs}}\n  - {{.}}\n  {{/xs}}\n{{^xs}}\nempty\n{{/xs}}\n{{! a comment\n    on two lines }}\nend {{! inline }}done\n';
    expect(render(t, { xs: ['a', 'b'] })).toBe('List:\n  - a\n  - b\nend done\n');
    expect(render(t, { xs: [] })).toBe('List:\nempty\nend done\n');
  });

  it('reports syntax errors with their line', () => {
    expect(failure(() => render('a\n{{#x}}b', { x: 1 })).message).toMatch(/line 2: '\{\{#x\}\}' is never closed/);
    expect(failure(() => render('{{#x}}\n{{/y}}', { x: 1 })).message).toMatch(/line 2: '\{\{\/y\}\}' closes '\{\{#x\}\}' opened on line 1/);
    expect(failure(() => render('{{/x}}', {})).message).toMatch(/never opened/);
    expect(failure(() => render('x {{ oops', {})).message).toMatch(/never closed with/);
    expect(failure(() => render('{{{raw}}}', { raw: 1 })).message).toMatch(/is not a tag/);
  });
});

describe('render: nothing executes', () => {
  it('never reaches prototypes through names', () => {
    for (const t of ['{{constructor.constructor}}', '{{constructor}}', '{{__proto__}}', '{{a.__proto__.polluted}}', '{{toString}}', '{{a.constructor.name}}']) {
      const e = failure(() => render(t, { a: {} }));
      expect(e.code, t).toBe('INTERNAL');
      expect((e.details as { missing: string[] }).missing, t).toHaveLength(1);
    }
    expect(failure(() => render('{{#constructor}}x{{/constructor}}', {})).code).toBe('INTERNAL');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('treats JavaScript and expressions in a template as text or as a syntax error', () => {
    const js = "<script>alert(1)</script> ${process.exit(1)} `${globalThis}` (() => { throw 1 })()";
    expect(render(js, {})).toBe(js);
    for (const t of ['{{ process.exit(1) }}', '{{ a + b }}', "{{ require('fs') }}", '{{#x.map(f)}}{{/x.map(f)}}', '{{ a[0] }}']) {
      expect(failure(() => render(t, { a: 1, b: 2, x: [] })).message, t).toMatch(/is not a tag/);
    }
    expect(failure(() => render('{{ this }}', {})).details).toEqual({ template: 'template', missing: ['this (line 1)'] });
  });

  it('never calls functions found in the context', () => {
    const fn = vi.fn(() => 'called');
    const e = failure(() => render('{{f}} {{#f}}x{{/f}} {{^f}}y{{/f}}', { f: fn }));
    expect(fn).not.toHaveBeenCalled();
    expect((e.details as { missing: string[] }).missing).toEqual(['f (line 1) is a function, which templates never call']);
  });
});

describe('templateNames', () => {
  it('lists the variables and sections a template uses', () => {
    expect(templateNames('{{a}} {{#b}}{{.}}{{c.d}}{{/b}}{{^e}}{{/e}}{{! f }}')).toEqual(['a', 'b', 'c.d', 'e']);
  });
});
