import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from './cli-io';

type Options = NonNullable<ParseArgsConfig['options']>;
type Config<O extends Options> = { args: string[]; options: O; strict: true; allowPositionals: true };

/** A command's values and positionals, typed from its options. */
export type ParsedCommand<O extends Options> = ReturnType<typeof parseArgs<Config<O>>>;

/** What a subcommand accepts, and the words of its `--help`. */
export interface CommandSpec<O extends Options> {
  /** The subcommand, as typed after `liqlens`. */
  readonly name: string;
  /** What follows the name in the usage line, e.g. `FILE|- [--schema]`. */
  readonly synopsis: string;
  /** What the command does, in a sentence or two. */
  readonly description: string;
  readonly options: O;
  /** One line per option: what it means (defaults are added from `options`). */
  readonly optionHelp: { readonly [K in keyof O]: string };
  /** How many file arguments it takes (default 0); `-` always means standard input. */
  readonly maxFiles?: number;
  /** One command line that works as shown. */
  readonly example: string;
}

/** A command's spec with its option types kept exact (so parsed values are typed). */
export function defineCommand<const O extends Options>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

/** The `--help` text: usage, description, options with their defaults, one example. */
export function helpText<O extends Options>(spec: CommandSpec<O>): string {
  const rows = Object.entries(spec.options).map(([name, option]) => {
    const flag = `${option.short === undefined ? '    ' : `-${option.short}, `}--${name}${option.type === 'string' ? ' VALUE' : ''}`;
    const fallback =
      option.default === undefined || option.default === false ? '' : ` (default: ${String(option.default)})`;
    return [flag, `${spec.optionHelp[name as keyof O]}${fallback}`] as const;
  });
  rows.push(['-h, --help', 'show this help and exit']);
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return [
    `usage: liqlens ${spec.name} ${spec.synopsis}`,
    '',
    spec.description,
    '',
    'options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`),
    '',
    'example:',
    `  ${spec.example}`,
  ].join('\n');
}

/**
 * Parses a subcommand's arguments strictly. `--help` or `-h` (before any `--`) prints the help to
 * stdout and yields exit code 0; an unknown option, a missing option value, an argument too many,
 * or a file argument named like an option (starts with `-`, other than `-` for stdin) prints one
 * line to stderr and yields exit code 1. Otherwise returns the typed values and file arguments.
 */
export function parseCommand<O extends Options>(
  spec: CommandSpec<O>,
  args: readonly string[],
  io: CliIo,
): ParsedCommand<O> | number {
  const end = args.indexOf('--');
  const flags = end === -1 ? args : args.slice(0, end);
  if (flags.includes('--help') || flags.includes('-h')) {
    io.stdout(helpText(spec));
    return 0;
  }
  const refuse = (problem: string): number => {
    io.stderr(`liqlens ${spec.name}: ${problem} (see liqlens ${spec.name} --help)`);
    return 1;
  };
  let parsed: ParsedCommand<O>;
  try {
    parsed = parseArgs({ args: [...args], options: spec.options, strict: true, allowPositionals: true });
  } catch (error) {
    const problem = parseProblem(error, flags);
    return refuse(
      problem.hint !== undefined && /[./]/.test(problem.hint) && (spec.maxFiles ?? 0) > 0
        ? `${problem.text}; a file so named is written ./${problem.hint}`
        : problem.text,
    );
  }
  const maxFiles = spec.maxFiles ?? 0;
  for (const file of parsed.positionals)
    if (file.startsWith('-') && file !== '-')
      return refuse(`"${file}" looks like an option, not a file: write ./${file}`);
  const extra = parsed.positionals[maxFiles];
  if (extra !== undefined)
    return refuse(maxFiles === 0 ? `unexpected argument "${extra}"` : `one file at most, got also "${extra}"`);
  return parsed;
}

/** Node's parseArgs errors in one line of our own words (its messages span several lines); `hint`: the unknown argument. */
function parseProblem(error: unknown, flags: readonly string[]): { text: string; hint?: string } {
  const message = error instanceof Error ? error.message : String(error);
  const named = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
  const code = (error as { code?: unknown }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const typed = flags.find((arg) => arg === named || arg.startsWith(named)) ?? named;
    return { text: `unknown option "${typed}"`, hint: typed };
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return {
      text: message.includes('does not take') ? `option "${named}" takes no value` : `option "${named}" needs a value`,
    };
  return { text: message.split('\n')[0] ?? message };
}
