// `npm run ledger`: regenerates packages/aws-cicd/PERMISSIONS.md under the test mocks.
import * as fs from "fs";
import * as path from "path";
import "../harness/setup";
import { renderLedger } from "./render";

export const LEDGER_PATH = path.join(__dirname, "..", "..", "packages", "aws-cicd", "PERMISSIONS.md");

// Only when run as the script: mocha given the folder (`mocha test/ledger`) loads this file too.
if (require.main === module) write();

function write(): void {
  renderLedger().then(
    (text) => {
      fs.writeFileSync(LEDGER_PATH, text);
      console.log(`Wrote ${path.relative(process.cwd(), LEDGER_PATH)}.`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
