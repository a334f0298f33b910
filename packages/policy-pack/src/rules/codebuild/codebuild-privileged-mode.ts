import { isTrue, resourceRule } from "../rule";

export const codebuildPrivilegedMode = resourceRule(
  {
    id: "aws-cicd-codebuild-privileged-mode",
    service: "codebuild",
    description: "CodeBuild projects run without privileged mode unless they build Docker images. Advisory: Docker builds need it.",
    severity: "medium",
    remediation: "Set `environment.privilegedMode: false` unless the build runs the Docker daemon (BuildProject: `dockerBuilds`).",
    tier: "review",
    references: { checkov: ["CKV_AWS_316"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:codebuild/project:Project"],
  (props, report) => {
    if (isTrue(props.environment?.privilegedMode)) report("CodeBuild project runs in privileged mode.");
  },
);
