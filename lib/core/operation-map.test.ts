import { describe, expect, it } from "vitest";
import { actionExists, getActionInfo, serviceExists } from "./catalog";
import { mapEvent } from "./mapping";
import { EVENT_ACTIONS, NO_PERMISSION_EVENTS, PARTIQL_EVENTS, S3_RENAMES } from "./mapping-tables";
import { allOperations, findOperation, operationMapVersion, prefixesServedBy, type OperationEntry } from "./operation-map";
import { eventSourceFor, mappingReport } from "./mapping-report";

const src = (s: string) => `${s}.amazonaws.com`;
const actionsOf = (source: string, name: string, params?: Record<string, unknown>) => {
  const m = mapEvent(src(source), name, params ?? null);
  return m.kind === "actions" ? m.actions : m.kind;
};

describe("families AWS's operation map fixes", () => {
  it.each([
    // AWS Budgets: the API's operations are authorized by ModifyBudget / ViewBudget
    ["budgets", "CreateBudget", undefined, ["budgets:ModifyBudget"]],
    ["budgets", "UpdateBudget", undefined, ["budgets:ModifyBudget"]],
    ["budgets", "DeleteNotification", undefined, ["budgets:ModifyBudget"]],
    ["budgets", "DescribeBudgets", undefined, ["budgets:ViewBudget"]],
    ["budgets", "DescribeBudgetPerformanceHistory", undefined, ["budgets:ViewBudget"]],
    ["budgets", "CreateBudget", { tags: [{ Key: "team", Value: "a" }] }, ["budgets:ModifyBudget", "budgets:TagResource"]],
    // Amazon Keyspaces: cassandra.amazonaws.com, CQL-style actions
    ["cassandra", "CreateKeyspace", undefined, ["cassandra:Create", "cassandra:CreateMultiRegionResource"]],
    ["cassandra", "GetTable", undefined, ["cassandra:Select"]],
    ["cassandra", "DeleteTable", undefined, ["cassandra:Drop", "cassandra:DropMultiRegionResource"]],
    ["cassandra", "UpdateTable", undefined, ["cassandra:Alter", "cassandra:AlterMultiRegionResource"]],
    // ...V2 operations authorized by the base action
    ["access-analyzer", "ListFindingsV2", undefined, ["access-analyzer:ListFindings"]],
    ["access-analyzer", "GetFindingV2", undefined, ["access-analyzer:GetFinding"]],
    ["quicksight", "DescribeTopicV2", undefined, ["quicksight:DescribeTopic"]],
    ["quicksight", "ListTopicsV2", undefined, ["quicksight:ListTopics"]],
    ["securityhub", "GetFindingsV2", undefined, ["securityhub:GetFindings"]],
    ["securityhub", "BatchUpdateFindingsV2", undefined, ["securityhub:BatchUpdateFindings"]],
    ["redshift-data", "GetStatementResultV2", undefined, ["redshift-data:GetStatementResult"]],
    // Batch... operations authorized by the singular action
    ["agent-registry", "BatchGetDiscoverableRegistryRecord", undefined, ["agent-registry:GetDiscoverableRegistryRecord"]],
    // AWS Marketplace Metering Service
    ["metering-marketplace", "MeterUsage", undefined, ["aws-marketplace:MeterUsage"]],
    ["metering-marketplace", "BatchMeterUsage", undefined, ["aws-marketplace:BatchMeterUsage"]],
    ["metering-marketplace", "ResolveCustomer", undefined, ["aws-marketplace:ResolveCustomer"]],
    // IAM-authenticated sign-in administration APIs
    ["signin", "CreateOAuth2TokenWithIAM", undefined, ["signin:CreateOAuth2Token"]],
    ["signin", "GetConsoleAuthorizationConfiguration", undefined, ["signin:GetConsoleAuthorizationConfiguration"]],
    ["signin", "PutResourcePermissionStatement", undefined, ["signin:PutResourcePermissionStatement"]],
    ["signin", "ConsoleLogin", undefined, "noPermission"],
    ["signin", "SwitchRole", undefined, "noPermission"],
    // DMS schema conversion: Describe*/Modify* operations, List*/Update* actions
    ["dms", "DescribeDataProviders", undefined, ["dms:ListDataProviders"]],
    ["dms", "DescribeMigrationProjects", undefined, ["dms:ListMigrationProjects"]],
    ["dms", "ModifyDataProvider", undefined, ["dms:UpdateDataProvider"]],
    ["dms", "StartExtensionPackAssociation", undefined, ["dms:AssociateExtensionPack"]],
    // Resource Explorer
    ["resource-explorer-2", "ListResources", undefined, ["resource-explorer-2:Search"]],
    // Lake Formation: operation names that are not action names, and namesakes
    ["lakeformation", "GetTemporaryDataLocationCredentials", undefined, ["lakeformation:GetDataAccess"]],
    ["lakeformation", "GrantPermissions", undefined, ["lakeformation:GrantPermissions"]],
    ["lakeformation", "CreateLFTag", undefined, ["lakeformation:CreateLFTag"]],
    // Glue GetUnfiltered* (hand rule: AWS's map lists no action, the catalog has none by that name)
    ["glue", "GetUnfilteredTableMetadata", undefined, ["glue:GetTable"]],
    ["glue", "GetUnfilteredPartitionMetadata", undefined, ["glue:GetPartition"]],
    ["glue", "GetUnfilteredPartitionsMetadata", undefined, ["glue:GetPartitions"]],
    // OpenSearch: the "opensearch" file of the map serves es.amazonaws.com
    ["es", "CreateDomain", undefined, ["es:CreateDomain"]],
    ["es", "CreateDomain", { tagList: [{ key: "a", value: "b" }] }, ["es:AddTags", "es:CreateDomain"]],
    // namesake action: only it; the parameter-dependent extras AWS lists are left out
    ["s3", "GetObject", undefined, ["s3:GetObject"]],
    ["lambda", "GetFunction", undefined, ["lambda:GetFunction"]],
    ["sts", "AssumeRole", undefined, ["sts:AssumeRole"]],
    ["lambda", "CreateFunction", undefined, ["lambda:CreateFunction"]],
    ["lambda", "CreateFunction", { tags: {} }, ["lambda:CreateFunction", "lambda:TagResource"]],
    ["iam", "CreateRole", { tags: [] }, ["iam:CreateRole", "iam:TagRole"]],
    ["iam", "CreateRole", {}, ["iam:CreateRole"]],
    // KMS ReEncrypt now comes from AWS's map
    ["kms", "ReEncrypt", undefined, ["kms:ReEncryptFrom", "kms:ReEncryptTo"]],
  ])("%s %s %j -> %j", (source, name, params, expected) => {
    expect(actionsOf(source, name, params as Record<string, unknown> | undefined)).toEqual(expected);
  });

  it("never puts iam:PassRole in the actions (it is a suggestion)", () => {
    expect(findOperation("lambda", "CreateFunction")?.actions).toContain("iam:PassRole");
    expect(actionsOf("lambda", "CreateFunction", { role: "arn:aws:iam::111122223333:role/r", tags: {} })).not.toContain("iam:PassRole");
  });
});

