import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { autoNameArgs, AUTONAMED_EVENT_RULE } from "../../internal/naming";
import { HiddenChild } from "../../internal/hidden-child";
import { attachStatements, createHiddenServiceRole } from "../../security/iam";
import { BindContext } from "../action-types";
import { START_PIPELINE_ACTIONS } from "../policies";

/** Validation helpers shared by the action definitions (pure). */

/** Throws unless a known string ARN is of `service`; unknown Outputs pass. */
export function checkArn(path: string, arg: string, value: pulumi.Input<string> | undefined, service: string): void {
  if (typeof value !== "string") return;
  if (!new RegExp(`^arn:aws[a-z-]*:${service}:`).test(value)) {
    throw new Error(`\`${path}.${arg}\` must be an ARN of the ${service} service ("arn:aws:${service}:..."), got "${value}".`);
  }
}

/** Throws unless a known string is a non-empty name matching `pattern`. */
export function checkName(path: string, arg: string, value: pulumi.Input<string> | undefined, pattern: RegExp, allowed: string): void {
  if (typeof value !== "string") return;
  if (!pattern.test(value)) throw new Error(`\`${path}.${arg}\` must be ${allowed}, got "${value}".`);
}

/** Namespace of an action's output variables. */
export const NAMESPACE = /^[A-Za-z0-9@_-]{1,100}$/;

/** Throws when `namespace` is given and malformed. */
export function checkNamespace(path: string, namespace: string | undefined): void {
  if (namespace !== undefined && !NAMESPACE.test(namespace)) {
    throw new Error(`\`${path}.namespace\` must hold 1 to 100 letters, digits, "@", "-" or "_", got "${namespace}".`);
  }
}

/** The EventBridge rule, role and (once the pipeline exists) target that start the pipeline on a source event. */
export interface StartTrigger {
  rule: pulumi.CustomResource;
  role: pulumi.CustomResource;
  policy: aws.iam.RolePolicy;
}

/**
 * Creates an EventBridge rule matching `eventPattern` and a role that EventBridge may assume only
 * for this rule (`aws:SourceArn` is the rule's ARN), allowed only to start this pipeline.
 * The target is created by the returned `afterPipeline`.
 */
export function createStartTrigger(
  ctx: BindContext,
  eventPattern: pulumi.Input<string>,
  description: string,
): { trigger: StartTrigger; afterPipeline: (pipeline: aws.codepipeline.Pipeline) => pulumi.Resource[] } {
  const name = `${ctx.resourceName}-trigger`;
  const parent = ctx.parent;
  // Neither the rule nor the role is exposed: hidden children, with Outputs only for what is read here.
  const rule = new HiddenChild(
    aws.cloudwatch.EventRule,
    name,
    { ...autoNameArgs(name, AUTONAMED_EVENT_RULE), description, eventPattern, state: "ENABLED" },
    ["arn", "name"],
    { parent },
  );
  const role = createHiddenServiceRole(
    `${name}-role`,
    {
      service: "events.amazonaws.com",
      sourceAccount: ctx.aws.accountId,
      sourceArn: rule.output("arn"),
      description: `Lets the EventBridge rule ${name} start pipeline ${ctx.pipelineName}.`,
    },
    parent,
  );
  const policy = attachStatements(
    `${name}-policy`,
    role.output("name"),
    [{ sid: "StartThisPipeline", actions: [...START_PIPELINE_ACTIONS], resources: [ctx.pipelineArn] }],
    parent,
  );
  return {
    trigger: { rule, role, policy },
    afterPipeline: (pipeline) => [
      new HiddenChild(
        aws.cloudwatch.EventTarget,
        `${name}-target`,
        { rule: rule.output("name"), arn: pipeline.arn, roleArn: role.output("arn") },
        [],
        { parent },
      ),
    ],
  };
}

/**
 * What every source action kind shares: named "Source", no input artifact, one output artifact
 * (`output`, or an automatic name), produced by default.
 */
export const SOURCE_ACTION_SHAPE = {
  defaultName: () => "Source",
  categories: ["Source"] as const,
  category: () => "Source" as const,
  inputs: { min: 0, max: 0 },
  outputs: { min: 1, max: 1 },
  declaredOutputs: (a: { output?: string }) => (a.output === undefined ? undefined : [a.output]),
  producesByDefault: () => true,
};

/** What every deploy action kind shares: one input artifact (the bundle), no output. */
export const DEPLOY_ACTION_SHAPE = {
  categories: ["Deploy"] as const,
  category: () => "Deploy" as const,
  inputs: { min: 1, max: 1 },
  outputs: { min: 0, max: 0 },
  declaredOutputs: () => undefined,
  producesByDefault: () => false,
};

/** Throws when one of `required` is missing from a deploy action's target data, saying where the data comes from. */
export function checkTargetFields<A extends object>(path: string, a: A, required: readonly (keyof A & string)[], source: string): void {
  for (const arg of required) {
    if (a[arg] === undefined || a[arg] === null) throw new Error(`\`${path}.${arg}\` is required; pass ${source}.`);
  }
}
