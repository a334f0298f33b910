import { expect } from "chai";
import { spawnSync } from "node:child_process";
import { ensureLibraryBuilt } from "../harness/build";
import * as path from "node:path";
import { buildspecCommand, validateCommand } from "../../packages/cli/src/buildspec";
import { main } from "../../packages/cli/src/main";
import { collectingIo, tempSource } from "./buildspec-helpers";

const VALID = "version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n";

describe("aws-cicd buildspec validate", () => {
  describe("results", () => {
    it("exits 0 for a valid buildspec.yml in the current directory", () => {
      const io = collectingIo(tempSource({ "buildspec.yml": VALID }));
      expect(validateCommand([], io)).to.equal(0);
      expect(io.out).to.equal("buildspec.yml: valid buildspec.\n");
    });

    it("exits 1 with file:line:column for an unknown key", () => {
      const io = collectingIo(tempSource({ "bs.yml": "version: 0.2\nphases:\n  build:\n    comands:\n      - echo hi\n" }));
      expect(validateCommand(["bs.yml"], io)).to.equal(1);
      expect(io.err).to.match(/^bs\.yml:4:5: /);
      expect(io.err).to.contain("comands");
    });

    it("exits 1 for a credential in a command, as BuildProject refuses it (issue 10)", () => {
      const token = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
      const bs = `version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n      - git clone https://x:${token}@github.com/o/r\n`;
      const io = collectingIo(tempSource({ "bs.yml": bs }));
      expect(validateCommand(["bs.yml"], io)).to.equal(1);
      expect(io.err).to.equal(
        "bs.yml: `buildspec.phases.build.commands[1]` contains a plaintext credential (a URL with a password); store it in Parameter Store or Secrets Manager, reference it from `env.parameter-store` or `env.secrets-manager` and use the variable in the command.\n",
      );
      expect(io.out).to.equal("");
    });

    it("exits 1 with the line of a YAML syntax error", () => {
      const io = collectingIo(tempSource({ "bs.yml": "version: 0.2\nphases:\n  build:\n    commands: [a\n" }));
      expect(validateCommand(["bs.yml"], io)).to.equal(1);
      expect(io.err).to.match(/^bs\.yml:\d+:\d+: YAML syntax error: /);
    });

    it("exits 2 when the file does not exist", () => {
      const io = collectingIo(tempSource({}));
      expect(validateCommand(["missing.yml"], io)).to.equal(2);
      expect(io.err).to.contain("Cannot read buildspec `missing.yml`: no such file.");
    });

    it("exits 2 for an unknown option and for two files", () => {
      const io = collectingIo(tempSource({}));
      expect(validateCommand(["--nope"], io)).to.equal(2);
      expect(io.err).to.contain("Unknown option `--nope`");
      expect(validateCommand(["a.yml", "b.yml"], io)).to.equal(2);
    });

    it("validates the flagship example's buildspec", () => {
      const io = collectingIo(path.resolve(__dirname, "../../examples/beanstalk-pipeline/app"));
      expect(validateCommand([], io)).to.equal(0);
    });
  });

  describe("dispatch", () => {
    it("routes `aws-cicd buildspec validate` through main", async () => {
      const io = collectingIo(tempSource({ "buildspec.yml": VALID }));
      expect(await main(["buildspec", "validate"], io)).to.equal(0);
      expect(await buildspecCommand(["nope"], io)).to.equal(2);
      expect(await main(["nope"], io)).to.equal(2);
      expect(io.err).to.contain('Unknown command "nope"');
    });
  });

  describe("built bin", () => {
    const root = path.resolve(__dirname, "../..");
    before(function () {
      this.timeout(120000);
      ensureLibraryBuilt();
    });

    it("runs through bin/aws-cicd.js with exit codes 0 and 1", () => {
      const bin = path.join(root, "packages/cli/bin/aws-cicd.js");
      const dir = tempSource({ "ok.yml": VALID, "bad.yml": "version: 0.3\nphases:\n  build:\n    commands: [x]\n" });
      const ok = spawnSync(process.execPath, [bin, "buildspec", "validate", "ok.yml"], { cwd: dir, encoding: "utf8" });
      expect(ok.status).to.equal(0);
      expect(ok.stdout).to.equal("ok.yml: valid buildspec.\n");
      const bad = spawnSync(process.execPath, [bin, "buildspec", "validate", "bad.yml"], { cwd: dir, encoding: "utf8" });
      expect(bad.status).to.equal(1);
      expect(bad.stderr).to.match(/^bad\.yml:1:1: .*version/);
    });
  });
});
