// examples/python-pipeline: the flagship flow in Python, through the SDK that `pulumi package add`
// generates from packages/aws-cicd. Neither the Pulumi CLI nor a generated SDK is run here: this
// spec checks the program's structure against the checked-in schema (packages/aws-cicd/schema.json,
// pinned by test/package/schema.spec.ts): every class it uses exists, every keyword argument is an
// input of that class in the SDK's snake_case, every required input is given, and every output it
// reads exists.
import { expect } from "chai";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import type { PackageSpec, Property } from "@pulumi/pulumi/provider/experimental/schema";
import { pythonCalls, pythonCodeOnly, pythonInputClassName, pythonModuleName, pythonName } from "./python-sdk";

const EXAMPLE = path.resolve(__dirname, "../../examples/python-pipeline");
const PACKAGE_DIR = path.resolve(__dirname, "../../packages/aws-cicd");
const schema = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, "schema.json"), "utf8")) as PackageSpec;
const source = fs.readFileSync(path.join(EXAMPLE, "__main__.py"), "utf8");
/** The program's code, without comments and docstrings (which name the TypeScript helpers). */
const program = pythonCodeOnly(source);
const ALIAS = "aws_cicd";
const TOKEN = (name: string) => `${schema.name}:index:${name}`;

/** The Python classes of the SDK a program can call: components, and input classes of object types. */
function sdkClasses(): Map<string, { kind: "component" | "input"; inputs: Record<string, Property>; required: string[] }> {
  const classes = new Map<string, { kind: "component" | "input"; inputs: Record<string, Property>; required: string[] }>();
  for (const [token, r] of Object.entries(schema.resources)) {
    classes.set(token.split(":")[2], { kind: "component", inputs: r.inputProperties ?? {}, required: r.requiredInputs ?? [] });
  }
  for (const [token, t] of Object.entries(schema.types)) {
    if (t.properties === undefined) continue;
    classes.set(pythonInputClassName(token.split(":")[2]), { kind: "input", inputs: t.properties, required: t.required ?? [] });
  }
  return classes;
}

