import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { compileGlob, globPatternProblem, matchesGlob } from "../../packages/aws-cicd/src/codebuild/buildspec-glob";
import { readZip, runCommand, selectArtifactFiles, validateCommand } from "../../packages/cli/src/buildspec";
import { buildEnvironment, HOST_BASE_VARIABLES, passedHostVariables } from "../../packages/cli/src/buildspec/environment";
import { assertWithin, listFiles } from "../../packages/cli/src/buildspec/artifacts";
import { parseBuildSpec } from "../../packages/aws-cicd/src/codebuild/buildspec-parse";
import { MAX_BUILDSPEC_LENGTH, MAX_BUILDSPEC_NESTING, tooDeepOffset } from "../../packages/aws-cicd/src/codebuild/buildspec-limits";
import { collectingIo, tempSource } from "./buildspec-helpers";

const HEAD = "version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n";
const withArtifacts = (files: string) => `${HEAD}artifacts:\n  files:\n${files}`;

/** Runs `buildspec validate FILE` on `text`; returns the exit code and stderr. */
function validate(text: string, file = "bs.yml"): { code: number; err: string } {
  const io = collectingIo(tempSource({ [file]: text }));
  const code = validateCommand([file], io);
  return { code, err: io.err };
}

describe("aws-cicd buildspec on hostile files", () => {
  describe("validate", () => {
    it("refuses a file without `version`", () => {
      expect(validate("phases:\n  build:\n    commands:\n      - echo hi\n")).to.deep.equal({
        code: 1,
        err: "bs.yml:1:1: `buildSpec.version` is missing; a buildspec file starts with `version: 0.2`, and CodeBuild refuses one without it.\n",
      });
    });

    it(`refuses a file over CodeBuild's ${MAX_BUILDSPEC_LENGTH} characters`, () => {
      const text = `${HEAD}# ${"x".repeat(MAX_BUILDSPEC_LENGTH)}\n`;
      expect(validate(text)).to.deep.equal({
        code: 1,
        err: `bs.yml:1:1: The buildspec is ${text.length} characters long; CodeBuild accepts at most 25600. Move long command lists into scripts in the source and run those.\n`,
      });
    });

    it("refuses a huge file by its size, without reading it", () => {
      const text = `${HEAD}# ${"x".repeat(MAX_BUILDSPEC_LENGTH * 4)}\n`;
      expect(validate(text)).to.deep.equal({
        code: 1,
        err: `bs.yml:1:1: The buildspec is ${text.length} bytes long; CodeBuild accepts at most 25600 characters. Move long command lists into scripts in the source and run those.\n`,
      });
    });

    it("refuses a device or pipe as FILE", () => {
      const io = collectingIo(tempSource({}));
      expect(validateCommand(["/dev/zero"], io)).to.equal(2);
      expect(io.err.split("\n")[0]).to.equal(
        "Cannot read buildspec `/dev/zero`: it is not a regular file. Give the path of a buildspec.yml as FILE.",
      );
    });

    it("reports a reversed range in `artifacts.files` at its line", () => {
      expect(validate(withArtifacts('    - "dist/[z-a]*.js"\n'))).to.deep.equal({
        code: 1,
        err: 'bs.yml:8:7: `buildSpec.artifacts.files[0]` is not a valid pattern, got "dist/[z-a]*.js": the range "z-a" is reversed; write "a-z".\n',
      });
    });

    it("reports an empty character class in `exclude-paths`", () => {
      expect(validate(withArtifacts("    - '**/*'\n  exclude-paths:\n    - 'tmp/[!]'\n"))).to.deep.equal({
        code: 1,
        err: 'bs.yml:10:7: `buildSpec.artifacts.exclude-paths[0]` is not a valid pattern, got "tmp/[!]": the character class "[!]" is empty.\n',
      });
    });

    it("reports bad patterns in reports and cache too", () => {
      const report = `${HEAD}reports:\n  unit:\n    files:\n      - "[9-0].xml"\n`;
      expect(validate(report).err).to.equal(
        'bs.yml:9:9: `buildSpec.reports.unit.files[0]` is not a valid pattern, got "[9-0].xml": the range "9-0" is reversed; write "0-9".\n',
      );
      const cache = `${HEAD}cache:\n  paths:\n    - "/root/[]/**/*"\n`;
      expect(validate(cache).err).to.equal(
        'bs.yml:8:7: `buildSpec.cache.paths[0]` is not a valid pattern, got "/root/[]/**/*": the character class "[]" is empty.\n',
      );
    });

    it("gives a clear error for deeply nested flow collections, not a stack overflow", () => {
      const text = `${HEAD.replace("- echo hi", `- ${"[".repeat(5000)}${"]".repeat(5000)}`)}`;
      expect(validate(text)).to.deep.equal({
        code: 1,
        err: `bs.yml:5:69: The buildspec nests lists and mappings more than 64 levels deep; a buildspec needs a few. Flatten the structure.\n`,
      });
    });

    it("gives a clear error for deeply nested block mappings", () => {
      const lines = Array.from({ length: 100 }, (_, i) => `${" ".repeat(i)}k${i}:`);
      const text = `version: 0.2\nphases:\n  build:\n    commands: [x]\nx:\n${lines.map((l) => `  ${l}`).join("\n")} v\n`;
      const r = validate(text);
      expect(r.code).to.equal(1);
      expect(r.err).to.match(
        /^bs\.yml:\d+:\d+: The buildspec nests lists and mappings more than 64 levels deep; a buildspec needs a few\. Flatten the structure\.\n$/,
      );
    });

    it("measures nesting without recursion, even 100,000 levels deep", () => {
      const text = `${"[".repeat(100000)}${"]".repeat(100000)}`;
      expect(tooDeepOffset(text)).to.equal(MAX_BUILDSPEC_NESTING);
      expect(tooDeepOffset(HEAD)).to.equal(undefined);
      const parsed = `${"[".repeat(5000)}${"]".repeat(5000)}`;
      expect(() => parseBuildSpec(parsed)).to.throw("buildspec.yml:1:65: The buildspec nests lists and mappings more than 64 levels deep");
    });
  });

  describe("glob patterns", () => {
    it("keep their meaning", () => {
      expect(matchesGlob("a/b/c.js", "**/*")).to.equal(true);
      expect(matchesGlob("c.js", "**/*.js")).to.equal(true);
      expect(matchesGlob("dist/x/y.js", "dist/**/*.js")).to.equal(true);
      expect(matchesGlob("dist/y.js", "dist/**/*.js")).to.equal(true);
      expect(matchesGlob("dist", "dist/**")).to.equal(false);
      expect(matchesGlob("dist/a/b", "dist/**")).to.equal(true);
      expect(matchesGlob("dist/x/y.js", "dist/*")).to.equal(false);
      expect(["a1.txt", "ab.txt", "a.txt"].map((p) => matchesGlob(p, "a[0-9].txt"))).to.deep.equal([true, false, false]);
      expect(["a1.txt", "ab.txt"].map((p) => matchesGlob(p, "a[!0-9].txt"))).to.deep.equal([false, true]);
      expect(matchesGlob("a[b.txt", "a[b.txt")).to.equal(true);
      expect(matchesGlob("a-b", "a[-]b")).to.equal(true);
      expect(matchesGlob("a/b", "a?b")).to.equal(false);
    });

    it("match 30 `**/` segments against a 3,000-segment path (linear, no backtracking)", () => {
      const pattern = `${"**/".repeat(30)}x.js`;
      const long = `${"d/".repeat(3000)}x.js`;
      expect(matchesGlob(long, pattern)).to.equal(true);
      expect(matchesGlob(`${long}.map`, pattern)).to.equal(false);
      expect(matchesGlob(long, `${"**/a/".repeat(30)}x.js`)).to.equal(false);
    });

    it("match many `*` in one segment against a long name", () => {
      const name = "a".repeat(20000);
      expect(matchesGlob(name, `${"*a".repeat(40)}*b`)).to.equal(false);
      expect(matchesGlob(`${name}b`, `${"*a".repeat(40)}*b`)).to.equal(true);
    });

    it("are checked when compiled: the problem, or nothing", () => {
      expect(globPatternProblem("dist/[z-a]")).to.equal('the range "z-a" is reversed; write "a-z"');
      expect(globPatternProblem("[]")).to.equal('the character class "[]" is empty');
      expect(globPatternProblem("**/*.js")).to.equal(undefined);
      expect(() => compileGlob("[z-a]")).to.throw('"[z-a]" is not a valid pattern: the range "z-a" is reversed; write "a-z".');
      expect(() => selectArtifactFiles(["a"], ["[z-a]"])).to.throw('"[z-a]" is not a valid pattern');
    });
  });

  describe("run: the build's environment", () => {
    const host = { PATH: "/usr/bin:/bin", HOME: "/home/me", AWS_SECRET_ACCESS_KEY: "hostsecret", GITHUB_TOKEN: "ghp_x", EXTRA: "e" };

    it("holds only PATH, HOME, the locale and TMPDIR of the host, plus CodeBuild's and the declared variables", () => {
      expect([...HOST_BASE_VARIABLES]).to.deep.equal(["PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR"]);
      expect(buildEnvironment(host, { CODEBUILD_BUILD_NUMBER: "1" }, { variables: { STAGE: "dev" } }, { DB: "s" })).to.deep.equal({
        PATH: "/usr/bin:/bin",
        HOME: "/home/me",
        CODEBUILD_BUILD_NUMBER: "1",
        STAGE: "dev",
        DB: "s",
      });
    });

    it("adds what `--pass-env` names, and refuses a name that is not a variable", () => {
      expect(passedHostVariables(host, ["EXTRA", "UNSET"])).to.deep.equal({ PATH: "/usr/bin:/bin", HOME: "/home/me", EXTRA: "e" });
      expect(() => passedHostVariables(host, ["A=B"])).to.throw(
        '`--pass-env` must name an environment variable (letters, digits and _, not starting with a digit), got "A=B".',
      );
    });

    it("does not show the build the host's credentials unless passed", async () => {
      const spec =
        'version: 0.2\nphases:\n  build:\n    commands:\n      - echo "token=${GITHUB_TOKEN-unset} key=${AWS_SECRET_ACCESS_KEY-unset}"\n';
      const dir = tempSource({ "buildspec.yml": spec });
      const io = collectingIo(dir, { GITHUB_TOKEN: "ghp_host", AWS_SECRET_ACCESS_KEY: "hostsecret" });
      expect(await runCommand(["--out", "out"], io)).to.equal(0);
      expect(io.out).to.contain("token=unset key=unset\n");
      const passed = collectingIo(dir, { GITHUB_TOKEN: "ghp_host", AWS_SECRET_ACCESS_KEY: "hostsecret" });
      expect(await runCommand(["--out", "out", "--pass-env", "GITHUB_TOKEN", "--pass-env=NOT_SET_HERE"], passed)).to.equal(0);
      expect(passed.out).to.contain("token=ghp_host key=unset\n");
      expect(passed.out).to.contain("[aws-cicd] Note: `--pass-env NOT_SET_HERE` is not set here, so the build does not get it.\n");
    });
  });

  describe("run: where it writes", () => {
    it("refuses `--out` outside the current directory", async () => {
      const dir = tempSource({ "buildspec.yml": HEAD });
      const io = collectingIo(dir);
      expect(await runCommand(["--out", "../elsewhere"], io)).to.equal(2);
      expect(io.err).to.equal(
        `\`--out\` ${path.resolve(dir, "../elsewhere")} is outside ${dir}; a local build writes only inside its working directory. Give a path inside it.\n`,
      );
    });

    it("refuses `--out` through a symbolic link that leads outside", async () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cicd-outside-"));
      const dir = tempSource({ "buildspec.yml": HEAD });
      fs.symlinkSync(outside, path.join(dir, "out"));
      const io = collectingIo(dir);
      expect(await runCommand(["--out", "out"], io)).to.equal(2);
      expect(io.err).to.contain("is outside");
      expect(() => assertWithin(dir, path.join(dir, "out", "x"), "`--out`")).to.throw(
        `\`--out\` ${path.join(dir, "out", "x")} is outside ${dir}`,
      );
      expect(fs.readdirSync(outside)).to.deep.equal([]);
    });

    it("leaves symbolic links that lead out of the source out of artifacts, and says so", async () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cicd-outside-"));
      fs.writeFileSync(path.join(outside, "secret.txt"), "host secret\n");
      const dir = tempSource({
        "buildspec.yml": withArtifacts("    - '**/*'\n  exclude-paths:\n    - buildspec.yml\n"),
        "site/index.html": "page\n",
      });
      fs.symlinkSync(path.join(outside, "secret.txt"), path.join(dir, "site", "leak.txt"));
      fs.symlinkSync(path.join(dir, "site", "index.html"), path.join(dir, "site", "home.html"));
      fs.symlinkSync(outside, path.join(dir, "site", "linked-dir"));
      const io = collectingIo(dir);
      expect(await runCommand(["--out", "out"], io)).to.equal(0);
      const entries = readZip(fs.readFileSync(path.join(dir, "out", "primary.zip")));
      expect(entries.map((e) => [e.name, e.data.toString()])).to.deep.equal([
        ["site/home.html", "page\n"],
        ["site/index.html", "page\n"],
      ]);
      expect(io.out).to.contain(
        `Artifact primary: ${path.join(dir, "out", "primary.zip")} (2 files)\n  left out site/leak.txt: a symbolic link that leads outside the source directory\n`,
      );
      expect(listFiles(path.join(dir, "site"), dir)).to.deep.equal({ files: ["home.html", "index.html"], skipped: ["leak.txt"] });
    });

    it("refuses a `base-directory` that is a link out of the source, and a ZIP path that is a link", async () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), "aws-cicd-outside-"));
      fs.writeFileSync(path.join(outside, "a.txt"), "a\n");
      const dir = tempSource({ "buildspec.yml": `${withArtifacts("    - '**/*'\n")}  base-directory: dist\n` });
      fs.symlinkSync(outside, path.join(dir, "dist"));
      const io = collectingIo(dir);
      expect(await runCommand(["--out", "out"], io)).to.equal(1);
      expect(io.out).to.contain(
        'CLIENT_ERROR: Artifact primary: `base-directory` "dist" is outside the source directory; use a path inside it.',
      );

      const victim = path.join(outside, "victim.txt");
      fs.writeFileSync(victim, "keep\n");
      const dir2 = tempSource({ "buildspec.yml": withArtifacts("    - buildspec.yml\n") });
      fs.mkdirSync(path.join(dir2, "out"));
      fs.symlinkSync(victim, path.join(dir2, "out", "primary.zip"));
      const io2 = collectingIo(dir2);
      expect(await runCommand(["--out", "out"], io2)).to.equal(1);
      expect(io2.out).to.contain(
        `CLIENT_ERROR: Artifact primary: ${path.join(dir2, "out", "primary.zip")} is a symbolic link; a local build does not write through links. Remove it.`,
      );
      expect(fs.readFileSync(victim, "utf8")).to.equal("keep\n");
    });
  });
});
