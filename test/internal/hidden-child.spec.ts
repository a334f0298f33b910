// Hidden children (internal/hidden-child.ts, issue 12): the engine receives from a `HiddenChild` the
// very RegisterResource request that the `@pulumi/aws` class would send, field by field, for every
// class the components register hidden; only the Outputs on the JavaScript object differ.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { HiddenChild } from "../../packages/aws-cicd/src/internal/hidden-child";
import { createHiddenServiceRole, createServiceRole } from "../../packages/aws-cicd/src/security/iam";
import { findResource, unwrap } from "../harness";
import { RegisterRequest, sentRequests } from "../harness/requests";

type Request = RegisterRequest;

/** The RegisterResource requests the monitor received while `body` ran, by resource name. */
const requests = async (body: () => void): Promise<Map<string, Request>> => (await sentRequests(body)).registrations;

/**
 * A request with its name taken out and the column of its creating line (the pairs below create
 * both children on one line) set aside: what must be equal between the class and the hidden child.
 */
function comparable(req: Request): Request {
  const { name: _name, sourceposition, stacktrace, ...rest } = req;
  const [first, ...frames] = stacktrace.framesList;
  return {
    ...rest,
    sourceposition: { ...sourceposition, column: "creating line" },
    stacktrace: [{ pc: { ...first.pc, column: "creating line" } }, ...frames],
  };
}

class Owner extends pulumi.ComponentResource {
  constructor(name: string) {
    super("test:index:HiddenChildOwner", name, {});
  }
}

/** What other resources the pairs depend on: an input from each and an explicit dependsOn. */
function fixtures(prefix: string) {
  const parent = new Owner(`${prefix}-owner`);
  const topic = new aws.sns.Topic(`${prefix}-topic`, { name: `${prefix}-topic` }, { parent });
  const second = new aws.sns.Topic(`${prefix}-second`, { name: `${prefix}-second` }, { parent });
  const other = new aws.sns.Topic(`${prefix}-other`, { name: `${prefix}-other` }, { parent });
  return { parent, topic, second, opts: { parent, dependsOn: [other] } };
}

/** Creates the pair with `make`, the class first, and returns both requests. */
async function pair(
  make: (hidden: boolean, name: string) => pulumi.Resource,
): Promise<{ typed: Request; hidden: Request; child: pulumi.Resource }> {
  let child: pulumi.Resource | undefined;
  const seen = await requests(() => {
    make(false, "typed");
    child = make(true, "hidden");
  });
  return { typed: seen.get("typed")!, hidden: seen.get("hidden")!, child: child! };
}

const outputKeys = (r: object) => Object.keys(r).filter((k) => pulumi.Output.isInstance((r as Record<string, unknown>)[k]));

