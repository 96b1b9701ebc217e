// Which S3-compatible endpoints Leastwise may connect to (issue 11, item 6: SSRF). The rule holds
// when a trail is registered (checkS3Endpoint) and again at every connection (s3EndpointLookup,
// the S3 client's DNS lookup), because a name can resolve to another address later:
// - http or https only, no credentials in the URL;
// - never link-local (169.254.0.0/16, fe80::/10) or a cloud metadata address (169.254.169.254,
//   fd00:ec2::254), multicast, broadcast or reserved ranges;
// - loopback, private (RFC 1918, fc00::/7, 100.64.0.0/10) and "this network" (0.0.0.0/8) ranges
//   only when the administrator allows them: LEASTWISE_ALLOW_PRIVATE_ENDPOINTS=1.
import dns from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { env } from "@/lib/env";
import { ScanError } from "@/lib/engine/errors";
import { AppError } from "@/lib/errors";

type Kind = "metadata" | "link-local" | "reserved" | "loopback" | "private";

function blockList(ranges: [string, number, "ipv4" | "ipv6"][]): BlockList {
  const list = new BlockList();
  for (const [net, prefix, family] of ranges) list.addSubnet(net, prefix, family);
  return list;
}

// Checked in this order: the first match names the address's kind.
const RANGES: [Kind, BlockList][] = [
  [
    "metadata",
    blockList([
      ["169.254.169.254", 32, "ipv4"],
      ["fd00:ec2::254", 128, "ipv6"],
      ["169.254.170.2", 32, "ipv4"],
    ]),
  ],
  [
    "link-local",
    blockList([
      ["169.254.0.0", 16, "ipv4"],
      ["fe80::", 10, "ipv6"],
    ]),
  ],
  [
    "reserved",
    blockList([
      ["224.0.0.0", 4, "ipv4"],
      ["240.0.0.0", 4, "ipv4"],
      ["ff00::", 8, "ipv6"],
      ["192.0.0.0", 24, "ipv4"],
      ["198.18.0.0", 15, "ipv4"],
      ["100::", 64, "ipv6"],
    ]),
  ],
  [
    "loopback",
    blockList([
      ["127.0.0.0", 8, "ipv4"],
      ["0.0.0.0", 8, "ipv4"],
      ["::1", 128, "ipv6"],
      ["::", 128, "ipv6"],
    ]),
  ],
  [
    "private",
    blockList([
      ["10.0.0.0", 8, "ipv4"],
      ["172.16.0.0", 12, "ipv4"],
      ["192.168.0.0", 16, "ipv4"],
      ["100.64.0.0", 10, "ipv4"],
      ["fc00::", 7, "ipv6"],
    ]),
  ],
];

const ALWAYS_REFUSED = new Set<Kind>(["metadata", "link-local", "reserved"]);

/** An IPv6 address that carries an IPv4 one (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::/96) as IPv4. */
function embeddedIpv4(ip: string): string | undefined {
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (!hex) return undefined;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** The kind of a non-public address, or undefined for a public one. */
export function addressKind(ip: string): Kind | undefined {
  const family = isIP(ip);
  if (family === 0) return "reserved";
  const v4 = family === 6 ? embeddedIpv4(ip) : ip;
  const [address, type] = v4 ? [v4, "ipv4" as const] : [ip, "ipv6" as const];
  for (const [kind, list] of RANGES) if (list.check(address, type)) return kind;
  return undefined;
}

/** Why Leastwise may not connect to this address, or undefined when it may. */
export function addressRefusal(ip: string, allowPrivate = env().LEASTWISE_ALLOW_PRIVATE_ENDPOINTS === "1"): string | undefined {
  const kind = addressKind(ip);
  if (!kind || (!ALWAYS_REFUSED.has(kind) && allowPrivate)) return undefined;
  const what = {
    metadata: "a cloud metadata address",
    "link-local": "a link-local address",
    reserved: "a multicast or reserved address",
    loopback: "a loopback address",
    private: "a private-network address",
  }[kind];
  return ALWAYS_REFUSED.has(kind)
    ? `${ip} is ${what}, which Leastwise never connects to`
    : `${ip} is ${what}; an administrator can allow loopback and private-network endpoints with LEASTWISE_ALLOW_PRIVATE_ENDPOINTS=1`;
}

function endpointError(endpoint: string, reason: string): AppError {
  return new AppError("VALIDATION", `The S3 endpoint "${endpoint}" is not allowed: ${reason}.`, { field: "endpoint" });
}

/**
 * Checks an S3-compatible endpoint URL and every address its host resolves to now. Throws a
 * VALIDATION AppError (field "endpoint") saying why not.
 */
export async function checkS3Endpoint(
  endpoint: string,
  options: { allowPrivate?: boolean; resolve?: (host: string) => Promise<string[]> } = {},
): Promise<URL> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new AppError("VALIDATION", `"${endpoint}" is not an http(s) URL.`, { field: "endpoint" });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new AppError("VALIDATION", `"${endpoint}" is not an http(s) URL.`, { field: "endpoint" });
  if (url.username || url.password)
    throw endpointError(endpoint, "it must not carry credentials (the trail's keys come from the AWS credential chain)");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (options.resolve ?? resolveAll)(host);
    } catch {
      throw endpointError(endpoint, `its host name ${host} does not resolve`);
    }
  }
  for (const address of addresses) {
    const refusal = addressRefusal(address, options.allowPrivate);
    if (refusal) throw endpointError(endpoint, isIP(host) ? refusal : `${host} resolves to ${refusal}`);
  }
  return url;
}

async function resolveAll(host: string): Promise<string[]> {
  const found = await dns.promises.lookup(host, { all: true, verbatim: true });
  return found.map((a) => a.address);
}

/**
 * The S3 client's DNS lookup for custom endpoints: the same rule at every connection, so a name
 * that resolved to a public address at registration cannot be pointed at a forbidden one later.
 */
export const s3EndpointLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const list = addresses as dns.LookupAddress[];
    for (const a of list) {
      const refusal = addressRefusal(a.address);
      if (refusal) {
        const e = Object.assign(new Error(`The S3 endpoint host ${hostname} resolves to ${refusal}.`), {
          code: "ELEASTWISEFORBIDDENADDRESS",
        });
        return callback(e, "", 0);
      }
    }
    if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
    const first = list[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} did not resolve`), { code: "ENOTFOUND" }), "", 0);
    callback(null, first.address, first.family);
  });
};

/**
 * The endpoint for the S3 client, refused (a ScanError, INVALID_REQUEST) when its host is an IP
 * address the rule forbids: connections to an IP address do no DNS lookup, so s3EndpointLookup
 * never sees them. Host names are checked by s3EndpointLookup at each connection.
 */
export function allowedS3Endpoint(endpoint: string): string {
  let host: string;
  try {
    host = new URL(endpoint).hostname.replace(/^\[|\]$/g, "");
  } catch {
    throw new ScanError("INVALID_REQUEST", `"${endpoint}" is not an http(s) URL`);
  }
  const refusal = isIP(host) ? addressRefusal(host) : undefined;
  if (refusal) throw new ScanError("INVALID_REQUEST", `The S3 endpoint "${endpoint}" is not allowed: ${refusal}`);
  return endpoint;
}
