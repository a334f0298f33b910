// What `pulumi package add packages/aws-cicd` publishes to Python, Go, C#, Java and YAML: the
// schema the Node.js language host derives from the built package with the Pulumi SDK's analyzer,
// all components in one run (see schema-host.ts). It must accept every component, and it is pinned
// by packages/aws-cicd/schema.json: after changing a component's args or outputs, run
// `npm run schema` and review the diff.
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import type { PackageSpec, Property } from "@pulumi/pulumi/provider/experimental/schema";
import * as cicd from "../../packages/aws-cicd/src";
import { hostedSchema, HostedSchema, PACKAGE_DIR, SCHEMA_SNAPSHOT, stableJson } from "./schema-host";
import { COMPONENTS as ALL_COMPONENTS } from "../harness/components";

const COMPONENTS = [...ALL_COMPONENTS].sort();
const TOKEN = (name: string) => `aws-cicd:index:${name}`;
/**
 * Properties allowed to escape to untyped JSON (`pulumi.json#/Any`) or to have no type: none. A
 * deliberate escape is listed here as `<type or resource token>.<property>`, with the reason.
 */
const UNTYPED_ALLOWED: string[] = [];

/** Every property of the schema, as `[where, property]`, items and map values included. */
function allProperties(schema: PackageSpec): [string, Property][] {
  const out: [string, Property][] = [];
  const add = (where: string, p: Property) => {
    out.push([where, p]);
    if (p.items) add(`${where}[]`, p.items);
    if (p.additionalProperties) add(`${where}{}`, p.additionalProperties);
  };
  for (const [token, r] of Object.entries(schema.resources)) {
    for (const [n, p] of Object.entries(r.inputProperties ?? {})) add(`${token} input ${n}`, p);
    for (const [n, p] of Object.entries(r.properties ?? {})) add(`${token} output ${n}`, p);
  }
  for (const [token, t] of Object.entries(schema.types)) {
    for (const [n, p] of Object.entries(t.properties ?? {})) add(`${token}.${n}`, p);
  }
  return out;
}

