import { expect } from "chai";
import { BeanstalkTarget, BuildProject, CodeCommitRepo, EncryptionKey, Pipeline, SecureBucket } from "../../packages/aws-cicd/src";
import { defaultBeanstalkEnvironmentName } from "../../packages/aws-cicd/src/beanstalk";
import {
  AUTONAMED_EVENT_RULE,
  AUTONAMED_IAM_ROLE,
  autoNameArgs,
  BEANSTALK_ENVIRONMENT_NAME,
  CODEBUILD_PROJECT_NAME,
  CONNECTION_NAME,
  IAM_ROLE_NAME,
  NameRule,
  PIPELINE_NAME,
  nameHash,
  ownerSegment,
  stackScopedAlias,
  stackScopedName,
  validAlias,
  validName,
  validateComponentName,
} from "../../packages/aws-cicd/src/internal/naming";
import { defaultBucketPrefix } from "../../packages/aws-cicd/src/security/secure-bucket";
import { recorded, resourcesOfType, settle, unwrap } from "../harness";

/** The rules' patterns as the AWS pages state them. */
const PATTERNS: [NameRule, RegExp][] = [
  [IAM_ROLE_NAME, /^[\w+=,.@-]{1,64}$/],
  [CODEBUILD_PROJECT_NAME, /^[A-Za-z0-9][A-Za-z0-9\-_]{1,254}$/],
  [PIPELINE_NAME, /^[A-Za-z0-9.@\-_]{1,100}$/],
  [BEANSTALK_ENVIRONMENT_NAME, /^[A-Za-z0-9][A-Za-z0-9-]{2,38}[A-Za-z0-9]$/],
  [CONNECTION_NAME, /^.{1,32}$/],
];
const KMS_ALIAS = /^alias\/(?!aws\/)[A-Za-z0-9/_-]{1,250}$/;

const HOSTILE = [
  "svc",
  "Wéb_App.Prod",
  "_leading",
  "trailing-",
  "a/b\\c",
  "x".repeat(300),
  "   spaced   name   ",
  "emoji-🚀-build",
  "aws",
  "a..b",
];

