import { resourceRule } from "../rule";

/** An image of a private ECR repository: `<account>.dkr.ecr.<region>.amazonaws.com/<name>[:tag|@digest]`. */
const ECR_IMAGE = /^\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/\S+$/;

export const codebuildImage = resourceRule(
  {
    id: "aws-cicd-codebuild-image",
    service: "codebuild",
    description: "CodeBuild projects use a managed aws/codebuild/* image, or a private ECR image pulled with the service role.",
    severity: "medium",
    remediation:
      'Use an `aws/codebuild/...` image, or an ECR image with `imagePullCredentialsType: "SERVICE_ROLE"` (BuildProject: `image.ecr`).',
    tier: "strict",
    references: { cdkNag: ["CB5"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:codebuild/project:Project"],
  (props, report) => {
    const image = props.environment?.image;
    if (typeof image !== "string" || image.startsWith("aws/codebuild/")) return;
    if (!ECR_IMAGE.test(image)) report(`CodeBuild image "${image}" is neither an aws/codebuild/ managed image nor a private ECR image.`);
    else if (props.environment?.imagePullCredentialsType !== "SERVICE_ROLE")
      report(`CodeBuild image "${image}" is not pulled with the service role (\`imagePullCredentialsType\` "SERVICE_ROLE").`);
  },
);
