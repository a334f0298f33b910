import { expect } from "chai";
import { parseServicesFile, ServicesFileError } from "../../packages/aws-cicd/src/platform/services-parse";
import { checkServicesFile } from "../../packages/aws-cicd/src/platform/services-check";
import { mergeSettings, resolveService } from "../../packages/aws-cicd/src/platform/services-merge";
import { SERVICES_SCHEMA } from "../../packages/aws-cicd/src/platform/services-schema";
import * as fs from "fs";
import * as path from "path";

/** A small valid file: two accounts, two teams, fleet and team defaults, two services. */
export const VALID = `version: 1
preset:
  name: "@acme/pipelines"
  version: 2.1.0
defaults:
  build:
    computeType: BUILD_GENERAL1_SMALL
    buildspec: buildspec.yml
  pipeline:
    executionMode: QUEUED
  targets:
    beanstalk:
      instanceType: t3.small
      environmentType: LoadBalanced
  environments:
    dev:
      account: dev
    prod:
      account: prod
      approval:
        emails: [release@example.com]
accounts:
  dev:
    id: "111111111111"
    region: us-east-1
    network:
      vpcId: vpc-0a1b2c3d
      privateSubnetIds: [subnet-0a1b2c3d]
  prod:
    id: "222222222222"
    region: us-east-1
    bootstrapRoleArn: arn:aws:iam::222222222222:role/platform-bootstrap
teams:
  payments:
    emails: [payments@example.com]
    defaults:
      build:
        computeType: BUILD_GENERAL1_MEDIUM
      targets:
        beanstalk:
          instanceType: t3.medium
  search:
    emails: [search@example.com]
services:
  - name: checkout
    team: payments
    source:
      codecommit: {}
    notifications:
      emails: [oncall@example.com, payments@example.com]
    environments:
      - name: dev
        target:
          beanstalk: {}
      - name: prod
        target:
          beanstalk:
            minSize: 2
            maxSize: 4
  - name: indexer
    team: search
    source:
      connection:
        connectionArn: arn:aws:codeconnections:us-east-1:111111111111:connection/0a1b2c3d
        repository: acme/indexer
        branch: main
    build:
      timeoutInMinutes: 30
    environments:
      - name: dev
        region: us-west-2
        target:
          ec2Fleet:
            instanceType: t3.small
`;

/** The message of the error `parseServicesFile` throws for `text`. */
function problem(text: string): string {
  try {
    parseServicesFile(text, "services.yml");
  } catch (e) {
    expect(e).to.be.instanceOf(ServicesFileError);
    return (e as Error).message;
  }
  throw new Error("expected the file to be refused");
}

