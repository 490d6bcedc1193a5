#!/usr/bin/env node
/**
 * Entry point of the `rodtrad` command. A command that runs a job in a worker thread starts
 * that worker first, so the thread boots and loads the job's code while the rest of the CLI
 * loads and opens the project.
 */
import { prewarmJobs } from './core/jobs/run';

const JOB_OF_COMMAND: Record<string, string> = { import: 'import.files', check: 'project.check' };
const args = process.argv.slice(2);
const job = JOB_OF_COMMAND[args[0] ?? ''];
if (job && !args.includes('--help') && !args.includes('-h')) prewarmJobs(job);

const { runCli } = await import('./cli/run');
runCli(args).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`rodtrad: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