describe("HiddenChild", () => {
  it("registers an EventRule exactly as aws.cloudwatch.EventRule does, with Outputs only for what is read", async () => {
    const { topic, opts } = fixtures("rule");
    const args = {
      namePrefix: "app-trigger-",
      state: "ENABLED",
      eventPattern: topic.arn.apply((a) => `{"resources":["${a}"]}`),
      description: "d",
    };
    // prettier-ignore
    const { typed, hidden, child } = await pair((h, n) => h ? new HiddenChild(aws.cloudwatch.EventRule, n, args, ["arn", "name"], opts) : new aws.cloudwatch.EventRule(n, args, opts));
    expect(comparable(hidden)).to.deep.equal(comparable(typed));
    expect(hidden.dependenciesList).to.have.length(2);
    expect(hidden.version).to.equal(require("@pulumi/aws/package.json").version);
    expect(outputKeys(child).sort()).to.deep.equal(["arn", "description", "eventPattern", "id", "name", "namePrefix", "state", "urn"]);
    const rule = child as HiddenChild<aws.cloudwatch.EventRuleArgs, "arn" | "name">;
    expect(await unwrap(rule.output("arn"))).to.equal(findResource("aws:cloudwatch/eventRule:EventRule", "hidden").state.arn);
    expect(await unwrap(rule.output("name"))).to.equal(findResource("aws:cloudwatch/eventRule:EventRule", "hidden").state.name);
    expect(outputKeys(new aws.cloudwatch.EventRule("typed-count", args))).to.have.length(16);
  });

  it("registers an EventTarget exactly as aws.cloudwatch.EventTarget does, its inputs in the class's order", async () => {
    const { topic, second, opts } = fixtures("target");
    // Given out of order: the class sends them by name, and so the dependencies in that order.
    const args = {
      rule: second.name,
      roleArn: "arn:aws:iam::123456789012:role/r",
      inputTransformer: { inputPaths: { s: "$.detail.state" }, inputTemplate: topic.arn.apply((a) => `"<s> ${a}"`) },
      arn: topic.arn,
    };
    // prettier-ignore
    const { typed, hidden, child } = await pair((h, n) => h ? new HiddenChild(aws.cloudwatch.EventTarget, n, args, [], opts) : new aws.cloudwatch.EventTarget(n, args, opts));
    expect(comparable(hidden)).to.deep.equal(comparable(typed));
    const urn = (n: string) => findResource("aws:sns/topic:Topic", n).urn;
    expect(hidden.dependenciesList).to.deep.equal([urn("target-other"), urn("target-topic"), urn("target-second")]);
    expect(outputKeys(child).sort()).to.deep.equal(["arn", "id", "inputTransformer", "roleArn", "rule", "urn"]);
  });

  it("registers a Role exactly as aws.iam.Role does, a given name among the Outputs kept as given", async () => {
    const { topic, opts } = fixtures("role");
    const args = {
      name: "app-role",
      assumeRolePolicy: topic.arn.apply((a) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Resource: a }] })),
      description: "d",
      maxSessionDuration: 3600,
      path: "/ci/",
      tags: { team: "a" },
    };
    // prettier-ignore
    const { typed, hidden } = await pair((h, n) => h ? new HiddenChild(aws.iam.Role, n, args, ["arn", "name"], opts) : new aws.iam.Role(n, args, opts));
    expect(comparable(hidden)).to.deep.equal(comparable(typed));
    expect(findResource("aws:iam/role:Role", "hidden").inputs.name).to.equal("app-role");
  });

  // Every other class the components register hidden, with inputs shaped as the components give them.
  const others: [
    string,
    (t: aws.sns.Topic) => [new (n: string, a: any, o?: pulumi.CustomResourceOptions) => pulumi.CustomResource, object, string[]],
  ][] = [
    [
      "aws.iam.Policy",
      (t) => [aws.iam.Policy, { namePrefix: "p-", description: "d", policy: t.arn.apply((a) => `{"Resource":"${a}"}`) }, ["arn"]],
    ],
    [
      "aws.vpc.SecurityGroupEgressRule",
      (t) => [
        aws.vpc.SecurityGroupEgressRule,
        { securityGroupId: t.id, description: "d", ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" },
        [],
      ],
    ],
    [
      "aws.vpc.SecurityGroupIngressRule",
      (t) => [
        aws.vpc.SecurityGroupIngressRule,
        { securityGroupId: t.id, description: "d", ipProtocol: "tcp", fromPort: 8080, toPort: 8080, referencedSecurityGroupId: t.name },
        [],
      ],
    ],
    [
      "aws.autoscaling.Notification",
      (t) => [
        aws.autoscaling.Notification,
        { groupNames: [t.name], notifications: ["autoscaling:EC2_INSTANCE_LAUNCH"], topicArn: t.arn },
        [],
      ],
    ],
    ["aws.ecr.LifecyclePolicy", (t) => [aws.ecr.LifecyclePolicy, { repository: t.name, policy: '{"rules":[]}' }, []]],
    [
      "aws.s3.BucketPublicAccessBlock",
      (t) => [
        aws.s3.BucketPublicAccessBlock,
        { bucket: t.name, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        [],
      ],
    ],
    [
      "aws.s3.BucketOwnershipControls",
      (t) => [aws.s3.BucketOwnershipControls, { bucket: t.name, rule: { objectOwnership: "BucketOwnerEnforced" } }, []],
    ],
    ["aws.s3.BucketPolicy", (t) => [aws.s3.BucketPolicy, { bucket: t.name, policy: t.arn.apply((a) => `{"Resource":"${a}"}`) }, []]],
    ["aws.s3.BucketNotification", (t) => [aws.s3.BucketNotification, { bucket: t.name, eventbridge: true }, []]],
    [
      "aws.sns.Topic",
      (t) => [aws.sns.Topic, { namePrefix: "t-", kmsMasterKeyId: t.arn, displayName: "Approval needed", tags: { team: "a" } }, ["arn"]],
    ],
    ["aws.sns.TopicPolicy", (t) => [aws.sns.TopicPolicy, { arn: t.arn, policy: t.arn.apply((a) => `{"Resource":"${a}"}`) }, []]],
    [
      "aws.sns.TopicSubscription",
      (t) => [aws.sns.TopicSubscription, { topic: t.arn, protocol: "email", endpoint: "lead@example.com" }, []],
    ],
  ];
  for (const [label, shape] of others) {
    it(`registers a hidden ${label} exactly as the class does`, async () => {
      const { topic, opts } = fixtures(label);
      const [cls, args, outputs] = shape(topic);
      // prettier-ignore
      const { typed, hidden, child } = await pair((h, n) => h ? new HiddenChild(cls, n, args, outputs, opts) : new cls(n, args, opts));
      expect(comparable(hidden)).to.deep.equal(comparable(typed));
      expect(hidden.dependenciesList.length).to.be.greaterThan(1);
      expect(outputKeys(child).sort()).to.deep.equal([...new Set([...Object.keys(args), ...outputs, "id", "urn"])].sort());
    });
  }

  // These classes alias the `...V2` types of earlier provider versions, which a HiddenChild would not
  // send: SecureBucket keeps them typed even when nested (security/secure-bucket.ts).
  for (const [label, cls, args] of [
    ["BucketServerSideEncryptionConfiguration", aws.s3.BucketServerSideEncryptionConfiguration, { bucket: "b", rules: [] }],
    ["BucketVersioning", aws.s3.BucketVersioning, { bucket: "b", versioningConfiguration: { status: "Enabled" } }],
    ["BucketLifecycleConfiguration", aws.s3.BucketLifecycleConfiguration, { bucket: "b" }],
    ["BucketLogging", aws.s3.BucketLogging, { bucket: "b", targetBucket: "logs", targetPrefix: "b/" }],
  ] as const) {
    it(`cannot stand for aws.s3.${label}, whose class adds an alias to its V2 type`, async () => {
      const { opts } = fixtures(`aliased-${label}`);
      const make = cls as unknown as new (n: string, a: object, o?: pulumi.CustomResourceOptions) => pulumi.CustomResource;
      // prettier-ignore
      const { typed, hidden } = await pair((h, n) => h ? new HiddenChild(make, n, args, [], opts) : new make(n, args, opts));
      expect(typed.aliasesList.map((a: Request) => a.spec.type)).to.deep.equal([
        `aws:s3/${label.charAt(0).toLowerCase()}${label.slice(1)}V2:${label}V2`,
      ]);
      expect(hidden.aliasesList).to.deep.equal([]);
    });
  }

  it("createHiddenServiceRole gives the inputs, dependencies and options of createServiceRole", async () => {
    const { parent, topic } = fixtures("service-role");
    const args = { service: "events.amazonaws.com", sourceAccount: "123456789012", sourceArn: topic.arn, description: "d", path: "/ci/" };
    let role: HiddenChild<aws.iam.RoleArgs, "arn" | "name"> | undefined;
    const seen = await requests(() => {
      createServiceRole("typed", args, parent);
      role = createHiddenServiceRole("hidden", args, parent);
    });
    const strip = ({ name: _n, sourceposition: _s, stacktrace: _t, object, ...rest }: Request) => ({
      ...rest,
      // The automatic name prefix is made from the resource name.
      object: object.fieldsMap.map(([k, v]: [string, any]) => (k === "namePrefix" ? [k, "prefix"] : [k, v])),
    });
    expect(strip(seen.get("hidden")!)).to.deep.equal(strip(seen.get("typed")!));
    expect(outputKeys(role!).sort()).to.include.members(["arn", "name"]);
    expect(outputKeys(role!)).to.not.include("uniqueId");
    expect(await unwrap(role!.output("arn"))).to.equal(findResource("aws:iam/role:Role", "hidden").state.arn);
  });

  it("refuses a class that is not a @pulumi/aws resource class, before registering anything", async () => {
    class Plain extends pulumi.CustomResource {
      constructor(name: string, args: object) {
        super("test:index:Plain", name, args);
      }
    }
    const seen = await requests(() => {
      expect(() => new HiddenChild(Plain, "plain", {}, [], {})).to.throw(
        "Plain has no type token: it is not a @pulumi/aws resource class.",
      );
    });
    expect(seen.size).to.equal(0);
  });
});
