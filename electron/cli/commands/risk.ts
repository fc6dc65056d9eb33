import type { RiskAccount } from '../../../shared/domain/risk-account';
import type { RiskQuestion } from '../../../shared/risk/index';
import {
  applyWhatIf,
  collateralForTarget,
  evaluateAccount,
  fundingDrift,
  leverageForTarget,
  parseRiskInput,
} from '../../../shared/risk/index';
import type { CliIo } from '../cli-io';

const usage = 'usage: liqlens risk FILE|-   (an account as JSON, from FILE or from standard input with -)';

/**
 * `liqlens risk FILE|-`: reads an account (JSON, see shared/risk/input-schema.ts), prints its
 * liquidation prices, maintenance margins and margin ratios, the state after any `whatIf`
 * operations, and answers to any `questions`, as 2-space JSON. Returns 0; on bad input prints one
 * line naming the field and the problem to stderr and returns 1.
 */
export async function runRiskCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [file, ...rest] = args;
  if (file === undefined || rest.length > 0) {
    io.stderr(usage);
    return 1;
  }
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await io.readFile(file);
  } catch (error) {
    io.stderr(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
    return 1;
  }
  const parsed = parseRiskInput(text);
  if (!parsed.ok) {
    io.stderr(parsed.error);
    return 1;
  }
  const { account, whatIf, questions } = parsed.value;
  const result = evaluateAccount(account);
  const output: Record<string, unknown> = { positions: result.positions, account: result.account };
  if (whatIf.length > 0) {
    const after = applyWhatIf(account, whatIf);
    output['whatIf'] = {
      positions: after.positions,
      account: after.account,
      refused: after.refused,
      notes: after.notes,
    };
  }
  if (questions.length > 0) output['answers'] = questions.map((question) => answer(account, question));
  io.stdout(JSON.stringify(output, null, 2));
  return 0;
}

function answer(account: RiskAccount, question: RiskQuestion): Record<string, unknown> {
  const target = { symbol: question.symbol, side: question.side };
  let outcome: object | string;
  if (question.ask === 'collateralForTarget') outcome = collateralForTarget(account, target, question.targetPrice);
  else if (question.ask === 'leverageForTarget') outcome = leverageForTarget(account, target, question.targetPrice);
  else outcome = fundingDrift(account, target, question.rate, question.hours, question.intervalHours);
  return typeof outcome === 'string' ? { ...question, refused: outcome } : { ...question, ...outcome };
}
