import { describe, expect, it } from "vitest";
import { groupServiceActions } from "./group-service-actions";

describe("groupServiceActions (real IAM catalog)", () => {
  it("groups a service's actions by access level in the console's order", () => {
    const groups = groupServiceActions("s3")!;
    expect(groups.map((g) => g.accessLevel)).toEqual(["List", "Read", "Write", "Permissions management", "Tagging"]);
    const sqs = groupServiceActions("sqs")!;
    const write = sqs.find((g) => g.accessLevel === "Write")!;
    expect(write.actions.map((a) => a.name)).toContain("sqs:SendMessage");
    expect(write.actions.find((a) => a.name === "sqs:SendMessage")?.resourceTypes).toEqual(["queue"]);
  });
  it("is case-insensitive and refuses unknown services", () => {
    expect(groupServiceActions("SQS")).not.toBeNull();
    expect(groupServiceActions("nosuchservice")).toBeNull();
  });
});
