import { expect } from "chai";
import type { EngineResource } from "../../packages/cli/src/engine";
import { compareVersions, inventoryOf, renderInventory } from "../../packages/cli/src/synth";

const pipeline = (service: string, team: string, version: string, stages: string[]): EngineResource => ({
  type: "aws:codepipeline/pipeline:Pipeline",
  name: `f-${service}-pipeline`,
  urn: `urn:pulumi:dev::p::aws:codepipeline/pipeline:Pipeline::f-${service}-pipeline`,
  id: service,
  custom: true,
  inputs: {
    stages: stages.map((name) => ({ name })),
    tags: {
      "aws-cicd:service": service,
      "aws-cicd:team": team,
      "aws-cicd:preset": "p",
      "aws-cicd:preset-version": version,
      "aws-cicd:library-version": "0.1.0",
    },
  },
  state: { name: `dev-${service}` },
  options: { retainOnDelete: false, protect: false, ignoreChanges: [], dependsOn: [] },
});

describe("aws-cicd synth --inventory", () => {
  it("compares semantic versions numerically, a pre-release before its release", () => {
    expect([
      compareVersions("1.10.0", "1.9.3") > 0,
      compareVersions("2.0.0-rc.1", "2.0.0") < 0,
      compareVersions("1.2.3", "1.2.3"),
    ]).to.deep.equal([true, true, 0]);
  });

  it("reads services from the fleet tags, sorted by team, and flags versions below the newest of their preset", () => {
    const inv = inventoryOf([
      pipeline("web", "b", "1.10.0", ["Source", "Build", "Deploy-dev", "Approve-prod", "Deploy-prod"]),
      pipeline("api", "b", "1.9.0", ["Source", "Build", "Deploy-dev"]),
      pipeline("jobs", "a", "1.10.0", ["Source", "Deploy-qa"]),
      { ...pipeline("raw", "x", "9.9.9", []), inputs: { stages: [] } },
    ]);
    expect(inv.latestPresetVersions).to.deep.equal({ p: "1.10.0" });
    expect(inv.services.map((e) => [e.team, e.service, e.presetVersion, e.environments, e.outdated, e.pipelineName])).to.deep.equal([
      ["a", "jobs", "1.10.0", ["qa"], false, "dev-jobs"],
      ["b", "api", "1.9.0", ["dev"], true, "dev-api"],
      ["b", "web", "1.10.0", ["dev", "prod"], false, "dev-web"],
    ]);
    expect(renderInventory(inv)).to.equal(
      [
        "SERVICE  TEAM  PRESET  VERSION  LIBRARY  ENVIRONMENTS",
        "jobs     a     p       1.10.0   0.1.0    qa",
        "api      b     p       1.9.0    0.1.0    dev           OUTDATED (latest 1.10.0)",
        "web      b     p       1.10.0   0.1.0    dev → prod",
        "",
        "3 services; 1 on an older preset version.",
        "",
      ].join("\n"),
    );
    expect(renderInventory({ services: [], latestPresetVersions: {} })).to.equal("Inventory: no ServiceFleet pipeline in this program.\n");
  });
});
