import stylelint from 'stylelint';
import { describe, expect, it } from 'vitest';

/** Lints `code` as if it lived at `file` with the repository's .stylelintrc.json; returns the rule ids hit. */
async function violations(file: string, code: string): Promise<string[]> {
  const { results } = await stylelint.lint({ code, codeFilename: `${process.cwd()}/${file}` });
  return (results[0]?.warnings ?? []).map((warning) => warning.rule);
}

const feature = 'renderer/src/features/probe/probe.css';
const tokens = 'renderer/src/ui/tokens.css';

describe('CSS uses tokens only', () => {
  const refused: readonly (readonly [string, string, string])[] = [
    ['a hex colour', '.a {\n  color: #fff;\n}\n', 'color-no-hex'],
    ['a named colour', '.a {\n  color: white;\n}\n', 'color-named'],
    ['an rgb() colour', '.a {\n  background: rgb(0 0 0 / 50%);\n}\n', 'function-disallowed-list'],
    ['a px padding', '.a {\n  padding: 4px 8px;\n}\n', 'declaration-property-unit-disallowed-list'],
    ['a px gap', '.a {\n  gap: 6px;\n}\n', 'declaration-property-unit-disallowed-list'],
    ['a px font size', '.a {\n  font-size: 12px;\n}\n', 'declaration-property-unit-disallowed-list'],
    ['a px radius', '.a {\n  border-radius: 6px;\n}\n', 'declaration-property-unit-disallowed-list'],
    ['a raw font family', '.a {\n  font-family: monospace;\n}\n', 'declaration-property-value-allowed-list'],
    ['a raw z-index', '.a {\n  z-index: 10;\n}\n', 'declaration-property-value-allowed-list'],
  ];
  for (const [name, code, rule] of refused) {
    it(`refuses ${name} in a feature stylesheet`, async () => {
      expect(await violations(feature, code)).toContain(rule);
    });
    it(`allows ${name} in tokens.css`, async () => {
      expect(await violations(tokens, `:root {\n  --probe: 0;\n}\n\n${code}`)).toEqual([]);
    });
  }

  it('allows tokens, colour mixes of tokens, and component geometry in px', async () => {
    const code = [
      '.a {',
      '  width: 64px;',
      '  padding: var(--space-2) var(--space-4);',
      '  margin: 0 calc(-1 * var(--space-3));',
      '  font-size: var(--font-size-sm);',
      '  font-family: var(--font-mono);',
      '  color: var(--text);',
      '  background: color-mix(in srgb, var(--accent) 12%, var(--panel));',
      '  border: 1px solid var(--border);',
      '  border-radius: var(--radius-md);',
      '  box-shadow: var(--shadow-2);',
      '  z-index: var(--z-popover);',
      '}',
      '',
    ].join('\n');
    expect(await violations(feature, code)).toEqual([]);
  });
});
