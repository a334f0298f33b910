// What `pulumi package add` would publish for other languages: the Pulumi SDK's own schema
// analyzer (@pulumi/pulumi/provider/experimental) run on packages/aws-cicd, component by component.
// The components it refuses, and the exact first arg shape that stops it, are listed in
// packages/aws-cicd/SCHEMA.md; this spec pins that list so it cannot change silently.
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import { Analyzer, ComponentDefinition } from "@pulumi/pulumi/provider/experimental/analyzer";
import { getPulumiComponents } from "@pulumi/pulumi/provider/experimental/provider";
import { generateSchema } from "@pulumi/pulumi/provider/experimental/schema";
import * as cicd from "../../packages/aws-cicd/src";

const PACKAGE_DIR = path.resolve(__dirname, "../../packages/aws-cicd");
const COMPONENTS = [
  "EncryptionKey",
  "SecureTopic",
  "SecureBucket",
  "CodeCommitRepo",
  "BuildProject",
  "Pipeline",
  "BeanstalkTarget",
  "Ec2FleetTarget",
  "CrossAccountDeployRole",
];
/** Components the analyzer turns into schema resources. */
const IN_SCHEMA = [
  "EncryptionKey",
  "SecureTopic",
  "SecureBucket",
  "CodeCommitRepo",
  "BeanstalkTarget",
  "Ec2FleetTarget",
  "CrossAccountDeployRole",
];
/** The first arg shape the analyzer rejects, per component (documented in SCHEMA.md). */
const BLOCKERS: Record<string, { property: string; type: string; output?: true }> = {
  BuildProject: { property: "BuildSpec.version", type: '"0.2" | 0.2 | undefined' },
  Pipeline: { property: "PlannedStage.actions[]", type: "PlannedAction", output: true },
};

/** The analyzer's internals we drive so one TypeScript program serves every component. */
interface AnalyzerState {
  componentNames: Set<string>;
  components: Record<string, ComponentDefinition>;
  typeDefinitions: Record<string, unknown>;
  dependencies: unknown[];
}

describe("aws-cicd Pulumi package schema", function () {
  this.timeout(120_000);
  const results: Record<string, { component?: ComponentDefinition; types?: Record<string, unknown>; error?: string }> = {};

  before(() => {
    const manifest = JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8"));
    // The analyzer throws at the first unsupported shape of any component, so it is run once per
    // component; building its TypeScript program takes seconds, so one instance is reused.
    const analyzer = new Analyzer(PACKAGE_DIR, "aws-cicd", manifest, new Set(COMPONENTS));
    const state = analyzer as unknown as AnalyzerState;
    for (const name of COMPONENTS) {
      state.componentNames = new Set([name]);
      state.components = {};
      state.typeDefinitions = {};
      state.dependencies = [];
      try {
        const result = analyzer.analyze();
        results[name] = { component: result.components[name], types: result.typeDefinitions };
      } catch (e) {
        results[name] = { error: (e as Error).message };
      }
    }
  });

  describe("PulumiPlugin.yaml", () => {
    it("declares the nodejs runtime", () => {
      const text = fs.readFileSync(path.join(PACKAGE_DIR, "PulumiPlugin.yaml"), "utf8");
      expect(text.split("\n").filter((l) => l.trim() && !l.startsWith("#"))).to.deep.equal(["runtime: nodejs"]);
    });

    it("exports every component class the language host looks for", () => {
      const found = getPulumiComponents(cicd)
        .map((c) => c.name)
        .sort();
      expect(found).to.deep.equal([...COMPONENTS].sort());
    });
  });

  describe("analyzer", () => {
    it("puts exactly the supported components in the schema", () => {
      const ok = COMPONENTS.filter((n) => results[n]!.component !== undefined);
      expect(ok).to.deep.equal(IN_SCHEMA);
    });

    it("generates schema resources aws-cicd:index:<Component> for them", () => {
      const components = Object.fromEntries(IN_SCHEMA.map((n) => [n, results[n]!.component!]));
      const schema = generateSchema("aws-cicd", "0.1.0", "aws-cicd", components, {}, []);
      expect(Object.keys(schema.resources).sort()).to.deep.equal(IN_SCHEMA.map((n) => `aws-cicd:index:${n}`).sort());
      for (const resource of Object.values(schema.resources)) expect(resource.isComponent).to.equal(true);
    });

    it("refuses the others for exactly the union-typed args listed in SCHEMA.md", () => {
      const refused = Object.fromEntries(COMPONENTS.filter((n) => results[n]!.error !== undefined).map((n) => [n, results[n]!.error]));
      const expected = Object.fromEntries(
        Object.entries(BLOCKERS).map(([n, b]) => [
          n,
          `Union types are not supported for component '${n}' ${b.output ? "output" : "property"} '${b.property}': type '${b.type}'`,
        ]),
      );
      expect(refused).to.deep.equal(expected);
    });

    it("turns sets of allowed strings into schema enums, with the values TypeScript users write", () => {
      const types = Object.fromEntries(
        IN_SCHEMA.flatMap((n) =>
          Object.entries(
            generateSchema("aws-cicd", "0.1.0", "aws-cicd", { [n]: results[n]!.component! }, results[n]!.types as never, []).types ?? {},
          ),
        ),
      ) as Record<string, { type: string; enum?: { name?: string; value: unknown }[] }>;
      const values = (t: string) => types[`aws-cicd:index:${t}`]?.enum?.map((e) => e.value);
      expect(values("BeanstalkEnvironmentType")).to.deep.equal(["SingleInstance", "LoadBalanced"]);
      expect(values("Ec2DeploymentStrategy")).to.deep.equal(["OneAtATime", "HalfAtATime", "AllAtOnce"]);
      expect(values("RepositoryAccess")).to.deep.equal(["pull", "push", "read"]);
      expect(values("CodeCommitNotificationEventTypeId")).to.include("codecommit-repository-pull-request-merged");
    });

    it("matches the list in SCHEMA.md", () => {
      const doc = fs.readFileSync(path.join(PACKAGE_DIR, "SCHEMA.md"), "utf8");
      for (const name of IN_SCHEMA) expect(doc).to.include(`| \`${name}\` | yes |`);
      for (const [name, b] of Object.entries(BLOCKERS)) expect(doc).to.include(`| \`${name}\` | no | \`${b.property}\` |`);
    });
  });
});