describe("the services file", () => {
  it("ships its JSON Schema for editors, equal to the one the parser checks against (npm run schema writes it)", () => {
    const shipped = JSON.parse(fs.readFileSync(path.join(__dirname, "../../packages/aws-cicd/services.schema.json"), "utf8"));
    expect(shipped).to.deep.equal(JSON.parse(JSON.stringify(SERVICES_SCHEMA)));
    expect(shipped.$defs.target.properties).to.have.keys("beanstalk", "ec2Fleet", "lambda", "ecs");
  });

  describe("valid files", () => {
    it("parses into the typed shape", () => {
      const file = parseServicesFile(VALID);
      expect(file.services.map((s) => s.name)).to.deep.equal(["checkout", "indexer"]);
      expect(file.preset).to.deep.equal({ name: "@acme/pipelines", version: "2.1.0" });
      expect(file.accounts.prod.bootstrapRoleArn).to.equal("arn:aws:iam::222222222222:role/platform-bootstrap");
    });

    it("accepts the same shape as an object (the typed form for programs)", () => {
      const file = parseServicesFile(VALID);
      expect(checkServicesFile(JSON.parse(JSON.stringify(file)))).to.deep.equal(file);
    });
  });

  describe("defaults merging: fleet, then team, then service", () => {
    const file = parseServicesFile(VALID);
    it("merges mappings key by key, later levels winning", () => {
      const checkout = resolveService(file, file.services[0]);
      expect(checkout.build).to.deep.equal({ computeType: "BUILD_GENERAL1_MEDIUM", buildspec: "buildspec.yml" });
      expect(checkout.pipeline).to.deep.equal({ executionMode: "QUEUED" });
      expect(checkout.notificationEmails).to.deep.equal(["payments@example.com", "oncall@example.com"]);
      expect(checkout.environments).to.deep.equal([
        {
          name: "dev",
          accountName: "dev",
          account: file.accounts.dev,
          region: "us-east-1",
          kind: "beanstalk",
          target: { instanceType: "t3.medium", environmentType: "LoadBalanced" },
        },
        {
          name: "prod",
          accountName: "prod",
          account: file.accounts.prod,
          region: "us-east-1",
          approval: { emails: ["release@example.com"] },
          kind: "beanstalk",
          target: { instanceType: "t3.medium", environmentType: "LoadBalanced", minSize: 2, maxSize: 4 },
        },
      ]);
    });

    it("keeps the fleet's defaults where the team sets nothing, and the environment's region over the account's", () => {
      const indexer = resolveService(file, file.services[1]);
      expect(indexer.build).to.deep.equal({ computeType: "BUILD_GENERAL1_SMALL", buildspec: "buildspec.yml", timeoutInMinutes: 30 });
      expect(indexer.environments.map((e) => [e.name, e.accountName, e.region, e.kind, e.target])).to.deep.equal([
        ["dev", "dev", "us-west-2", "ec2Fleet", { instanceType: "t3.small" }],
      ]);
    });

    it("replaces lists rather than joining them", () => {
      expect(mergeSettings({ a: [1, 2], m: { x: 1, y: [1] } }, { a: [3], m: { y: [2] } })).to.deep.equal({ a: [3], m: { x: 1, y: [2] } });
    });
  });

  describe("bad input: file, line, column, field and what is allowed; nothing parsed", () => {
    const edit = (from: string, to: string) => {
      expect(VALID).to.include(from);
      return VALID.replace(from, to);
    };
    const rows: [string, string, string][] = [
      [
        "an unknown field",
        edit("    team: search\n", "    team: search\n    colour: blue\n"),
        'services.yml:62:5: services[1].colour: unknown field "colour"; allowed: name, team, source, build, pipeline, notifications, environments.',
      ],
      [
        "a wrong type",
        edit("      timeoutInMinutes: 30", "      timeoutInMinutes: thirty"),
        'services.yml:68:7: services[1].build.timeoutInMinutes: must be a whole number, got "thirty".',
      ],
      [
        "a value outside its enum",
        edit("    executionMode: QUEUED", "    executionMode: LATER"),
        'services.yml:10:5: defaults.pipeline.executionMode: must be one of QUEUED, SUPERSEDED, PARALLEL; got "LATER".',
      ],
      [
        "a duplicate service name",
        edit("  - name: indexer", "  - name: checkout"),
        'services.yml:60:5: services[1].name: duplicate service name "checkout" (also services[0]); service names are unique.',
      ],
      [
        "an unknown target kind",
        edit("          ec2Fleet:\n            instanceType: t3.small", "          k8s:\n            replicas: 3"),
        'services.yml:73:11: services[1].environments[0].target.k8s: unknown target kind "k8s"; allowed: beanstalk, ec2Fleet, lambda, ecs.',
      ],
      [
        "two target kinds",
        edit("          beanstalk: {}\n", "          beanstalk: {}\n          ec2Fleet: {}\n"),
        "services.yml:53:9: services[0].environments[0].target: set exactly one of beanstalk, ec2Fleet, lambda, ecs; got beanstalk, ec2Fleet.",
      ],
      [
        "an unknown team",
        edit("    team: search", "    team: serach"),
        'services.yml:61:5: services[1].team: unknown team "serach"; teams: payments, search.',
      ],
      [
        "an environment without an account",
        edit("      - name: dev\n        region: us-west-2", "      - name: staging\n        region: us-west-2"),
        'services.yml:70:9: services[1].environments[0]: environment "staging" has no account: set `account` here or in `defaults.environments.staging`.',
      ],
      [
        "a bad service name",
        edit("  - name: indexer", "  - name: Indexer_2"),
        'services.yml:60:5: services[1].name: must match `^[a-z][a-z0-9-]{0,23}$` (Service name), got "Indexer_2".',
      ],
      [
        "a missing required field",
        edit("    source:\n      codecommit: {}\n", ""),
        'services.yml:45:5: services[0]: missing required field "source".',
      ],
      [
        "minSize above maxSize",
        edit("            minSize: 2", "            minSize: 5"),
        "services.yml:56:9: services[0].environments[1].target: minSize (5) must not exceed maxSize (4).",
      ],
      [
        "a duplicate YAML key",
        edit("    region: us-east-1\n    network:", "    region: us-east-1\n    region: us-east-2\n    network:"),
        "",
      ],
      ["not a mapping", "- a\n- b\n", "services.yml:1:1: must be a mapping, got a list."],
      ["an unsupported version", edit("version: 1", "version: 2"), "services.yml:1:1: version: must be one of 1; got 2."],
    ];
    for (const [what, text, message] of rows) {
      it(`refuses ${what}`, () => {
        if (message) expect(problem(text)).to.equal(message);
        else expect(problem(text)).to.match(/^services\.yml:\d+:\d+: YAML syntax error: a key appears twice in one mapping; keep one\.$/);
      });
    }
  });
});