const sourceFor = eventSourceFor;

/**
 * What an operation needs according to the rule in docs/core.md, written here on its own (not
 * mapping.ts's code): the namesake action under the prefix (the HTTP verb for API Gateway) when AWS
 * lists it, else the prefix's listed actions, else all; iam:PassRole never; tagging actions of a
 * non-tagging operation only with tags in the request.
 */
function expectedActions(entry: OperationEntry, prefix: string): string[] {
  const all = entry.actions.filter((a) => a !== "iam:PassRole");
  const own = all.filter((a) => a.split(":")[0] === prefix);
  const verbs: Record<string, string> = { Get: "GET", Create: "POST", Update: "PATCH", Delete: "DELETE", Put: "PUT" };
  const verbOf = (op: string) => Object.entries(verbs).find(([p]) => op.startsWith(p) && /^[A-Z]/.test(op.slice(p.length)))?.[1];
  const exceptionsVerb: Record<string, string> = {
    ImportRestApi: "POST",
    ImportApiKeys: "POST",
    ImportDocumentationParts: "PUT",
    PutRestApi: "PUT",
    TagResource: "PUT",
    UntagResource: "DELETE",
    FlushStageCache: "DELETE",
    FlushStageAuthorizersCache: "DELETE",
    ResetAuthorizersCache: "DELETE",
    TestInvokeMethod: "POST",
    TestInvokeAuthorizer: "POST",
    GenerateClientCertificate: "POST",
    ReimportApi: "PUT",
    ImportApi: "PUT",
  };
  const target =
    prefix === "apigateway" ? (exceptionsVerb[entry.operation] ?? verbOf(entry.operation) ?? entry.operation) : entry.operation;
  const namesake = own.filter((a) => a.split(":")[1].toLowerCase() === target.toLowerCase());
  if (namesake.length > 0) return namesake.sort();
  const tagging = all.filter((a) => getActionInfo(a)?.accessLevels.includes("Tagging"));
  const rest = all.filter((a) => !tagging.includes(a));
  const restOwn = rest.filter((a) => a.split(":")[0] === prefix);
  const out = restOwn.length > 0 ? restOwn : rest.length > 0 ? rest : tagging;
  return [...new Set(out)].sort();
}

/**
 * Every operation whose mapping differs from the rule above, on purpose: prefix:Operation -> why.
 * The hand-written rules of mapping-tables.ts are here, each emitting only actions AWS lists.
 */
