import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  awsManagedPolicyArn,
  BEANSTALK_AWS_MANAGED_DEPLOY_POLICY,
  DEFAULT_DEPLOY_PERMISSIONS,
  DEPLOY_PERMISSIONS_AWS_MANAGED,
} from "../beanstalk/deploy-permissions";
import { validateComponentName } from "../internal/naming";
import { attachManagedStatements, attachStatements, awsContext, policyDocument } from "../security/iam";
import { CROSS_ACCOUNT_DEPLOY_MAX_SESSION_SECONDS, CrossAccountDeployRoleArgs } from "./cross-account-deploy-role-args";
import { crossAccountDeployPolicies, crossAccountDeployTrustStatements } from "./policies";
import { defaultCrossAccountDeployRoleName } from "./role-arns";
import { checkedInput } from "../internal/arns";
import { artifactBucketArnProblem, artifactKeyArnProblem, pipelineRoleArnProblem, validateCrossAccountDeployRoleArgs } from "./validate";
import { asResourceError } from "../internal/errors";
import { interpolate } from "../internal/interpolate";
import { quietStacks } from "../internal/quiet-stacks";

/** The region field of an ARN (`arn:<partition>:<service>:<region>:...`). */
function regionOfArn(arn: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.output(arn).apply((a) => a.split(":")[3] ?? "");
}

/**
 * A deploy role named `<x>-pipeline` without `roleName` would derive the physical name of
 * `Pipeline("<x>")`'s role (`defaultPipelineRoleName`), and IAM role names are unique per account.
 */
function checkNoPipelineRoleCollision(name: string, roleName: string | undefined): void {
  if (roleName !== undefined || !name.endsWith("-pipeline")) return;
  const pipeline = name.slice(0, -"-pipeline".length);
  throw new Error(
    `\`name\` "${name}" would give this deploy role the same IAM role name as the role of \`new Pipeline("${pipeline}")\` (${defaultCrossAccountDeployRoleName(name)}), and IAM role names are unique in an account; choose a name that does not end in "-pipeline", or set \`roleName\`.`,
  );
}

/**
 * The role a pipeline's deploy action runs as in another (target) account: create it with a
 * provider for that account (`{ provider: prod }`). It trusts only the exact pipeline role,
 * may read and decrypt (through S3) the pipeline's artifacts, and may deploy only to the
 * targets given. Its name is fixed, so the pipeline can name it as the action's `roleArn`
 * (`crossAccountDeployRoleArn(...)`) before it exists.
 */
export class CrossAccountDeployRole extends pulumi.ComponentResource {
  /** The role the pipeline's account assumes. */
  readonly role: aws.iam.Role;
  /** Inline policy of the role: artifact read and decrypt. */
  readonly rolePolicy: aws.iam.RolePolicy;
  /**
   * Attachments of the customer managed policies holding the deploy statements (Elastic Beanstalk:
   * `<name>-beanstalk-deploy-environments` and `<name>-beanstalk-deploy-instances`); none with
   * `permissions: "aws-managed"`.
   */
  readonly managedPolicies: aws.iam.RolePolicyAttachment[];
  /** The AWS managed policy attachment, with `permissions: "aws-managed"`. */
  readonly managedPolicyAttachment?: aws.iam.RolePolicyAttachment;
  /** ARN to pass as the deploy action's `roleArn`. */
  readonly roleArn: pulumi.Output<string>;
  /** Name of the role. */
  readonly roleName: pulumi.Output<string>;

  constructor(name: string, args: CrossAccountDeployRoleArgs, opts?: pulumi.ComponentResourceOptions) {
    super("aws-cicd:index:CrossAccountDeployRole", name, {}, opts);
    const stacks = quietStacks();
    try {
      asResourceError(this, () => {
        validateComponentName(name);
        validateCrossAccountDeployRoleArgs(args ?? ({} as CrossAccountDeployRoleArgs));
        checkNoPipelineRoleCollision(name, args.roleName);
      });
      const ctx = awsContext(this);
      // ARNs given as Outputs are checked when they resolve: a `:root` or an alias fails the deployment.
      const pipelineRoleArn = checkedInput(args.pipelineRoleArn, pipelineRoleArnProblem);
      const artifactKeyArn = checkedInput(args.artifactKeyArn, artifactKeyArnProblem);
      this.role = new aws.iam.Role(
        `${name}-role`,
        {
          name: args.roleName ?? defaultCrossAccountDeployRoleName(name),
          path: args.rolePath,
          description: args.description ?? interpolate`Role the pipeline role ${pipelineRoleArn} assumes to deploy (aws-cicd).`,
          assumeRolePolicy: policyDocument(crossAccountDeployTrustStatements(pipelineRoleArn, args.externalId)),
          maxSessionDuration: CROSS_ACCOUNT_DEPLOY_MAX_SESSION_SECONDS,
          permissionsBoundary: args.permissionsBoundary,
          tags: args.tags,
        },
        { parent: this },
      );
      const artifacts = {
        artifactBucketArn: checkedInput(args.artifactBucketArn, artifactBucketArnProblem),
        artifactKeyArn,
        artifactRegion: args.artifactRegion ?? regionOfArn(artifactKeyArn),
      };
      const awsManaged = (args.permissions ?? DEFAULT_DEPLOY_PERMISSIONS) === DEPLOY_PERMISSIONS_AWS_MANAGED;
      const policies = crossAccountDeployPolicies(args, artifacts, ctx, awsManaged);
      this.rolePolicy = attachStatements(`${name}-role-policy`, this.role.name, policies.inline, this);
      // Large deploy lists (Elastic Beanstalk: about 7,700 characters) go to customer managed policies.
      this.managedPolicies = policies.managed.map((part) =>
        attachManagedStatements(
          `${name}-${part.name}`,
          this.role.name,
          part.statements,
          { subject: `The ${part.name} policy of CrossAccountDeployRole \`${name}\``, fix: "Deploy to fewer environments with one role." },
          this,
        ),
      );
      if (awsManaged) {
        pulumi.log.warn(
          `CrossAccountDeployRole ${name}: \`permissions: "aws-managed"\` attaches ${BEANSTALK_AWS_MANAGED_DEPLOY_POLICY.name}, which reaches every Elastic Beanstalk environment of the account, not only the targets.`,
          this,
        );
        this.managedPolicyAttachment = new aws.iam.RolePolicyAttachment(
          `${name}-role-${BEANSTALK_AWS_MANAGED_DEPLOY_POLICY.name}`,
          { role: this.role.name, policyArn: awsManagedPolicyArn(ctx, BEANSTALK_AWS_MANAGED_DEPLOY_POLICY) },
          { parent: this },
        );
      }
      this.roleArn = this.role.arn;
      this.roleName = this.role.name;
      this.registerOutputs({ roleArn: this.roleArn, roleName: this.roleName });
    } catch (e) {
      throw stacks.rethrow(e);
    } finally {
      stacks.close();
    }
  }
}
