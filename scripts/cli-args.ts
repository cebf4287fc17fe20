import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

export type CliArgs =
  | { values: Record<string, string | boolean | undefined>; positionals: string[] }
  | { unknown: string }
  | { missingValue: string };

/**
 * node:util parseArgs, with the two mistakes people make told apart so each gets its own line:
 * an option we do not know (as typed), and a value-taking option given without its value.
 */
export function readCliArgs(argv: string[], options: Options): CliArgs {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const known = options[token.name];
    if (!known) return { unknown: token.rawName };
    if (known.type === 'string' && typeof values[token.name] !== 'string') return { missingValue: token.rawName };
  }
  return { values: values as Record<string, string | boolean | undefined>, positionals };
}