describe("aws-cicd Pulumi package schema", function () {
  // The analyzer builds a TypeScript program of the whole package: run it once for every test.
  this.timeout(180_000);
  let hosted: HostedSchema;
  let schema: PackageSpec;

  before(async () => {
    hosted = await hostedSchema();
    schema = hosted.schema;
  });

  describe("the language host", () => {
    it("runs the package as a Node.js component plugin (PulumiPlugin.yaml)", () => {
      const text = fs.readFileSync(path.join(PACKAGE_DIR, "PulumiPlugin.yaml"), "utf8");
      expect(text.split("\n").filter((l) => l.trim() && !l.startsWith("#"))).to.deep.equal(["runtime: nodejs"]);
    });

    it("finds every component class among the exports of the package's main", () => {
      expect([...hosted.componentNames].sort()).to.deep.equal(COMPONENTS);
    });
  });

  describe("schema", () => {
    it("is the checked-in packages/aws-cicd/schema.json (run `npm run schema` after changing args or outputs)", () => {
      const snapshot = JSON.parse(fs.readFileSync(SCHEMA_SNAPSHOT, "utf8"));
      expect(JSON.parse(stableJson(schema)), "schema.json is stale: run `npm run schema` and review the diff").to.deep.equal(snapshot);
    });

    it("publishes every component as a component resource aws-cicd:index:<ClassName>", () => {
      expect(schema.name).to.equal("aws-cicd");
      expect(Object.keys(schema.resources).sort()).to.deep.equal(COMPONENTS.map(TOKEN));
      for (const name of COMPONENTS) {
        expect(schema.resources[TOKEN(name)], name).to.deep.include({ type: "object", isComponent: true });
      }
    });

    it("describes everything in plain text: no TSDoc {@link} that the analyzer renders as [object Object]", () => {
      // The analyzer joins a comment's parts with String(), so a {@link} in the TSDoc of a component,
      // an arg, an output or a type reaches other languages' docs as "[object Object],...".
      const broken: string[] = [];
      const walk = (node: unknown, where: string): void => {
        if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${where}[${i}]`));
        else if (node !== null && typeof node === "object") {
          for (const [k, v] of Object.entries(node)) {
            if (k === "description" && typeof v === "string" && v.includes("[object Object]")) broken.push(where);
            else walk(v, `${where}/${k}`);
          }
        }
      };
      walk(schema, "");
      expect(broken, "write `Name` instead of {@link Name} in these TSDoc comments").to.deep.equal([]);
    });

    it("depends on the aws provider only, at the version the package is built against", () => {
      const awsVersion = JSON.parse(fs.readFileSync(require.resolve("@pulumi/aws/package.json"), "utf8")).version;
      expect(schema.dependencies).to.deep.equal([{ name: "aws", version: awsVersion }]);
    });

    it("requires exactly the args TypeScript requires", () => {
      const required = Object.fromEntries(COMPONENTS.map((n) => [n, schema.resources[TOKEN(n)].requiredInputs]));
      expect(required).to.deep.equal({
        BeanstalkTarget: [],
        BuildProject: [],
        CodeCommitRepo: [],
        CrossAccountDeployRole: ["artifactBucketArn", "artifactKeyArn", "pipelineRoleArn"],
        Ec2FleetTarget: [],
        EcsServiceTarget: [],
        LambdaTarget: ["alias"],
        EncryptionKey: [],
        Pipeline: ["stages"],
        PulumiSelfUpdate: ["pipelineName", "stack"],
        PulumiStack: ["stack"],
        SecureBucket: [],
        SecureTopic: ["encryptionKey"],
        ServiceFleet: [],
      });
    });

    it("types every property: no untyped JSON (pulumi.json#/Any) and no property without a type", () => {
      const untyped = allProperties(schema)
        .filter(([, p]) => ("$ref" in p ? p.$ref === "pulumi.json#/Any" : !("type" in p) || p.type === undefined))
        .map(([where]) => where);
      expect(untyped).to.deep.equal(UNTYPED_ALLOWED);
    });

    it("defines every type a property refers to", () => {
      const refs = allProperties(schema)
        .map(([, p]) => ("$ref" in p ? p.$ref : ""))
        .filter((r) => r.startsWith("#/types/"));
      const missing = [...new Set(refs)].filter((r) => schema.types[r.slice("#/types/".length)] === undefined);
      expect(missing).to.deep.equal([]);
    });

    it("refers to other packages' resources only as @pulumi/aws resources", () => {
      const external = allProperties(schema)
        .map(([, p]) => ("$ref" in p ? p.$ref : ""))
        .filter((r) => r !== "" && !r.startsWith("#/types/"));
      for (const ref of external) expect(ref).to.match(/^\/aws\/v[0-9.]+\/schema\.json#\/resources\/aws:/);
    });

    it("documents every component, input, output and object property (from the TSDoc)", () => {
      const undocumented = allProperties(schema)
        .filter(([where, p]) => !/[\][{}]$/.test(where) && !p.description)
        .map(([where]) => where);
      expect(undocumented).to.deep.equal([]);
      for (const name of COMPONENTS) expect(schema.resources[TOKEN(name)].description, name).to.be.a("string").and.not.equal("");
    });

    it("names properties as camelCase identifiers, except the buildspec model, which keeps buildspec.yml's keys", () => {
      const named = allProperties(schema)
        .map(([where]) => where)
        .filter((where) => !/[\][{}]$/.test(where));
      const odd = named.filter((where) => !/[ .][a-z][A-Za-z0-9]*$/.test(where));
      expect(odd.filter((where) => !where.startsWith(TOKEN("BuildSpec")))).to.deep.equal([]);
      expect(odd).to.include.members([`${TOKEN("BuildSpecPhases")}.pre_build`, `${TOKEN("BuildSpecEnv")}.parameter-store`]);
    });

    it("publishes no internal state as outputs (the analyzer reads every class property as one)", () => {
      const outputs = Object.fromEntries(COMPONENTS.map((n) => [n, Object.keys(schema.resources[TOKEN(n)].properties ?? {})]));
      expect(outputs.Pipeline).to.not.include.members(["stages"]);
      const internalNames = ["stages", "ctx", "scope", "tags", "componentName", "resourceName", "physicalName", "approvalGrants"];
      for (const [name, keys] of Object.entries(outputs))
        expect(
          keys.filter((k) => internalNames.includes(k)),
          name,
        ).to.deep.equal([]);
    });
  });

  describe("enums", () => {
    const enums = () =>
      Object.fromEntries(
        Object.entries(schema.types)
          .filter(([, t]) => t.enum !== undefined)
          .map(([token, t]) => [token.slice(TOKEN("").length), t]),
      );
    const values = (name: string) => enums()[name]?.enum?.map((e) => e.value);

    it("turns the sets of allowed strings into enums holding exactly the strings TypeScript users write", () => {
      expect(values("BeanstalkEnvironmentType")).to.deep.equal(["SingleInstance", "LoadBalanced"]);
      expect(values("Ec2DeploymentStrategy")).to.deep.equal(["OneAtATime", "HalfAtATime", "AllAtOnce"]);
      expect(values("RepositoryAccess")).to.deep.equal(["pull", "push", "read"]);
      expect(values("PipelineType")).to.deep.equal(["V1", "V2"]);
      expect(values("ExecutionMode")).to.deep.equal(["QUEUED", "SUPERSEDED", "PARALLEL"]);
      expect(values("CodeBuildActionType")).to.deep.equal(["Build", "Test"]);
      expect(values("BuildSpecYesNo")).to.deep.equal(["yes", "no"]);
      expect(values("BuildSpecOnFailure")).to.deep.equal(["ABORT", "CONTINUE"]);
      expect(values("BuildSpecShell")).to.deep.equal(["bash", "/bin/sh", "sh", "powershell.exe", "cmd.exe", "pwsh.exe"]);
      expect(values("ComputeType")).to.deep.equal([
        "BUILD_GENERAL1_SMALL",
        "BUILD_GENERAL1_MEDIUM",
        "BUILD_GENERAL1_LARGE",
        "BUILD_GENERAL1_XLARGE",
        "BUILD_GENERAL1_2XLARGE",
      ]);
      expect(values("CodeCommitNotificationEventTypeId")).to.include("codecommit-repository-pull-request-merged");
    });

    it("names each enum and its members after the exported constant object of the same name", () => {
      const exported = cicd as unknown as Record<string, unknown>;
      for (const [name, t] of Object.entries(enums())) {
        expect(t.type, name).to.equal("string");
        expect(exported[name], `${name} is not exported as a constant object`).to.be.an("object");
        const members = Object.fromEntries(t.enum!.map((e) => [e.name, e.value]));
        expect(members, name).to.deep.equal(exported[name]);
      }
    });

    it("refers to the enums from the args that take them", () => {
      const ref = (type: string, prop: string) => {
        const p = schema.types[TOKEN(type)]?.properties?.[prop] ?? schema.resources[TOKEN(type)]?.inputProperties?.[prop];
        return p && ("$ref" in p ? p.$ref : p.items && "$ref" in p.items ? p.items.$ref : undefined);
      };
      expect(ref("BuildProject", "computeType")).to.equal(`#/types/${TOKEN("ComputeType")}`);
      expect(ref("BeanstalkTarget", "environmentType")).to.equal(`#/types/${TOKEN("BeanstalkEnvironmentType")}`);
      expect(ref("BuildSpecReport", "discard-paths")).to.equal(`#/types/${TOKEN("BuildSpecYesNo")}`);
      expect(ref("BuildCacheArgs", "local")).to.equal(`#/types/${TOKEN("LocalCacheMode")}`);
      expect(ref("Pipeline", "pipelineType")).to.equal(`#/types/${TOKEN("PipelineType")}`);
    });
  });
});
