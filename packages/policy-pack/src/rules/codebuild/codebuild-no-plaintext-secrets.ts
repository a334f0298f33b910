import { PLAINTEXT_FORBIDDEN_VARIABLES, plaintextSecretReason } from "aws-cicd/checks";
import { resourceRule } from "../rule";

export const codebuildNoPlaintextSecrets = resourceRule(
  {
    id: "aws-cicd-codebuild-no-plaintext-secrets",
    service: "codebuild",
    description:
      "CodeBuild environment variables carry no AWS credentials or secrets in plain text (same detection as BuildProject's own validation).",
    severity: "critical",
    remediation:
      "Store the value in SSM Parameter Store (type PARAMETER_STORE) or Secrets Manager (type SECRETS_MANAGER) and reference it; give the build a role instead of access keys.",
    tier: "baseline",
    references: { securityHub: ["CodeBuild.2"] },
    preview:
      "Judges the resource's own inputs, known in preview unless built from other resources' outputs; an unknown input leaves that resource alone unjudged (CrossGuard notes it) until `pulumi up`.",
  },
  ["aws:codebuild/project:Project"],
  (props, report) => {
    const vars = Array.isArray(props.environment?.environmentVariables) ? props.environment.environmentVariables : [];
    for (const v of vars) {
      if ((v?.type ?? "PLAINTEXT") !== "PLAINTEXT" || typeof v?.name !== "string") continue;
      const value = typeof v.value === "string" ? v.value : "";
      const reason =
        (PLAINTEXT_FORBIDDEN_VARIABLES as readonly string[]).includes(v.name) && value.length > 0
          ? "it is an AWS credential variable"
          : plaintextSecretReason(v.name, value);
      if (reason) report(`CodeBuild environment variable "${v.name}" is plain text but ${reason}.`);
    }
  },
);
