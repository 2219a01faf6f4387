import { ExitCode } from './exit-codes';
import { runCli } from './program';

/** The `trailcase` executable (package.json `bin`). */
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = ExitCode.failed;
  },
);
