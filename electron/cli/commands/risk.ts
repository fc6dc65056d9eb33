import { z } from 'zod';
import type { RiskAccount } from '../../../shared/domain/risk-account';
import type {
  FundingDrift,
  ParsedRiskInput,
  PositionRisk,
  ReportedPositionRisk,
  RiskQuestion,
} from '../../../shared/risk/index';
import {
  applyWhatIf,
  collateralForTarget,
  evaluateAccount,
  fundingDrift,
  leverageForTarget,
  parseRiskInput,
  reportLiquidation,
  reportPositionRisk,
  riskInputSchema,
} from '../../../shared/risk/index';
import type { CliIo } from '../cli-io';
import { shockReport } from './risk-shock';
import { defineCommand, parseCommand } from '../command-line';

const spec = defineCommand({
  name: 'risk',
  synopsis: 'FILE|-  |  --schema',
  description:
    'Liquidation prices, maintenance margins and margin ratios for an account given as JSON (from FILE, or from standard input with -), the state after its whatIf operations, the answers to its questions and its shock test, as JSON.',
  options: { schema: { type: 'boolean', default: false } },
  optionHelp: { schema: 'print the input format as JSON Schema and exit' },
  maxFiles: 1,
  example: 'liqlens risk account.json',
});

/** The input format of `liqlens risk` as JSON Schema (draft 2020-12), as the parser accepts it. */
export function riskInputJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(riskInputSchema, { io: 'input' }),
    title: 'liqlens risk input',
    description:
      'An account (venue, position mode, wallet balance, positions with their tiers), optional whatIf operations, optional questions and an optional shock (coins moved by hand, or a reference coin moved and the others by their beta to it from the closes given). Checks across fields (e.g. tiers in order) are made by the parser and reported by field path.',
  };
}

/**
 * `liqlens risk FILE|-` (or `--schema`: the input format as JSON Schema): reads an account (JSON, see shared/risk/input-schema.ts), prints its
 * liquidation prices, maintenance margins and margin ratios, the state after any `whatIf`
 * operations, and answers to any `questions`, as 2-space JSON. Returns 0; on bad input prints one
 * line naming the field and the problem to stderr and returns 1.
 */
export async function runRiskCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(spec, args, io);
  if (typeof parsed === 'number') return parsed;
  if (parsed.values.schema) {
    io.stdout(JSON.stringify(riskInputJsonSchema(), null, 2));
    return 0;
  }
  const [file] = parsed.positionals;
  if (file === undefined) {
    io.stderr('liqlens risk: expected a FILE, or - for standard input (see liqlens risk --help)');
    return 1;
  }
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    io.stderr(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    return 1;
  }
  const input = parseRiskInput(text);
  if (!input.ok) {
    io.stderr(input.error);
    return 1;
  }
  io.stdout(JSON.stringify(riskReport(input.value), null, 2));
  return 0;
}

/**
 * What `liqlens risk` prints for a parsed input: the account's risk, the state after its `whatIf`
 * operations (with refusals and notes) and the answers to its `questions`. A liquidation price
 * beyond reach of its mark is printed as `null` with `liquidationNote: "beyond reach"` and the exact
 * root in `liquidationRoot` (reportPositionRisk); the schema's bounds keep every other figure finite.
 */
export function riskReport({ account, whatIf, questions, shock }: ParsedRiskInput): Record<string, unknown> {
  const result = evaluateAccount(account);
  const output: Record<string, unknown> = { positions: reported(account, result.positions), account: result.account };
  if (whatIf.length > 0) {
    const after = applyWhatIf(account, whatIf);
    output['whatIf'] = {
      positions: reported(after.state, after.positions),
      account: after.account,
      refused: after.refused,
      notes: after.notes,
    };
  }
  if (questions.length > 0) output['answers'] = questions.map((question) => answer(account, question));
  if (shock !== null) output['shock'] = shockReport(account, shock);
  return output;
}

function reported(account: RiskAccount, positions: readonly PositionRisk[]): ReportedPositionRisk[] {
  return positions.map((risk, index) => reportPositionRisk(risk, account.positions[index]?.markPrice ?? Number.NaN));
}

function answer(account: RiskAccount, question: RiskQuestion): Record<string, unknown> {
  const target = { symbol: question.symbol, side: question.side };
  let outcome: object | string;
  if (question.ask === 'collateralForTarget') outcome = collateralForTarget(account, target, question.targetPrice);
  else if (question.ask === 'leverageForTarget') outcome = leverageForTarget(account, target, question.targetPrice);
  else {
    const drift = fundingDrift(account, target, question.rate, question.hours, question.intervalHours);
    const mark = account.positions.find(
      (position) => position.symbol === target.symbol && (target.side === undefined || position.side === target.side),
    )?.markPrice;
    outcome = typeof drift === 'string' || mark === undefined ? drift : reportedDrift(drift, mark);
  }
  return typeof outcome === 'string' ? { ...question, refused: outcome } : { ...question, ...outcome };
}

/** A funding drift with every liquidation price beyond reach of `mark` reported as such, and no drift through one. */
function reportedDrift(drift: FundingDrift, mark: number): Record<string, unknown> {
  const now = reportLiquidation(drift.liquidationPriceNow, mark);
  const points = drift.points.map((point) => ({
    hours: point.hours,
    ...reportLiquidation(point.liquidationPrice, mark),
  }));
  const last = points[points.length - 1];
  const reachable = now.liquidationNote === undefined && last?.liquidationNote === undefined;
  return {
    liquidationPriceNow: now.liquidationPrice,
    ...(now.liquidationNote === undefined
      ? {}
      : { liquidationNoteNow: now.liquidationNote, liquidationRootNow: now.liquidationRoot }),
    points,
    driftPerHour: reachable ? drift.driftPerHour : null,
  };
}
