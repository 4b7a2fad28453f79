import { parseArgs } from 'node:util';
import { ProblemError } from '../errors';
import { systemActor } from '../services/audit';
import { calibrate } from '../services/calibration/calibrate';
import { fail, withOrgDatabase } from './org-database';

const usage = 'usage: npm run calibrate -- --org <slug> [--team <name>] [--json]';

function options(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: { org: { type: 'string' }, team: { type: 'string' }, json: { type: 'boolean' } },
    });
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
}

/**
 * `npm run calibrate -- --org <slug> [--team <name>] [--json]`: calibrates a team (or the whole
 * org) from its imported history in the database of DATABASE_URL, stores it as the API does and
 * prints the calibration JSON (`--json`) or its backtest table.
 */
async function main(argv: string[]) {
  const { values } = options(argv);
  if (!values.org) fail(usage);
  try {
    await withOrgDatabase(values.org, async (db, org) => {
      const result = await calibrate(db, org, values.team ?? null, systemActor);
      if (values.json) {
        console.log(JSON.stringify(result));
        return;
      }
      const { changes, from, to } = result.provenance;
      console.log(
        `${result.team ?? org.name}: ${changes} changes, ${from} to ${to}; ${result.backtest.origins} origins`,
      );
      for (const [metric, score] of Object.entries(result.backtest.metrics)) {
        for (const [h, s] of Object.entries(score.byHorizon)) {
          console.log(
            `${metric} h=${h} ${s.mapeKind}=${s.mape?.toFixed(3)} mase=${s.mase?.toFixed(2)} coverage=${s.coverage?.toFixed(2)}`,
          );
        }
      }
    });
  } catch (error) {
    if (error instanceof ProblemError) fail(`Not calibrated: ${error.detail ?? error.title}`, 1);
    fail(`Not calibrated: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
}

await main(process.argv.slice(2));
