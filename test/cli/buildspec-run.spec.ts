import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { readZip, runCommand } from "../../packages/cli/src/buildspec";
import { PAGE, collectingIo, tempSource } from "./buildspec-helpers";

/** The seed sample's check, as a buildspec. */
const SAMPLE = `version: 0.2
env:
  shell: bash
phases:
  pre_build:
    commands:
      - grep -Fq "Congratulations" index.html
  build:
    commands:
      - echo "built with CODEBUILD_BUILD_SUCCEEDING=$CODEBUILD_BUILD_SUCCEEDING"
artifacts:
  files:
    - index.html
`;

function phaseStatuses(out: string): string[] {
  return out
    .split("\n")
    .filter((l) => /^[A-Z_]+ +(SUCCEEDED|FAILED) /.test(l) || /^[A-Z_]+ +(SUCCEEDED|FAILED)$/.test(l))
    .map((l) => l.split(/ +/).slice(0, 2).join(" "));
}

async function run(files: Record<string, string>, args: string[] = [], env: Record<string, string> = {}) {
  const dir = tempSource(files);
  const io = collectingIo(dir, env);
  const code = await runCommand(["buildspec.yml", "--out", "out", ...args], io);
  return { code, io, dir };
}

describe("aws-cicd buildspec run", () => {
  describe("the seed sample", () => {
    it("succeeds when the page says Congratulations and zips the artifact", async () => {
      const { code, io, dir } = await run({ "buildspec.yml": SAMPLE, "index.html": PAGE });
      expect(code).to.equal(0);
      expect(io.out).to.contain("built with CODEBUILD_BUILD_SUCCEEDING=1");
      expect(phaseStatuses(io.out)).to.deep.equal(
        [
          "SUBMITTED",
          "QUEUED",
          "PROVISIONING",
          "DOWNLOAD_SOURCE",
          "INSTALL",
          "PRE_BUILD",
          "BUILD",
          "POST_BUILD",
          "UPLOAD_ARTIFACTS",
          "FINALIZING",
          "COMPLETED",
        ].map((p) => `${p} SUCCEEDED`),
      );
      expect(io.out).to.contain("Build SUCCEEDED");
      const entries = readZip(fs.readFileSync(path.join(dir, "out/primary.zip")));
      expect(entries.map((e) => [e.name, e.data.toString()])).to.deep.equal([["index.html", PAGE]]);
    });

    it("fails in PRE_BUILD and skips BUILD, POST_BUILD and UPLOAD_ARTIFACTS when the page lacks it", async () => {
      const { code, io, dir } = await run({ "buildspec.yml": SAMPLE, "index.html": "<h1>Hello</h1>\n" });
      expect(code).to.equal(1);
      expect(phaseStatuses(io.out).slice(4)).to.deep.equal([
        "INSTALL SUCCEEDED",
        "PRE_BUILD FAILED",
        "FINALIZING SUCCEEDED",
        "COMPLETED FAILED",
      ]);
      expect(io.out).to.contain('COMMAND_EXECUTION_ERROR: grep -Fq "Congratulations" index.html exited with status 1');
      expect(io.out).to.not.contain("built with");
      expect(fs.existsSync(path.join(dir, "out/primary.zip"))).to.equal(false);
    });
  });

  describe("failures", () => {
    it("ends the build after a failing install", async () => {
      const spec =
        "version: 0.2\nphases:\n  install:\n    commands:\n      - echo installing\n      - exit 4\n      - echo never\n  build:\n    commands:\n      - echo building\n";
      const { code, io } = await run({ "buildspec.yml": spec });
      expect(code).to.equal(1);
      expect(io.out).to.contain("installing").and.not.contain("never").and.not.contain("building");
      expect(phaseStatuses(io.out).slice(4)).to.deep.equal(["INSTALL FAILED", "FINALIZING SUCCEEDED", "COMPLETED FAILED"]);
    });

    it("runs finally, post_build and upload after a failing build, with CODEBUILD_BUILD_SUCCEEDING=0", async () => {
      const spec = `version: 0.2
phases:
  build:
    commands:
      - echo step1
      - "false"
      - echo never
    finally:
      - echo cleanup
  post_build:
    commands:
      - echo "post SUCCEEDING=$CODEBUILD_BUILD_SUCCEEDING"
    finally:
      - echo post-finally
artifacts:
  files:
    - "**/*.txt"
`;
      const { code, io, dir } = await run({ "buildspec.yml": spec, "logs/a.txt": "a" });
      expect(code).to.equal(1);
      const order = io.out.split("\n").filter((l) => ["step1", "never", "cleanup", "post SUCCEEDING=0", "post-finally"].includes(l));
      expect(order).to.deep.equal(["step1", "cleanup", "post SUCCEEDING=0", "post-finally"]);
      expect(phaseStatuses(io.out).slice(6)).to.deep.equal([
        "BUILD FAILED",
        "POST_BUILD SUCCEEDED",
        "UPLOAD_ARTIFACTS SUCCEEDED",
        "FINALIZING SUCCEEDED",
        "COMPLETED FAILED",
      ]);
      expect(readZip(fs.readFileSync(path.join(dir, "out/primary.zip"))).map((e) => e.name)).to.deep.equal(["logs/a.txt"]);
    });

    it("goes on after a failing install with on-failure CONTINUE, and the build fails", async () => {
      const spec =
        'version: 0.2\nphases:\n  install:\n    on-failure: CONTINUE\n    commands:\n      - exit 2\n  build:\n    commands:\n      - echo "build ran $CODEBUILD_BUILD_SUCCEEDING"\n';
      const { code, io } = await run({ "buildspec.yml": spec });
      expect(code).to.equal(1);
      expect(io.out).to.contain("build ran 0");
      expect(phaseStatuses(io.out).slice(4, 7)).to.deep.equal(["INSTALL FAILED", "PRE_BUILD SUCCEEDED", "BUILD SUCCEEDED"]);
    });
  });

  describe("environment", () => {
    it("keeps cd and exports across commands and phases, sets CodeBuild variables and prints exported variables", async () => {
      const spec = `version: 0.2
env:
  variables:
    GREETING: hello
  parameter-store:
    DB_URL: /app/db-url
  exported-variables:
    - VERSION
    - GREETING
phases:
  install:
    commands:
      - mkdir -p sub && cd sub
      - export VERSION=1.2.3
  build:
    commands:
      - pwd
      - echo "v=$VERSION g=$GREETING db=$DB_URL r=$AWS_REGION n=$CODEBUILD_BUILD_NUMBER src=$CODEBUILD_SRC_DIR id=$CODEBUILD_BUILD_ID"
`;
      const dir = tempSource({ "buildspec.yml": spec, "secrets.json": '{"/app/db-url":"pg://local"}' });
      const io = collectingIo(dir);
      const code = await runCommand(["--region", "eu-west-1", "--build-number", "7", "--secrets", "secrets.json", "--out", "out"], io);
      expect(code, io.err).to.equal(0);
      const real = fs.realpathSync(dir);
      expect(io.out).to.match(new RegExp(`\\n(${dir}|${real})/sub\\n`));
      expect(io.out).to.contain(`v=1.2.3 g=hello db=pg://local r=eu-west-1 n=7 src=${dir} id=local:`);
      expect(io.out).to.contain("Exported environment variables:\n  VERSION=1.2.3\n  GREETING=hello\n");
    });

    it("exits 2 with a clear error when a parameter-store value is missing", async () => {
      const spec = "version: 0.2\nenv:\n  parameter-store:\n    DB_URL: /app/db-url\nphases:\n  build:\n    commands:\n      - echo hi\n";
      const { code, io } = await run({ "buildspec.yml": spec });
      expect(code).to.equal(2);
      expect(io.err).to.contain("No local value for DB_URL (parameter-store /app/db-url).");
      expect(io.out).to.not.contain("hi\n");
    });

    it("exits 2 with a clear error when --image is given and Docker is not available", async () => {
      const { code, io } = await run({ "buildspec.yml": SAMPLE, "index.html": PAGE }, [
        "--image",
        "ubuntu:24.04",
        "--docker",
        "/nonexistent/docker",
      ]);
      expect(code).to.equal(2);
      expect(io.err).to.equal(
        "`--image` needs Docker, which is not available (`/nonexistent/docker` is not installed). Start Docker, or leave out `--image` to run the commands on this machine.\n",
      );
    });
  });

  describe("artifacts", () => {
    it("honors base-directory, discard-paths, exclude-paths and secondary artifacts", async () => {
      const spec = `version: 0.2
phases:
  build:
    commands:
      - mkdir -p dist/js && echo a > dist/js/app.js && echo m > dist/js/app.js.map && echo i > dist/index.html
artifacts:
  base-directory: dist
  files:
    - "**/*"
  exclude-paths:
    - "**/*.map"
  secondary-artifacts:
    scripts:
      base-directory: dist
      discard-paths: "yes"
      files:
        - "js/*.js"
`;
      const { code, dir } = await run({ "buildspec.yml": spec });
      expect(code).to.equal(0);
      expect(readZip(fs.readFileSync(path.join(dir, "out/primary.zip"))).map((e) => e.name)).to.deep.equal(["index.html", "js/app.js"]);
      expect(readZip(fs.readFileSync(path.join(dir, "out/scripts.zip"))).map((e) => [e.name, e.data.toString()])).to.deep.equal([
        ["app.js", "a\n"],
      ]);
    });

    it("writes to ./.aws-cicd/artifacts by default and never zips earlier artifacts", async () => {
      const spec = 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\nartifacts:\n  files:\n    - "**/*"\n';
      const dir = tempSource({ "buildspec.yml": spec, "a.txt": "a" });
      for (let i = 0; i < 2; i++) expect(await runCommand([], collectingIo(dir))).to.equal(0);
      const zip = path.join(dir, ".aws-cicd/artifacts/primary.zip");
      expect(readZip(fs.readFileSync(zip)).map((e) => e.name)).to.deep.equal(["a.txt", "buildspec.yml"]);
    });

    it("fails UPLOAD_ARTIFACTS when no file matches", async () => {
      const spec = "version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\nartifacts:\n  files:\n    - nothing/*\n";
      const { code, io } = await run({ "buildspec.yml": spec });
      expect(code).to.equal(1);
      expect(phaseStatuses(io.out)).to.include("UPLOAD_ARTIFACTS FAILED");
      expect(io.out).to.contain("Artifact primary: no file matches `files` (nothing/*)");
    });
  });
});
