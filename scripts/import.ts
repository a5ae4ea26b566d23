// `npm run import -- <file> [--source <name>] [--dry-run] [--by <email>]`: reads a dataset
// with one of the plugins' sources (the French standard « lieux de médiation numérique »
// in CSV or JSON, our own CSV…) and queues each record as a pending submission; prints
// the report. Takes the data folder's lock: stop the server first (one writer per folder).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createImportService, formatReport, ImportError } from '../api/imports/service.ts';
import { createLogger } from '../api/logger.ts';
import { openAudit } from '../api/moderation/audit.ts';
import { createPublishing, gitRepository } from '../api/publish/index.ts';
import { DataLockError, lockDataDir } from '../api/storage/data-lock.ts';
import { createSubmissionsService } from '../api/submissions/service.ts';
import { type Submission, SubmissionRecords, toPluginSubmission } from '../api/submissions/store.ts';
import { loadContentModel, resolvePaths } from '../core/model/index.ts';
import { createPluginHost } from '../plugins/api/index.ts';

const usage = 'Usage : npm run import -- <fichier> [--source <nom>] [--dry-run] [--by <e-mail>]';

const readArgs = () =>
  parseArgs({
    allowPositionals: true,
    options: { source: { type: 'string' }, 'dry-run': { type: 'boolean' }, by: { type: 'string' }, json: { type: 'boolean' } },
  });
let args: ReturnType<typeof readArgs>;
try {
  args = readArgs();
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
const [fileArg] = args.positionals;
if (!fileArg || args.positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
const file = path.resolve(fileArg);
if (!fs.existsSync(file)) {
  console.error(`Le fichier ${fileArg} n'existe pas.`);
  process.exit(2);
}

const paths = resolvePaths();
const logger = createLogger({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
const model = loadContentModel(paths);
const plugins = await createPluginHost({ paths, model, logger, runtime: 'cli' });
let release: () => void;
try {
  release = lockDataDir(paths.data);
} catch (err) {
  if (err instanceof DataLockError) {
    console.error(`${err.message}\nArrêtez le serveur (Ctrl+C dans le terminal de npm start), lancez l'import, puis redémarrez-le.`);
    process.exit(1);
  }
  throw err;
}
try {
  const records = await SubmissionRecords.open(paths.data);
  // Each queued record gets its `submitted` job in the publishing journal; the server runs
  // their hooks (webhooks…) when it starts. The worker is not started here.
  const publishing = createPublishing({
    model,
    dataDir: paths.data,
    records,
    audit: await openAudit(paths.data),
    plugins,
    logger,
    repository: gitRepository(paths.content),
  });
  const announce = async (submission: Submission) => {
    await publishing.pipeline.begin({ kind: 'submitted', submission: toPluginSubmission(submission) });
  };
  const imports = createImportService(model, createSubmissionsService(model, records, logger, plugins, announce), records, plugins);
  const by = args.values.by ?? 'import@passerelle.invalid';
  const report = await imports.run(
    { name: path.basename(file), content: fs.readFileSync(file, 'utf8') },
    { source: args.values.source, dryRun: args.values['dry-run'], submitter: { name: 'Import de données', email: by, organisation: path.basename(file) } },
  );
  console.log(args.values.json ? JSON.stringify(report, null, 2) : formatReport(report));
} catch (err) {
  if (err instanceof ImportError) {
    console.error(err.message);
    process.exitCode = 1;
  } else throw err;
} finally {
  release();
}
