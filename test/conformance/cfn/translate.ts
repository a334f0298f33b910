import { RecordedResource } from "../../harness/mocks";
import { beanstalk } from "./beanstalk";
import { codebuild } from "./codebuild";
import { codecommit } from "./codecommit";
import { codedeploy } from "./codedeploy";
import { codepipeline } from "./codepipeline";
import { CfnResourceJson, ServiceTranslations, TranslateContext } from "./context";
import { ec2 } from "./ec2";
import { ecs } from "./ecs";
import { events } from "./events";
import { iam } from "./iam";
import { kms } from "./kms";
import { lambda } from "./lambda";
import { logs } from "./logs";
import { s3 } from "./s3";
import { sns } from "./sns";

/** Every Pulumi type with a CloudFormation translation. */
export const TRANSLATIONS: ServiceTranslations = {
  ...s3,
  ...kms,
  ...iam,
  ...sns,
  ...logs,
  ...codebuild,
  ...codecommit,
  ...codepipeline,
  ...beanstalk,
  ...ec2,
  ...codedeploy,
  ...ecs,
  ...events,
  ...lambda,
};

/**
 * Types the stacks create that are left out of the template, with the reason: the AwsSolutions
 * pack has no rule for them (nor for their CloudFormation type).
 */
export const NOT_TRANSLATED: Record<string, string> = {
  "aws:codestarnotifications/notificationRule:NotificationRule": "no AwsSolutions rule for AWS::CodeStarNotifications::NotificationRule",
  "aws:codeconnections/connection:Connection": "no AwsSolutions rule for AWS::CodeConnections::Connection",
  "aws:ssm/association:Association": "no AwsSolutions rule for AWS::SSM::Association",
  "aws:ebs/encryptionByDefault:EncryptionByDefault": "an account setting, no CloudFormation resource",
  "aws:lambda/alias:Alias": "no AwsSolutions rule for AWS::Lambda::Alias",
};

/** A CloudFormation template equivalent to a recorded stack, and the logical id of each recorded resource. */
export interface Translation {
  template: { Resources: Record<string, CfnResourceJson> };
  /** Logical id → the recorded resource it stands for. */
  sources: Map<string, RecordedResource>;
}

function isInfrastructure(r: RecordedResource): boolean {
  return r.type.startsWith("pulumi:providers:") || !r.type.startsWith("aws:");
}

/**
 * Translates the recorded resources of one stack into CloudFormation. Throws on a type with no
 * translation (add one under test/conformance/cfn/, or a reason to NOT_TRANSLATED) and on a
 * sub-resource no parent claimed (its parent is missing or the match is wrong).
 */
export function translate(resources: RecordedResource[]): Translation {
  const ctx = new TranslateContext(resources);
  const kept = resources.filter((r) => !isInfrastructure(r) && NOT_TRANSLATED[r.type] === undefined);
  const unknown = [...new Set(kept.filter((r) => TRANSLATIONS[r.type] === undefined).map((r) => r.type))];
  if (unknown.length) throw new Error(`No CloudFormation translation for ${unknown.join(", ")}; add one in test/conformance/cfn/.`);
  for (const r of kept) {
    const t = TRANSLATIONS[r.type];
    if (t.translate !== "folded") ctx.logicalId(r);
    if (t.exposes) ctx.expose(r, t.exposes(r));
  }
  const out: Translation = { template: { Resources: {} }, sources: new Map() };
  for (const r of kept) {
    const t = TRANSLATIONS[r.type];
    if (t.translate === "folded") continue;
    const id = ctx.logicalId(r);
    out.template.Resources[id] = t.translate(r, ctx);
    out.sources.set(id, r);
  }
  const orphans = kept.filter((r) => TRANSLATIONS[r.type].translate === "folded" && !ctx.folded.has(r));
  if (orphans.length) {
    throw new Error(`Sub-resources not folded into a parent: ${orphans.map((r) => `${r.type} ${r.name}`).join(", ")}.`);
  }
  return out;
}
