// `npm run schema`: rewrites packages/aws-cicd/schema.json, the schema other Pulumi languages get
// from `pulumi package add packages/aws-cicd`, from the built package (the script builds it first).
import * as fs from "fs";
import * as path from "path";
import * as prettier from "prettier";
import { hostedSchema, SCHEMA_SNAPSHOT, stableJson } from "./schema-host";

// Only when run as the script: mocha given the folder would load this file too.
if (require.main === module) {
  write().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

async function write(): Promise<void> {
  const { schema } = await hostedSchema();
  // Formatted as `npm run lint` checks it (prettier puts short arrays on one line).
  const options = await prettier.resolveConfig(SCHEMA_SNAPSHOT);
  fs.writeFileSync(SCHEMA_SNAPSHOT, await prettier.format(stableJson(schema), { ...options, filepath: SCHEMA_SNAPSHOT }));
  const counts = `${Object.keys(schema.resources).length} components, ${Object.keys(schema.types).length} types`;
  console.log(`Wrote ${path.relative(process.cwd(), SCHEMA_SNAPSHOT)} (${counts}).`);
  // The services file's JSON Schema, for editors (the one description is services-schema.ts).
  const { SERVICES_SCHEMA } = await import("../../packages/aws-cicd/src/platform/services-schema");
  fs.writeFileSync(
    SERVICES_SCHEMA_FILE,
    await prettier.format(JSON.stringify(SERVICES_SCHEMA), { ...options, filepath: SERVICES_SCHEMA_FILE }),
  );
  console.log(`Wrote ${path.relative(process.cwd(), SERVICES_SCHEMA_FILE)}.`);
}

/** Where the services file's JSON Schema ships. */
export const SERVICES_SCHEMA_FILE = path.join(__dirname, "..", "..", "packages", "aws-cicd", "services.schema.json");