describe("Derived physical names", () => {
  describe("validName", () => {
    it("keeps a name that is already valid exactly as written", () => {
      expect(validName("aws-cicd-test-test-web", BEANSTALK_ENVIRONMENT_NAME)).to.equal("aws-cicd-test-test-web");
      expect(validName("p-s-my_build", CODEBUILD_PROJECT_NAME)).to.equal("p-s-my_build");
      expect(validName("x".repeat(64), IAM_ROLE_NAME)).to.equal("x".repeat(64));
    });

    it("replaces characters, then ends the name with the first 6 hex digits of the original's SHA-256", () => {
      expect(nameHash("p-s-a.b")).to.match(/^[0-9a-f]{6}$/);
      expect(validName("p-s-a.b", IAM_ROLE_NAME)).to.equal(`p-s-a-b-${nameHash("p-s-a.b")}`);
      expect(validName("p-s-a.b", IAM_ROLE_NAME)).to.not.equal(validName("p-s-a-b", IAM_ROLE_NAME));
      expect(validName("p-s-a_b", BEANSTALK_ENVIRONMENT_NAME)).to.equal(`p-s-a-b-${nameHash("p-s-a_b")}`);
    });

    it("cuts a long name to the limit, keeping names that differ only past the cut apart", () => {
      const a = validName(`${"x".repeat(70)}a`, IAM_ROLE_NAME);
      const b = validName(`${"x".repeat(70)}b`, IAM_ROLE_NAME);
      expect([a.length, b.length]).to.deep.equal([64, 64]);
      expect(a).to.equal(`${"x".repeat(57)}-${nameHash(`${"x".repeat(70)}a`)}`);
      expect(a).to.not.equal(b);
    });

    it("drops characters a rule refuses at the start, and never ends with a hyphen", () => {
      expect(validName("_p-s-svc", CODEBUILD_PROJECT_NAME)).to.equal(`p-s-svc-${nameHash("_p-s-svc")}`);
      expect(validName("p-s-svc-", BEANSTALK_ENVIRONMENT_NAME)).to.equal(`p-s-svc-${nameHash("p-s-svc-")}`);
      expect(validName("___", BEANSTALK_ENVIRONMENT_NAME)).to.equal(nameHash("___"));
      expect(validName("a", BEANSTALK_ENVIRONMENT_NAME)).to.equal(`a-${nameHash("a")}`);
    });

    for (const [rule, pattern] of PATTERNS) {
      it(`gives a valid ${rule.kind} for every hostile component name`, () => {
        const names = HOSTILE.map((n) => stackScopedName(n, rule));
        for (const n of names) expect(n, n).to.match(pattern);
        expect(new Set(names).size, "all different").to.equal(names.length);
      });
    }
  });

  describe("validName at its edges", () => {
    const h = nameHash;
    it("keeps a name of exactly the shortest length, and one made only of extra characters", () => {
      expect(validName("ab", CODEBUILD_PROJECT_NAME)).to.equal("ab");
      expect(validName("@.", AUTONAMED_IAM_ROLE)).to.equal("@.");
    });

    it("keeps `_` where the rule allows it, and a leading `-` where the rule does not forbid it", () => {
      expect(validName("a_b.c", IAM_ROLE_NAME)).to.equal(`a_b-c-${h("a_b.c")}`);
      expect(validName("-a.b", IAM_ROLE_NAME)).to.equal(`-a-b-${h("-a.b")}`);
    });

    it("drops every refused character at the start, and every `-` at the cut", () => {
      expect(validName("__x.", CODEBUILD_PROJECT_NAME)).to.equal(`x-${h("__x.")}`);
      expect(validName("ab..", IAM_ROLE_NAME)).to.equal(`ab-${h("ab..")}`);
    });

    it("joins project, stack and name with `-`", () => {
      expect(stackScopedName("web", PIPELINE_NAME)).to.equal("aws-cicd-test-test-web");
    });

    it("hashes the UTF-8 bytes of a name, the same in every release (physical names depend on it)", () => {
      expect([nameHash("é"), nameHash("p-s-a.b")]).to.deep.equal(["4a9955", nameHash("p-s-a.b")]);
      expect(nameHash("abc")).to.equal("ba7816");
    });
  });

  describe("validAlias at its edges", () => {
    it("keeps an alias of exactly 256 characters", () => {
      const alias = validAlias(["p", "k".repeat(248)]);
      expect(alias).to.equal(`alias/p/${"k".repeat(248)}`);
    });

    it("replaces refused characters by `-`, an empty part by `-`, and renames only a first part `aws`", () => {
      expect(validAlias(["p", "a.b"])).to.equal(`alias/p/a-b-${nameHash("alias/p/a.b")}`);
      expect(validAlias(["p", "", "k"])).to.equal(`alias/p/-/k-${nameHash("alias/p//k")}`);
    });
  });

  describe("KMS aliases", () => {
    it("keeps a valid alias exactly, and an explicit key's default alias as before", async () => {
      expect(stackScopedAlias("cicd")).to.equal("alias/aws-cicd-test/test/cicd");
      const key = new EncryptionKey("svc-key");
      expect(await unwrap(key.aliasName)).to.equal("alias/aws-cicd-test/test/svc-key");
    });

    it("never starts with the reserved alias/aws/, stays within 256 characters and differs for each original", () => {
      expect(validAlias(["aws", "dev", "k"])).to.equal(`alias/_aws/dev/k-${nameHash("alias/aws/dev/k")}`);
      const long = validAlias(["p", "s", "k".repeat(300)]);
      expect(long).to.have.length(256);
      expect(long).to.match(KMS_ALIAS);
      const aliases = HOSTILE.map((n) => stackScopedAlias(n));
      for (const a of aliases) expect(a, a).to.match(KMS_ALIAS);
      expect(new Set(aliases).size).to.equal(aliases.length);
    });

    it("gives the default keys of a repository, a build project and a pipeline of one name three aliases", async () => {
      const repo = new CodeCommitRepo("svc");
      const build = new BuildProject("svc");
      new Pipeline("svc", {
        stages: [
          { name: "Source", actions: [repo.sourceAction()] },
          { name: "Build", actions: [build.buildAction()] },
        ],
      });
      await settle();
      expect(
        resourcesOfType("aws:kms/alias:Alias")
          .map((a) => a.inputs.name)
          .sort(),
      ).to.deep.equal([
        "alias/aws-cicd-test/test/build-project/svc-key",
        "alias/aws-cicd-test/test/code-commit-repo/svc-key",
        "alias/aws-cicd-test/test/pipeline/svc-key",
      ]);
    });

    it("names the owner kind from the type token", () => {
      expect(
        ["aws-cicd:index:BuildProject", "aws-cicd:index:Ec2FleetTarget", "aws-cicd:index:SecureBucket"].map(ownerSegment),
      ).to.deep.equal(["build-project", "ec2-fleet-target", "secure-bucket"]);
    });
  });

  describe("bucket prefixes", () => {
    it("are unchanged for names S3 accepts, and never hold `..` or a reserved start", () => {
      expect(["Web_App", "app", "-x", "!!!"].map(defaultBucketPrefix)).to.deep.equal(["web-app-", "app-", "x-", "bucket-"]);
      expect(defaultBucketPrefix("My..App")).to.equal("my.app-");
      expect(defaultBucketPrefix("xn--app")).to.equal("b-xn--app-");
      expect(defaultBucketPrefix("sthree-logs")).to.equal("b-sthree-logs-");
      expect(defaultBucketPrefix("x".repeat(80))).to.equal(`${"x".repeat(36)}-`);
      for (const n of HOSTILE)
        expect(defaultBucketPrefix(n), n).to.match(/^(?!xn--|sthree-|amzn-s3-demo-)(?!.*\.\.)[a-z0-9][a-z0-9.-]{0,36}$/);
    });
  });

  describe("components with a hostile name", () => {
    for (const name of ["Wéb_App.Prod", `long-${"n".repeat(120)}`]) {
      it(`derive only valid names from ${JSON.stringify(name.slice(0, 20))}`, async () => {
        // The repository name defaults to the component name exactly, and is refused with its rule when invalid.
        expect(() => new CodeCommitRepo(`${name}-refused`)).to.throw("`repositoryName` must be 1 to 100 letters");
        const repo = new CodeCommitRepo(name, { repositoryName: "app" });
        const build = new BuildProject(name, { monitoring: { notificationEvents: ["codebuild-project-build-state-failed"] } });
        new Pipeline(name, {
          stages: [
            { name: "Source", actions: [repo.sourceAction()] },
            { name: "Build", actions: [build.buildAction()] },
          ],
        });
        new BeanstalkTarget(name);
        new SecureBucket(`${name}-b`);
        await settle();
        const named = (type: string, field = "name") =>
          resourcesOfType(type).flatMap((r) => (typeof r.inputs[field] === "string" ? [r.inputs[field]] : []));
        const expectAll = (values: string[], pattern: RegExp) => {
          expect(values).to.not.deep.equal([]);
          for (const v of values) expect(v, v).to.match(pattern);
        };
        expectAll(named("aws:codebuild/project:Project"), PATTERNS[1][1]);
        expectAll(named("aws:codepipeline/pipeline:Pipeline"), PATTERNS[2][1]);
        expectAll(named("aws:iam/role:Role"), PATTERNS[0][1]);
        expectAll(named("aws:elasticbeanstalk/environment:Environment"), PATTERNS[3][1]);
        expectAll(named("aws:elasticbeanstalk/application:Application"), /^.{1,100}$/);
        expectAll(named("aws:kms/alias:Alias"), KMS_ALIAS);
        expectAll(named("aws:s3/bucket:Bucket", "bucketPrefix"), /^[a-z0-9][a-z0-9.-]{0,36}$/);
        expectAll(named("aws:codestarnotifications/notificationRule:NotificationRule"), /^[A-Za-z0-9\-_ ]{1,64}$/);
        expect(defaultBeanstalkEnvironmentName(name)).to.match(PATTERNS[3][1]);
        // Auto-named children: `<logical name>-<7 random>` when that is valid, else a valid `namePrefix` (plus 26 characters).
        const autoNamed = (type: string, max: number, chars: RegExp) => {
          const rs = resourcesOfType(type);
          expect(rs).to.not.deep.equal([]);
          for (const r of rs) {
            const effective =
              r.inputs.name ?? (r.inputs.namePrefix !== undefined ? `${r.inputs.namePrefix}${"0".repeat(26)}` : `${r.name}-abcdef0`);
            expect(effective.length, effective).to.be.at.most(max);
            expect(effective, effective).to.match(chars);
          }
        };
        autoNamed("aws:iam/role:Role", 64, /^[\w+=,.@-]+$/);
        autoNamed("aws:iam/rolePolicy:RolePolicy", 128, /^[\w+=,.@-]+$/);
        autoNamed("aws:iam/instanceProfile:InstanceProfile", 128, /^[\w+=,.@-]+$/);
        autoNamed("aws:cloudwatch/eventRule:EventRule", 64, /^[.\-_A-Za-z0-9]+$/);
        autoNamed("aws:sns/topic:Topic", 256, /^[A-Za-z0-9_-]+$/);
      });
    }
  });

  describe("auto-named children", () => {
    it("keep Pulumi's auto-naming while `<logical name>-<7 random>` is valid, exactly as before", () => {
      expect(autoNameArgs("app-role", AUTONAMED_IAM_ROLE)).to.deep.equal({});
      expect(autoNameArgs("my.app@team-role", AUTONAMED_IAM_ROLE)).to.deep.equal({});
      expect(autoNameArgs("x".repeat(56), AUTONAMED_IAM_ROLE)).to.deep.equal({});
      expect(autoNameArgs("app.Source.trigger", AUTONAMED_EVENT_RULE)).to.deep.equal({});
    });

    it("give a valid `namePrefix` with a hash of the logical name when auto-naming would fail", () => {
      const long = `app-${"Stage".repeat(10)}-Source-trigger-role`;
      expect(autoNameArgs(long, AUTONAMED_IAM_ROLE)).to.deep.equal({ namePrefix: `app-StageStageStageStageStageS-${nameHash(long)}-` });
      expect(autoNameArgs("x".repeat(57), AUTONAMED_IAM_ROLE).namePrefix).to.have.length(38);
      expect(autoNameArgs("Wéb App-role", AUTONAMED_IAM_ROLE)).to.deep.equal({ namePrefix: `W-b-App-role-${nameHash("Wéb App-role")}-` });
      expect(autoNameArgs("app@x-trigger", AUTONAMED_EVENT_RULE)).to.deep.equal({
        namePrefix: `app-x-trigger-${nameHash("app@x-trigger")}-`,
      });
    });

    it("name a pipeline trigger role for long stage and action names within IAM's 64 characters", async () => {
      const repo = new CodeCommitRepo("repo");
      const build = new BuildProject("b");
      const stage = "SourceStageWithAVeryLongDescriptiveName";
      new Pipeline("delivery", {
        stages: [
          { name: stage, actions: [repo.sourceAction()] },
          { name: "Build", actions: [build.buildAction()] },
        ],
      });
      await settle();
      const role = resourcesOfType("aws:iam/role:Role").find(
        (r) => r.name.startsWith(`delivery-${stage}`) && r.name.endsWith("-trigger-role"),
      )!;
      expect(role.name.length + 8).to.be.greaterThan(64);
      expect(role.inputs.namePrefix).to.equal(autoNameArgs(role.name, AUTONAMED_IAM_ROLE).namePrefix);
      expect(role.inputs.namePrefix.length + 26).to.be.at.most(64);
    });
  });

  describe("component names", () => {
    it("refuses a name without a letter or digit, or with control characters, naming the rule", () => {
      expect(() => validateComponentName("---")).to.throw(
        '`name` (the component\'s name) must hold at least one letter or digit and no control characters, got "---"; AWS names are derived from it, so give a name such as "app-build".',
      );
      expect(() => validateComponentName("app\nbuild")).to.throw('got "app\\nbuild"');
      expect(() => validateComponentName("Wéb App")).to.not.throw();
      expect(() => validateComponentName(42 as unknown as string)).to.throw(
        "must hold at least one letter or digit and no control characters, got 42;",
      );
    });

    it("refuses it before any child exists", async () => {
      expect(() => new BuildProject("***")).to.throw("`name` (the component's name) must hold at least one letter or digit");
      await settle();
      expect(recorded.filter((r) => r.type.startsWith("aws:"))).to.deep.equal([]);
    });
  });
});
