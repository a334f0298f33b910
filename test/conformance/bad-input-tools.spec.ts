import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCommand, validateCommand } from "../../packages/cli/src/buildspec";
import { collectingIo } from "../cli/buildspec-helpers";
import { cli, CliRun, ROOT } from "../cli/synth-helpers";
import { NAMES_AND_BUILDSPEC_FILES, TOOL_BAD_INPUTS, ToolBadInputCase } from "./bad-input-tool-cases";

/** A fresh directory holding `files`. */
function directoryWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cicd-hostile-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const fill = (text: string, dir: string) => text.replaceAll("{parent}", path.dirname(dir)).replaceAll("{dir}", dir);

describe("Bad input to the tools (names, buildspec files, synth)", () => {
  const synthRuns = new Map<string, { dir: string; run: CliRun }>();
  before(async function () {
    this.timeout(120000);
    await Promise.all(
      TOOL_BAD_INPUTS.filter((c) => c.command === "synth").map(async (c) => {
        const dir = directoryWith(c.files);
        const run = await cli(["synth", ...c.argv.map((a) => fill(a, dir))], { NODE_PATH: path.join(ROOT, "node_modules") });
        synthRuns.set(c.name, { dir, run });
      }),
    );
  });

  it("holds at least 25 distinct hostile inputs for names, buildspecs and synth", () => {
    expect(NAMES_AND_BUILDSPEC_FILES.length + TOOL_BAD_INPUTS.length).to.be.at.least(25);
    const names = TOOL_BAD_INPUTS.map((c) => c.name);
    expect(new Set(names).size).to.equal(names.length);
  });

  for (const c of TOOL_BAD_INPUTS) {
    it(`${c.command}: ${c.name} exits ${c.code} with its message`, async () => {
      const { code, stderr, dir } = await runCase(c);
      expect(stderr.split("\n")[0]).to.equal(fill(c.stderr, dir));
      expect(code).to.equal(c.code);
    });
  }

  /** Runs one case: buildspec commands in-process, synth from the runs started in `before`. */
  async function runCase(c: ToolBadInputCase): Promise<{ code: number | null; stderr: string; dir: string }> {
    if (c.command === "synth") {
      const { dir, run } = synthRuns.get(c.name)!;
      return { code: run.code, stderr: run.stderr, dir };
    }
    const dir = directoryWith(c.files);
    const io = collectingIo(dir, c.env);
    const argv = c.argv.map((a) => fill(a, dir));
    const code = c.command === "buildspec validate" ? validateCommand(argv, io) : await runCommand(argv, io);
    expect(fs.existsSync(path.join(path.dirname(dir), "elsewhere")), "wrote nothing outside").to.equal(false);
    return { code, stderr: io.err, dir };
  }
});
