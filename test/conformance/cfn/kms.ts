import { defined, pick, policyJson, ServiceTranslations } from "./context";

/** KMS: the key (its policy as `KeyPolicy`) and its alias. */
export const kms: ServiceTranslations = {
  "aws:kms/key:Key": {
    exposes: (r) => [
      [r.state.arn, "Arn"],
      [r.state.keyId, "Ref"],
      [r.id, "Ref"],
    ],
    translate: (r, ctx) => ({
      Type: "AWS::KMS::Key",
      Properties: defined({
        ...pick(r.inputs, {
          description: "Description",
          enableKeyRotation: "EnableKeyRotation",
          keyUsage: "KeyUsage",
          customerMasterKeySpec: "KeySpec",
          deletionWindowInDays: "PendingWindowInDays",
          multiRegion: "MultiRegion",
          rotationPeriodInDays: "RotationPeriodInDays",
        }),
        KeyPolicy: r.inputs.policy === undefined ? undefined : ctx.link(policyJson(r.inputs.policy), ctx.logicalId(r)),
      }),
    }),
  },
  "aws:kms/alias:Alias": {
    translate: (r, ctx) => ({
      Type: "AWS::KMS::Alias",
      Properties: { AliasName: r.inputs.name, TargetKeyId: ctx.link(r.inputs.targetKeyId) },
    }),
  },
};
