// `npm run golden`: rewrites test/golden/flagship-graph.json from the flagship example under the mocks.
import * as path from "path";
import "../harness/setup";
import { runProgram } from "../harness/program";
import { FLAGSHIP_GOLDEN, graphDocument, writeGolden } from "./graph";

// Only when run as the script: mocha given the folder (`mocha test/golden`) loads this file too,
// and writing the golden from another spec's resources would corrupt it.
if (require.main === module) write();

function write(): void {
  runProgram(path.join(__dirname, "../../examples/beanstalk-pipeline/index.ts")).then(
    (run) => {
      writeGolden(FLAGSHIP_GOLDEN, graphDocument(run.resources));
      console.log(`Wrote ${path.relative(process.cwd(), FLAGSHIP_GOLDEN)} (${run.resources.length} resources).`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
