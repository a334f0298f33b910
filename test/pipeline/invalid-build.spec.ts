import { expect } from "chai";
import { BuildProject } from "../../packages/aws-cicd/src/codebuild";
import { CodeCommitRepo } from "../../packages/aws-cicd/src/codecommit";
import { Pipeline } from "../../packages/aws-cicd/src/pipeline";
import { recorded, settle } from "../harness";

describe("Pipeline", () => {
  describe("a pipeline whose build fails validation", () => {
    it("throws at the build project's misspelled phase, before the project or the pipeline creates anything", async () => {
      const make = () => {
        const repo = new CodeCommitRepo("app");
        const test = new BuildProject("test", {
          buildSpec: { version: "0.2", phases: { biuld: { commands: ["npm test"] } } as never },
        });
        return new Pipeline("app", {
          stages: [
            { name: "Source", actions: [repo.sourceAction()] },
            { name: "BuildAndTest", actions: [test.buildAction()] },
          ],
        });
      };
      expect(make).to.throw("`buildSpec.phases.biuld` is not a buildspec phase; use install, pre_build, build or post_build.");
      await settle();
      const underBuild = recorded.filter((r) => r.urn.includes("aws-cicd:index:BuildProject$"));
      expect(underBuild).to.deep.equal([]);
      expect(recorded.filter((r) => r.type === "aws-cicd:index:Pipeline" || r.type.startsWith("aws:codepipeline"))).to.deep.equal([]);
    });

    it("throws when the build stage consumes an artifact nothing produced, listing the available ones", async () => {
      const repo = new CodeCommitRepo("app");
      const test = new BuildProject("test");
      expect(
        () =>
          new Pipeline("app", {
            stages: [
              { name: "Source", actions: [repo.sourceAction()] },
              { name: "BuildAndTest", actions: [test.buildAction({ inputs: ["Sources"] })] },
            ],
          }),
      ).to.throw(
        '`stages[1].actions[0].inputs` names "Sources", which no earlier action produces (an artifact of the same stage needs a lower `runOrder`). Available at this point: SourceOutput.',
      );
      await settle();
      const pipelineUrn = recorded.find((r) => r.type === "aws-cicd:index:Pipeline")!.urn;
      expect(recorded.filter((r) => r.parent === pipelineUrn)).to.deep.equal([]);
    });
  });
});
