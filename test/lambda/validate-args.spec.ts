import * as pulumi from "@pulumi/pulumi";
import { expect } from "chai";
import { LambdaTargetArgs, validateLambdaTargetArgs } from "../../packages/aws-cicd/src/lambda";

const ALIAS = { create: { functionName: "orders", functionVersion: "3" } };
const ARN = "arn:aws:lambda:us-east-1:111122223333:function:pre";
const validate = (args: object) => validateLambdaTargetArgs({ alias: ALIAS, ...args } as LambdaTargetArgs);
const NAME_RULE = "must be 1 to 100 letters, digits or ._+=,@- characters, got";
const FILE_RULE = '`packageFile` must be a relative path of letters, digits and ._/- such as "dist/function.zip", got';

describe("validateLambdaTargetArgs: each argument", () => {
  describe("accepts", () => {
    it("traffic shifts and package paths at their limits", () => {
      for (const step of [
        { percentage: 1, intervalMinutes: 1 },
        { percentage: 99, intervalMinutes: 2880 },
      ]) {
        expect(() => validate({ trafficShift: { canary: step } }), JSON.stringify(step)).to.not.throw();
        expect(() => validate({ trafficShift: { linear: step } }), JSON.stringify(step)).to.not.throw();
      }
      expect(() => validate({ packageFile: `d/${"f".repeat(253)}` })).to.not.throw();
      expect(() => validate({ packageFile: ".build/orders-1.2.zip" })).to.not.throw();
    });

    it("a hook role given as an ARN, and distinct pre and post hooks", () => {
      expect(() =>
        validate({
          preTrafficHook: { functionArn: ARN, roleName: "arn:aws:iam::111122223333:role/hooks/pre-role" },
          postTrafficHook: { functionArn: `${ARN}-post` },
        }),
      ).to.not.throw();
      expect(() => validate({ preTrafficHook: { functionArn: ARN } })).to.not.throw();
    });

    it("names and roles given as Outputs, checked when they resolve", () => {
      expect(() =>
        validate({
          alias: { create: { functionName: pulumi.output("orders"), functionVersion: pulumi.output("3") } },
          preTrafficHook: { functionArn: ARN, roleName: pulumi.output("pre-role") },
        }),
      ).to.not.throw();
    });
  });

  describe("refuses", () => {
    const cases: [string, object, string][] = [
      ["an application name with a slash", { applicationName: "orders/api" }, `\`applicationName\` ${NAME_RULE} "orders/api".`],
      [
        "a deployment group name of 101 characters",
        { deploymentGroupName: "g".repeat(101) },
        `\`deploymentGroupName\` ${NAME_RULE} "${"g".repeat(101)}".`,
      ],
      [
        "a canary of 0 percent",
        { trafficShift: { canary: { percentage: 0, intervalMinutes: 5 } } },
        "`trafficShift.canary.percentage` must be a whole number from 1 to 99, got 0.",
      ],
      [
        "a canary of 100 percent",
        { trafficShift: { canary: { percentage: 100, intervalMinutes: 5 } } },
        "`trafficShift.canary.percentage` must be a whole number from 1 to 99, got 100.",
      ],
      [
        "a linear step of 2.5 percent",
        { trafficShift: { linear: { percentage: 2.5, intervalMinutes: 5 } } },
        "`trafficShift.linear.percentage` must be a whole number from 1 to 99, got 2.5.",
      ],
      [
        "an interval of 0 minutes",
        { trafficShift: { linear: { percentage: 10, intervalMinutes: 0 } } },
        "`trafficShift.linear.intervalMinutes` must be a whole number from 1 to 2880, got 0.",
      ],
      [
        "an interval of 2881 minutes",
        { trafficShift: { canary: { percentage: 10, intervalMinutes: 2881 } } },
        "`trafficShift.canary.intervalMinutes` must be a whole number from 1 to 2880, got 2881.",
      ],
      [
        "an interval of 1.5 minutes",
        { trafficShift: { canary: { percentage: 10, intervalMinutes: 1.5 } } },
        "`trafficShift.canary.intervalMinutes` must be a whole number from 1 to 2880, got 1.5.",
      ],
      ["an empty traffic shift", { trafficShift: {} }, "`trafficShift` takes exactly one of `canary` and `linear`, got neither."],
      [
        "a canary and a linear shift",
        { trafficShift: { canary: { percentage: 10, intervalMinutes: 5 }, linear: { percentage: 10, intervalMinutes: 5 } } },
        "`trafficShift` takes exactly one of `canary` and `linear`, got both.",
      ],
      ["an absolute package path", { packageFile: "/dist/f.zip" }, `${FILE_RULE} "/dist/f.zip".`],
      ["a package path with a space", { packageFile: "dist/my function.zip" }, `${FILE_RULE} "dist/my function.zip".`],
      ["a package path of 256 characters", { packageFile: `d/${"f".repeat(254)}` }, `${FILE_RULE} "d/${"f".repeat(254)}".`],
      ["a package path with a backslash", { packageFile: "dist\\f.zip" }, `${FILE_RULE} "dist\\f.zip".`],
      [
        "a hook role with a space",
        { preTrafficHook: { functionArn: ARN, roleName: "pre role" } },
        '`preTrafficHook.roleName` must be the hook function\'s role name or ARN, got "pre role".',
      ],
      ["a number as application name", { applicationName: 1 }, "`applicationName` must be a string, got the number 1."],
      ["a number as deployment group name", { deploymentGroupName: 1 }, "`deploymentGroupName` must be a string, got the number 1."],
      ["a number as deployment config", { deploymentConfig: 1 }, "`deploymentConfig` must be a string, got the number 1."],
      [
        "a number as alias name",
        { alias: { create: { ...ALIAS.create, aliasName: 1 } } },
        "`alias.create.aliasName` must be a string, got the number 1.",
      ],
      ["a number as package file", { packageFile: 1 }, "`packageFile` must be a string, got the number 1."],
      [
        "a number among alarm names",
        { rollbackAlarmNames: [1] },
        "`rollbackAlarmNames[0]` must be a string or an Output, got the number 1.",
      ],
      [
        "a string as canary percentage",
        { trafficShift: { canary: { percentage: "10", intervalMinutes: 5 } } },
        '`trafficShift.canary.percentage` must be a number, got the string "10"',
      ],
      [
        "a string as canary interval",
        { trafficShift: { canary: { percentage: 10, intervalMinutes: "5" } } },
        '`trafficShift.canary.intervalMinutes` must be a number, got the string "5"',
      ],
      [
        "a string as linear percentage",
        { trafficShift: { linear: { percentage: "10", intervalMinutes: 5 } } },
        '`trafficShift.linear.percentage` must be a number, got the string "10"',
      ],
      [
        "a string as linear interval",
        { trafficShift: { linear: { percentage: 10, intervalMinutes: "5" } } },
        '`trafficShift.linear.intervalMinutes` must be a number, got the string "5"',
      ],
    ];
    for (const [what, args, message] of cases) {
      it(`throws for ${what}`, () => expect(() => validate(args)).to.throw(message));
    }

    const objects: [string, object, string][] = [
      ["alias", { alias: "prod" }, "`create` or `existing`"],
      ["alias.create", { alias: { create: "orders" } }, "`functionName` and `functionVersion`"],
      ["alias.existing", { alias: { existing: "orders" } }, "`functionName` and `aliasName`"],
      ["trafficShift", { trafficShift: "canary" }, "`canary` or `linear`"],
      ["trafficShift.canary", { trafficShift: { canary: "10" } }, "`percentage` and `intervalMinutes`"],
      ["trafficShift.linear", { trafficShift: { linear: "10" } }, "`percentage` and `intervalMinutes`"],
      ["preTrafficHook", { preTrafficHook: "pre" }, "`functionArn`"],
      ["postTrafficHook", { postTrafficHook: "post" }, "`functionArn`"],
    ];
    for (const [arg, args, fields] of objects) {
      const value = Object.values(args)[0];
      const given = typeof value === "string" ? value : (Object.values(value as object)[0] as string);
      it(`names \`${arg}\` when it is not an object`, () =>
        expect(() => validate(args)).to.throw(
          `\`${arg}\` must be an object with ${fields}, got the string "${given}"; pass the fields or leave \`${arg}\` out.`,
        ));
    }
  });
});
