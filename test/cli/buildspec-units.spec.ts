import { expect } from "chai";
import {
  BUILD_PHASE_TYPES,
  dockerRunLauncher,
  nextPhase,
  phaseWalk,
  readZip,
  runPhaseCommands,
  selectArtifactFiles,
  writeZip,
} from "../../packages/cli/src/buildspec";
import { matchesGlob } from "../../packages/aws-cicd/src/codebuild/buildspec-glob";
import { parseArgs } from "../../packages/cli/src/buildspec/args";
import { resolveSecretVariables } from "../../packages/cli/src/buildspec/environment";
import { MarkerFilter } from "../../packages/cli/src/buildspec/shell";

describe("aws-cicd buildspec run (pure parts)", () => {
  describe("phase transitions", () => {
    it("walks every phase when all succeed", () => {
      expect(phaseWalk({})).to.deep.equal([...BUILD_PHASE_TYPES]);
    });

    it("goes from a failed INSTALL or PRE_BUILD straight to FINALIZING", () => {
      expect(phaseWalk({ INSTALL: { succeeded: false } })).to.deep.equal([
        "SUBMITTED",
        "QUEUED",
        "PROVISIONING",
        "DOWNLOAD_SOURCE",
        "INSTALL",
        "FINALIZING",
        "COMPLETED",
      ]);
      expect(nextPhase("PRE_BUILD", false)).to.equal("FINALIZING");
    });

    it("runs POST_BUILD and UPLOAD_ARTIFACTS after a failed BUILD", () => {
      expect(phaseWalk({ BUILD: { succeeded: false } }).slice(6)).to.deep.equal([
        "BUILD",
        "POST_BUILD",
        "UPLOAD_ARTIFACTS",
        "FINALIZING",
        "COMPLETED",
      ]);
      expect(nextPhase("POST_BUILD", false)).to.equal("UPLOAD_ARTIFACTS");
      expect(nextPhase("UPLOAD_ARTIFACTS", false)).to.equal("FINALIZING");
    });

    it("goes on to the next phase with on-failure CONTINUE", () => {
      expect(nextPhase("INSTALL", false, "CONTINUE")).to.equal("PRE_BUILD");
      expect(nextPhase("COMPLETED", true)).to.equal(undefined);
    });

    it("stops commands at the first failure and still runs finally", async () => {
      const ran: string[] = [];
      const r = await runPhaseCommands(["a", "b", "c"], ["f1", "f2"], async (c) => {
        ran.push(c);
        return c === "b" ? 3 : 0;
      });
      expect(ran).to.deep.equal(["a", "b", "f1", "f2"]);
      expect(r.succeeded).to.equal(false);
      expect(r.outcomes[1]).to.deep.equal({ command: "b", exitCode: 3 });
    });
  });

  describe("globs and artifact files", () => {
    it("matches *, ? and ** like buildspec files", () => {
      expect(matchesGlob("a/b/c.js", "**/*")).to.equal(true);
      expect(matchesGlob("c.js", "**/*.js")).to.equal(true);
      expect(matchesGlob("dist/x/y.js", "dist/**/*.js")).to.equal(true);
      expect(matchesGlob("dist/y.js", "dist/*")).to.equal(true);
      expect(matchesGlob("dist/x/y.js", "dist/*")).to.equal(false);
      expect(matchesGlob("a1.txt", "a?.txt")).to.equal(true);
      expect(matchesGlob("src/index.html", "./src/index.html")).to.equal(true);
      expect(matchesGlob("a.b", "a+b")).to.equal(false);
    });

    it("selects, excludes and discards paths", () => {
      const files = ["dist/a.js", "dist/sub/b.js", "dist/sub/b.map", "README.md"];
      expect(selectArtifactFiles(files, ["dist/**/*"], ["**/*.map"], true)).to.deep.equal([
        { path: "dist/a.js", entryName: "a.js" },
        { path: "dist/sub/b.js", entryName: "b.js" },
      ]);
      expect(() => selectArtifactFiles(["a/x", "b/x"], ["**/*"], [], true)).to.throw(
        '`discard-paths: yes` gives a/x and b/x the same name "x"',
      );
    });
  });

  describe("zip", () => {
    it("writes a zip the reader reads back, stored and deflated", () => {
      const big = Buffer.from("hello ".repeat(1000));
      const zip = writeZip([
        { name: "a.txt", data: Buffer.from("x") },
        { name: "d/b.txt", data: big },
      ]);
      const back = readZip(zip);
      expect(back.map((e) => e.name)).to.deep.equal(["a.txt", "d/b.txt"]);
      expect(back[1].data.equals(big)).to.equal(true);
      expect(zip.length).to.be.lessThan(big.length);
    });
  });

  describe("secrets", () => {
    const env = { "parameter-store": { DB_URL: "/app/db-url" }, "secrets-manager": { PW: "prod/db:password", TOKEN: "tok" } };

    it("reads values by parameter name, secret id with json-key, and AWS_CICD_PARAM_<variable>", () => {
      const out = resolveSecretVariables(
        env,
        { "/app/db-url": "postgres://x", "prod/db": '{"password":"s3cret"}' },
        { AWS_CICD_PARAM_TOKEN: "t" },
      );
      expect(out).to.deep.equal({ DB_URL: "postgres://x", PW: "s3cret", TOKEN: "t" });
    });

    it("throws one error naming every missing value", () => {
      expect(() => resolveSecretVariables(env, {}, {})).to.throw(
        "No local value for DB_URL (parameter-store /app/db-url), PW (secrets-manager prod/db:password), TOKEN (secrets-manager tok). A local build never reads Parameter Store or Secrets Manager",
      );
    });
  });

  describe("shell markers", () => {
    it("strips a marker split across chunks and reports its code", () => {
      let text = "";
      const codes: number[] = [];
      const f = new MarkerFilter(
        "__M__",
        (t) => (text += t),
        (c) => codes.push(c),
      );
      ["out", "put__", "M__7\nnext"].forEach((c) => f.push(c));
      f.flush();
      expect(text).to.equal("outputnext");
      expect(codes).to.deep.equal([7]);
    });
  });

  describe("docker", () => {
    it("builds the docker run command line, passing variables by name only", () => {
      const l = dockerRunLauncher(
        {
          image: "public.ecr.aws/codebuild/amazonlinux-x86_64-standard:5.0",
          shell: "bash",
          srcDir: "/src",
          commandDir: "/tmp/c",
          variables: { B: "2", A: "s3cret" },
          clientEnv: { PATH: "/bin" },
        },
        "LOOP",
      );
      expect(l.command).to.equal("docker");
      expect(l.args).to.deep.equal([
        "run",
        "--rm",
        "-i",
        "-v",
        "/src:/src",
        "-v",
        "/tmp/c:/tmp/c",
        "-w",
        "/src",
        "-e",
        "A",
        "-e",
        "B",
        "--entrypoint",
        "bash",
        "public.ecr.aws/codebuild/amazonlinux-x86_64-standard:5.0",
        "-c",
        "LOOP",
      ]);
      expect(l.args.join(" ")).to.not.contain("s3cret");
      expect(l.env).to.deep.equal({ PATH: "/bin", A: "s3cret", B: "2" });
    });
  });

  describe("arguments", () => {
    it("parses values, = values, flags and positionals", () => {
      const a = parseArgs(["f.yml", "--out=o", "--region", "eu-west-1", "--help"], { values: ["out", "region"], flags: ["help"] });
      expect(a.positionals).to.deep.equal(["f.yml"]);
      expect(a.values).to.deep.equal({ out: "o", region: "eu-west-1" });
      expect([...a.flags]).to.deep.equal(["help"]);
      expect(() => parseArgs(["--out"], { values: ["out"] })).to.throw("`--out` needs a value.");
    });
  });
});
