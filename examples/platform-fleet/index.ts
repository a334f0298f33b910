// A platform team's fleet: 25 services' pipelines stamped from services.yml (validated against
// aws-cicd's services.schema.json), with the platform's preset package (./preset) under the file's
// defaults. One key and one artifact bucket are shared by every pipeline, each team has a topic,
// and prod targets live in the prod account (through its bootstrap role). See README.md.
import * as path from "path";
import * as cicd from "aws-cicd";
import { presets } from "./preset";

const fleet = new cicd.ServiceFleet("platform", {
  servicesFile: path.join(__dirname, "services.yml"),
  presets,
  tags: { costCenter: "platform" },
});

export const pipelineNames = fleet.pipelineNames;
export const artifactBucket = fleet.artifactBucketName;
export const inventory = fleet.inventory;
