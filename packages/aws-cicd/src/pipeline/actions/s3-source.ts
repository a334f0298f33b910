import * as pulumi from "@pulumi/pulumi";
import { keyUseThroughServices } from "../../security/encryption-key";
import { PolicyStatement } from "../../security/iam";
import { ActionCommonArgs, ActionKind } from "../action-types";
import { S3_SOURCE_BUCKET_ACTIONS, S3_SOURCE_OBJECT_ACTIONS } from "../policies";
import { SOURCE_ACTION_SHAPE, checkArn, checkName, checkNamespace, createStartTrigger } from "./shared";
import { S3_BUCKET_NAME_PATTERN } from "../../internal/arns";
import { interpolate } from "../../internal/interpolate";

/**
 * An S3 source: one object (a ZIP) in a versioned bucket. The pipeline is started by an
 * EventBridge rule on "Object Created" events for exactly that key; CodePipeline never polls.
 * The bucket must send its events to EventBridge: a {@link SecureBucket} with
 * `eventBridgeNotifications: true`, or `aws.s3.BucketNotification { eventbridge: true }` on yours.
 * Without that, the rule never fires and the pipeline only runs when started by hand.
 */
export interface S3SourceActionArgs extends ActionCommonArgs {
  /** Name of the bucket (versioning must be enabled). */
  bucketName: pulumi.Input<string>;
  /**
   * ARN of the bucket.
   * @default - `arn:<partition>:s3:::<bucketName>`.
   */
  bucketArn?: pulumi.Input<string>;
  /** Key of the source object, e.g. `app/source.zip`. */
  objectKey: string;
  /**
   * Customer managed key the object is encrypted with; the pipeline role may decrypt through S3.
   * @default - none: the object uses SSE-S3 or the AWS managed key.
   */
  keyArn?: pulumi.Input<string>;
  /**
   * Name of the output artifact.
   * @default - `<ActionName>Output`.
   */
  output?: string;
  /**
   * Namespace of the action's variables (`#{<namespace>.VersionId}`, `#{<namespace>.ETag}`).
   * @default - none.
   */
  namespace?: string;
  /**
   * Start the pipeline when the object is uploaded (an EventBridge rule and a role allowed only to
   * start this pipeline). `false` leaves the pipeline to be started by hand or by your own rule.
   * @default true
   */
  startOnUpload?: boolean;
}

/** The `s3Source` action kind. */
export const s3SourceKind: ActionKind<S3SourceActionArgs> = {
  ...SOURCE_ACTION_SHAPE,
  validate(a, path) {
    checkName(
      path,
      "bucketName",
      a.bucketName,
      S3_BUCKET_NAME_PATTERN,
      'an S3 bucket name (3 to 63 lowercase letters, digits, "." or "-")',
    );
    checkArn(path, "bucketArn", a.bucketArn, "s3");
    checkArn(path, "keyArn", a.keyArn, "kms");
    if (typeof a.objectKey !== "string" || a.objectKey.length === 0 || a.objectKey.length > 1024 || a.objectKey.startsWith("/")) {
      throw new Error(`\`${path}.objectKey\` must be an object key of 1 to 1024 characters not starting with "/", got "${a.objectKey}".`);
    }
    checkNamespace(path, a.namespace);
  },
  bind(a, ctx) {
    const bucketArn = a.bucketArn ?? interpolate`arn:${ctx.aws.partition}:s3:::${a.bucketName}`;
    const statements: PolicyStatement[] = [
      { sid: "ReadSourceObject", actions: [...S3_SOURCE_OBJECT_ACTIONS], resources: [interpolate`${bucketArn}/${a.objectKey}`] },
      { sid: "ReadSourceBucket", actions: [...S3_SOURCE_BUCKET_ACTIONS], resources: [bucketArn] },
    ];
    if (a.keyArn !== undefined) statements.push(keyUseThroughServices(a.keyArn, ["s3"], ctx.aws, "UseSourceObjectKey"));
    const bound = {
      declaration: {
        category: "Source" as const,
        owner: "AWS" as const,
        provider: "S3",
        version: "1",
        configuration: { S3Bucket: a.bucketName, S3ObjectKey: a.objectKey, PollForSourceChanges: "false" },
        namespace: a.namespace,
      },
      statements,
    };
    if (a.startOnUpload === false) return bound;
    const pattern = pulumi.jsonStringify({
      source: ["aws.s3"],
      "detail-type": ["Object Created"],
      detail: { bucket: { name: [a.bucketName] }, object: { key: [a.objectKey] } },
    });
    const { trigger, afterPipeline } = createStartTrigger(
      ctx,
      pattern,
      `Starts pipeline ${ctx.pipelineName} when ${a.objectKey} is uploaded.`,
    );
    return { ...bound, resources: [trigger.rule, trigger.role, trigger.policy], afterPipeline };
  },
};

/** An `s3Source` action for a pipeline stage. */
export function s3SourceAction(args: S3SourceActionArgs): {
  /** The action's arguments. */
  s3Source: S3SourceActionArgs;
} {
  return { s3Source: args };
}