describe("examples/python-pipeline", () => {
  describe("Pulumi.yaml", () => {
    const project = YAML.parse(fs.readFileSync(path.join(EXAMPLE, "Pulumi.yaml"), "utf8"));

    it("is a Python program", () => {
      expect(project.name).to.equal("python-pipeline");
      expect(typeof project.runtime === "string" ? project.runtime : project.runtime.name).to.equal("python");
    });

    it("declares the component package by its path, for `pulumi install` to generate the SDK", () => {
      expect(project.packages).to.deep.equal({ "aws-cicd": "../../packages/aws-cicd" });
      const target = path.resolve(EXAMPLE, project.packages["aws-cicd"]);
      expect(target).to.equal(PACKAGE_DIR);
      expect(fs.existsSync(path.join(target, "PulumiPlugin.yaml"))).to.equal(true);
    });

    it("is not an npm workspace (no package.json), and its requirements name the Pulumi SDKs", () => {
      expect(fs.existsSync(path.join(EXAMPLE, "package.json"))).to.equal(false);
      const requirements = fs.readFileSync(path.join(EXAMPLE, "requirements.txt"), "utf8").split("\n").filter(Boolean);
      expect(requirements.map((r) => r.split(/[<>=]/)[0])).to.deep.equal(["pulumi", "pulumi-aws"]);
    });
  });

  describe("__main__.py", () => {
    const classes = sdkClasses();
    const calls = pythonCalls(program, ALIAS);

    it("imports the generated SDK module", () => {
      expect(pythonModuleName(schema.name)).to.equal("pulumi_aws_cicd");
      expect(program).to.include(`import ${pythonModuleName(schema.name)} as ${ALIAS}\n`);
    });

    it("builds the flagship flow: key, repository, build project, two Beanstalk targets and the pipeline", () => {
      const components = calls.filter((c) => classes.get(c.name)?.kind === "component").map((c) => `${c.name}(${c.positional[0]})`);
      expect(components).to.deep.equal([
        'EncryptionKey("cicd")',
        'CodeCommitRepo("app")',
        'BuildProject("test")',
        'BeanstalkTarget("dev")',
        'BeanstalkTarget("prod")',
        'Pipeline("app")',
      ]);
      const stages = [...program.matchAll(/StageArgsArgs\(\s*name="([^"]+)"/g)].map((m) => m[1]);
      expect(stages).to.deep.equal(["Source", "BuildAndTest", "DeployDev", "Approve", "DeployProd"]);
      const actions = calls.filter((c) => c.name === "ActionArgsArgs").map((c) => c.keywords.join(","));
      expect(actions).to.deep.equal(["code_commit_source", "code_build", "beanstalk_deploy", "manual_approval", "beanstalk_deploy"]);
    });

    it("uses only classes the SDK has", () => {
      const used = [...new Set([...program.matchAll(new RegExp(`\\b${ALIAS}\\.([A-Za-z_][A-Za-z0-9_]*)`, "g"))].map((m) => m[1]))];
      expect(used.filter((name) => !classes.has(name))).to.deep.equal([]);
      expect(used.length).to.be.greaterThan(10);
    });

    it("passes only inputs of each class, in the SDK's snake_case, and every required one", () => {
      const problems: string[] = [];
      for (const call of calls) {
        const cls = classes.get(call.name)!;
        const allowed = new Map(Object.keys(cls.inputs).map((p) => [pythonName(p), p]));
        for (const kw of call.keywords) if (!allowed.has(kw)) problems.push(`line ${call.line}: ${call.name} has no input ${kw}`);
        for (const req of cls.required) {
          if (!call.keywords.includes(pythonName(req))) problems.push(`line ${call.line}: ${call.name} needs ${pythonName(req)}`);
        }
        const positional = cls.kind === "component" ? 1 : 0;
        if (call.positional.length !== positional)
          problems.push(`line ${call.line}: ${call.name} takes ${positional} positional arguments`);
      }
      expect(problems).to.deep.equal([]);
      expect(calls.length).to.be.greaterThan(20);
    });

    it("reads only outputs the components have", () => {
      const variables = new Map(
        [...program.matchAll(new RegExp(`^(\\w+) = ${ALIAS}\\.(\\w+)\\(`, "gm"))]
          .filter((m) => classes.get(m[2])?.kind === "component")
          .map((m) => [m[1], m[2]]),
      );
      // `target` is the BeanstalkTarget parameter of deploy_to.
      variables.set("target", "BeanstalkTarget");
      const problems: string[] = [];
      for (const m of program.matchAll(/\b(\w+)\.(\w+)\b/g)) {
        const component = variables.get(m[1]);
        if (component === undefined) continue;
        const outputs = Object.keys(schema.resources[TOKEN(component)].properties ?? {}).map(pythonName);
        if (!outputs.includes(m[2])) problems.push(`${m[1]} (${component}) has no output ${m[2]}`);
      }
      expect(problems).to.deep.equal([]);
      expect([...variables.keys()].sort()).to.deep.equal(["dev", "key", "pipeline", "prod", "repo", "target", "test"]);
    });

    it("gives enum inputs one of the enum's values", () => {
      const environmentType = program.match(/environment_type="([^"]+)"/)![1];
      const values = schema.types[TOKEN("BeanstalkEnvironmentType")].enum!.map((e) => e.value);
      expect(values).to.include(environmentType);
    });

    it("is valid Python (parsed with python3 when it is installed)", function () {
      let python = "";
      try {
        python = execFileSync("python3", ["--version"], { encoding: "utf8" });
      } catch {
        this.skip();
      }
      expect(python).to.match(/^Python 3/);
      const parse = "import ast, sys; ast.parse(open(sys.argv[1]).read(), sys.argv[1])";
      execFileSync("python3", ["-c", parse, path.join(EXAMPLE, "__main__.py")], { stdio: "pipe" });
    });
  });
});
