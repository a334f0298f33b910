// What a platform team publishes as its own npm package on top of aws-cicd ("@acme/pipeline-preset"):
// every version of its defaults, so that a team can stay on an older one while it upgrades.
import type { PresetDefinition } from "aws-cicd";

export const PRESET_NAME = "@acme/pipeline-preset";

export const presets: PresetDefinition[] = [
  {
    name: PRESET_NAME,
    version: "1.0.0",
    defaults: { build: { computeType: "BUILD_GENERAL1_SMALL", timeoutInMinutes: 30 } },
  },
  {
    // 2.0.0: a local source cache, and a longer timeout for integration tests.
    name: PRESET_NAME,
    version: "2.0.0",
    defaults: { build: { computeType: "BUILD_GENERAL1_SMALL", timeoutInMinutes: 45, cache: ["LOCAL_SOURCE_CACHE"] } },
  },
];