export const MAP_EXCEPTIONS: Readonly<Record<string, string>> = {
  "sts:GetCallerIdentity": "AWS documents that it needs no permission (an explicit Deny does not stop it): a no-permission call",
  "sts:GetSessionToken": "AWS documents that it needs no permission: a no-permission call",
  "lambda:AddEventSource":
    "AWS lists only iam:PassRole, which Leastwise offers as a suggestion, never as an action: the event stays unmapped (service level)",
  "s3:ListObjects":
    "S3 table: s3:ListBucket; AWS also lists s3:GetObjectAcl (only FetchOwner needs it) and s3-object-lambda (Object Lambda access points)",
  "s3:ListObjectsV2":
    "S3 table: s3:ListBucket; AWS also lists s3:GetObjectAcl (only FetchOwner needs it) and s3-object-lambda (Object Lambda access points)",
  "s3:HeadObject": "S3 table: s3:GetObject; AWS also lists the legal-hold and retention reads, which only add fields to the answer",
  "s3:CopyObject":
    "S3 table: s3:PutObject + s3:GetObject (the source); ACL, tagging, object-lock and version actions only with the headers that ask for them",
  "s3:UploadPartCopy": "S3 table: s3:PutObject + s3:GetObject (the source); s3:GetObjectVersion only with a source version",
  "s3:CreateMultipartUpload": "S3 table: s3:PutObject; ACL, tagging and object-lock actions only with the headers that ask for them",
  "s3:DeleteObjects":
    "S3 table: s3:DeleteObject; s3:DeleteObjectVersion and s3:BypassGovernanceRetention only with versions or the bypass header",
  "dynamodb:ExecuteStatement": "PartiQL: the statement kinds in the request (PartiQLSelect/Insert/Update/Delete), not all four",
  "dynamodb:BatchExecuteStatement": "PartiQL: the statement kinds in the request, not all four",
  "dynamodb:ExecuteTransaction": "PartiQL: the statement kinds in the request, not all four",
  "secretsmanager:BatchGetSecretValue": "secretsmanager:ListSecrets only when the request uses filters",
  "bedrock:Converse": "bedrock:InvokeModel; ApplyGuardrail, InvokeTool and CallWithBearerToken only with guardrails, tools or API keys",
  "bedrock:ConverseStream":
    "bedrock:InvokeModelWithResponseStream; ApplyGuardrail, InvokeTool and CallWithBearerToken only with guardrails, tools or API keys",
};

describe("every operation of AWS's map (generated)", () => {
  const version = operationMapVersion();
  const rows: { key: string; prefix: string; expected: string[]; got: string[] | string; hand: boolean }[] = [];
  const noSource: string[] = [];
  for (const entry of allOperations()) {
    if (entry.actions.length === 0) continue;
    for (const prefix of prefixesServedBy(entry.file)) {
      if (!serviceExists(prefix)) continue;
      if (findOperation(prefix, entry.operation) !== entry) continue; // the prefix's own file wins over an alias
      const source = sourceFor(prefix);
      if (!source) {
        noSource.push(`${prefix}:${entry.operation}`);
        continue;
      }
      const m = mapEvent(source, entry.operation, {});
      const hand =
        !!EVENT_ACTIONS[`${prefix}:${entry.operation}`] ||
        (prefix === "s3" && !!S3_RENAMES[entry.operation]) ||
        (prefix === "dynamodb" && PARTIQL_EVENTS.has(entry.operation)) ||
        NO_PERMISSION_EVENTS.has(`${source}:${entry.operation}`);
      rows.push({
        key: `${prefix}:${entry.operation}`,
        prefix,
        expected: expectedActions(entry, prefix),
        got: m.kind === "actions" ? m.actions : m.kind,
        hand,
      });
    }
  }

  it(`covers the snapshot (${version.snapshot} ${version.commit ?? ""})`, () => {
    expect(rows.length).toBeGreaterThan(17_000);
    expect(noSource).toEqual([]);
  });

  it("maps each operation to exactly its authorized actions minus the parameter-dependent ones, except the listed exceptions", () => {
    const differing = rows.filter((r) => JSON.stringify(r.got) !== JSON.stringify(r.expected)).map((r) => r.key);
    expect(differing.sort()).toEqual(Object.keys(MAP_EXCEPTIONS).sort());
  });

  it("hand-written rules emit only actions AWS lists for the operation", () => {
    const bad: string[] = [];
    for (const r of rows.filter((x) => x.hand && Array.isArray(x.got))) {
      const authorized = new Set(findOperation(r.prefix, r.key.split(":")[1])!.actions.map((a) => a.toLowerCase()));
      for (const a of r.got as string[]) if (!authorized.has(a.toLowerCase())) bad.push(`${r.key} -> ${a}`);
    }
    expect(bad).toEqual([]);
  });

  it("emits only actions of the pinned catalog", () => {
    const unknown = rows.flatMap((r) => (Array.isArray(r.got) ? r.got.filter((a) => !actionExists(a)) : []));
    expect(unknown).toEqual([]);
  });

  it("coverage >= 99.9%, and the report agrees", () => {
    const exact = rows.filter((r) => JSON.stringify(r.got) === JSON.stringify(r.expected)).length;
    expect(exact / rows.length).toBeGreaterThanOrEqual(0.999);
    const report = mappingReport();
    expect(report.totals.withActions).toBe(rows.length);
    expect(report.totals.mapped).toBe(rows.filter((r) => Array.isArray(r.got)).length);
    expect(report.totals.coverage).toBeGreaterThanOrEqual(0.999);
  });
});
