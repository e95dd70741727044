import 'reflect-metadata';
import { createLogger, runMain } from '@ledger/runtime';
import { loadProjectorConfig } from './config';
import { AS_OF_USAGE, runAsOf } from './as-of/as-of.command';
import { runVerifyChain } from './verify-chain/verify-chain.command';

/** The auditor's commands, `npm run audit -- <command>`; each uses the projector's environment. */
const COMMANDS: Record<string, { summary: string; run: (config: ReturnType<typeof loadProjectorConfig>) => Promise<number> }> = {
  'verify-chain': {
    summary: 'recompute the ledger hash chain from offset 0 and check it against the signed seals (exit 1 on any break)',
    run: (config) => runVerifyChain(config, createLogger('audit', 'warn')),
  },
  'as-of': {
    summary: `the read models as they stood at an instant or ledger position; with --learner, that learner's record\n      ${AS_OF_USAGE}`,
    run: (config) => runAsOf(config, createLogger('audit', 'warn'), process.argv.slice(3)),
  },
};

runMain('audit', async () => {
  const name = process.argv[2];
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(
      `usage: npm run audit -- <command>\n${Object.entries(COMMANDS)
        .map(([n, c]) => `  ${n}  ${c.summary}`)
        .join('\n')}\n`,
    );
    process.exit(2);
  }
  const config = loadProjectorConfig(process.env);
  process.exit(await command.run(config));
});
