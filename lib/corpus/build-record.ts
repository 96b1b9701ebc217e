import type { Actor } from "./actors";
import type { Rng } from "./rng";
import type { EventTemplate, TemplateContext } from "./templates";

const AGENTS = [
  "aws-sdk-js/3.600.0 ua/2.1 os/linux#6.1 lang/js md/nodejs#20.11.0 api/s3#3.600.0",
  "Boto3/1.34.10 md/Botocore#1.34.10 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.11.6",
  "aws-cli/2.9.19 Python/3.11.2 Linux/6.1.0-18-amd64 source/x86_64.debian.12 prompt/off command/s3.cp",
  "aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5 md/GOOS#linux md/GOARCH#amd64 api/dynamodb#1.26.6",
  "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0 — Café/Überwachung",
];

export interface BuildContext {
  rng: Rng;
  account: string;
  region: string;
  time: Date;
  serviceRoleArns: string[];
}

export function identityOf(actor: Actor, c: BuildContext, session: string): Record<string, unknown> {
  if (actor.kind === "service") return { type: "AWSService", invokedBy: actor.arn };
  if (actor.kind === "user") {
    return {
      type: "IAMUser",
      principalId: actor.principalId,
      arn: actor.arn,
      accountId: actor.account,
      accessKeyId: `AKIA${c.rng.id("", 16)}`,
      userName: actor.name,
    };
  }
  return {
    type: "AssumedRole",
    principalId: `${actor.principalId}:${session}`,
    arn: assumedRoleArn(actor, session),
    accountId: actor.account,
    accessKeyId: `ASIA${c.rng.id("", 16)}`,
    sessionContext: {
      sessionIssuer: { type: "Role", principalId: actor.principalId, arn: actor.arn, accountId: actor.account, userName: actor.name },
      webIdFederationData: {},
      attributes: {
        creationDate: new Date(c.time.getTime() - c.rng.int(60, 3500) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
        mfaAuthenticated: "false",
      },
    },
  };
}

export function assumedRoleArn(actor: Actor, session: string): string {
  return `arn:aws:sts::${actor.account}:assumed-role/${actor.name}/${session}`;
}

/** One CloudTrail record, fields in the order CloudTrail writes them. */
export function buildRecord(actor: Actor, tpl: EventTemplate, c: BuildContext, opts: { denied: boolean }): Record<string, unknown> {
  const session = actor.sessions.length ? c.rng.pick(actor.sessions) : "";
  const tctx: TemplateContext = {
    rng: c.rng,
    account: c.account,
    region: c.region,
    roleArn: actor.kind === "role" ? actor.arn : undefined,
    serviceRoleArns: c.serviceRoleArns,
  };
  const params = tpl.params ? tpl.params(tctx) : null;
  const rec: Record<string, unknown> = {
    eventVersion: tpl.data ? "1.08" : "1.09",
    userIdentity: identityOf(actor, c, session),
    eventTime: c.time.toISOString().replace(/\.\d{3}Z$/, "Z"),
    eventSource: `${tpl.source}.amazonaws.com`,
    eventName: tpl.name,
    awsRegion: c.region,
    sourceIPAddress:
      actor.kind === "service" ? actor.arn : `${c.rng.int(3, 223)}.${c.rng.int(0, 255)}.${c.rng.int(0, 255)}.${c.rng.int(1, 254)}`,
    userAgent: actor.kind === "service" ? actor.arn : c.rng.pick(AGENTS),
  };
  if (opts.denied) {
    const style = tpl.denyStyle ?? "iam";
    rec.errorCode = style === "ec2" ? "Client.UnauthorizedOperation" : "AccessDenied";
    const who = actor.kind === "role" ? assumedRoleArn(actor, session) : actor.arn;
    rec.errorMessage =
      style === "s3"
        ? "Access Denied"
        : style === "ec2"
          ? "You are not authorized to perform this operation."
          : `User: ${who} is not authorized to perform: ${tpl.action} on resource: ${resourceFor(tpl, c)} because no identity-based policy allows the ${tpl.action} action`;
  }
  rec.requestParameters = params;
  rec.responseElements = opts.denied ? null : tpl.response ? tpl.response(tctx) : null;
  if (tpl.name === "ConsoleLogin") {
    rec.responseElements = { ConsoleLogin: opts.denied ? "Failure" : "Success" };
    rec.additionalEventData = { LoginTo: "https://console.aws.amazon.com/console/home", MobileVersion: "No", MFAUsed: "No" };
  }
  rec.requestID = c.rng.uuid();
  rec.eventID = c.rng.uuid();
  rec.readOnly = tpl.readOnly;
  if (tpl.resources) rec.resources = tpl.resources(tctx, params);
  rec.eventType = tpl.name === "ConsoleLogin" ? "AwsConsoleSignIn" : "AwsApiCall";
  rec.managementEvent = !tpl.data;
  rec.recipientAccountId = c.account;
  rec.eventCategory = tpl.data ? "Data" : "Management";
  rec.tlsDetails = {
    tlsVersion: "TLSv1.3",
    cipherSuite: "TLS_AES_128_GCM_SHA256",
    clientProvidedHostHeader: `${tpl.source}.${c.region}.amazonaws.com`,
  };
  return rec;
}

function resourceFor(tpl: EventTemplate, c: BuildContext): string {
  if (tpl.source === "lambda") return `arn:aws:lambda:${c.region}:${c.account}:function:orders-api`;
  if (tpl.source === "dynamodb") return `arn:aws:dynamodb:${c.region}:${c.account}:table/Orders`;
  return "*";
}
