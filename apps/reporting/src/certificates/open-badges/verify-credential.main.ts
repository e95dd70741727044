import { runVerifyCredential } from './verify-credential.command';

runVerifyCredential(process.argv.slice(2), (line) => console.log(line)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error);
    process.exit(2);
  },
);
