import { PolicyResource } from "@pulumi/policy";
import { Rule, RuleMetadata, stackRule } from "../rule";
import { bucketConfigs, bucketsOf } from "../relations";
import { forEachContained } from "../unknowns";

/**
 * A stack rule over every bucket: `check` receives the bucket and its configuration resources of
 * `configType` and returns the problem, if any. Reported on the bucket's URN. An unknown read while
 * judging one bucket leaves the other buckets judged.
 */
export function bucketRule(
  m: RuleMetadata,
  configType: string,
  check: (bucket: PolicyResource, configs: PolicyResource[]) => string | undefined,
): Rule {
  return stackRule(m, async (resources, report) => {
    await forEachContained(bucketsOf(resources), (bucket) => {
      const problem = check(bucket, bucketConfigs(resources, bucket, configType));
      if (problem) report(problem, bucket.urn);
    });
  });
}
