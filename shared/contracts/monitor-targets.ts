// What a monitor checks (监控项的检查对象): one configuration shape per kind of check. The probes
// on the server take exactly these shapes, and nothing in them is ever passed through a shell:
// addresses are checked here, before they are stored, and again by each probe.
import { z } from 'zod';
import { line } from './common.js';

export const MONITOR_KINDS = ['ping', 'tcp', 'http', 'dns', 'tls', 'whois', 'snmp', 'ups', 'push'] as const;
export type MonitorKind = (typeof MONITOR_KINDS)[number];

// ---- addresses ---------------------------------------------------------------------------------

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** Hex groups and colons only (with an optional embedded IPv4 tail); net.isIP decides the rest. */
const IPV6_CHARS = /^[0-9a-fA-F:.]{2,45}$/;
/** RFC 1123 labels: letters, digits and inner hyphens; an optional trailing dot. */
const HOSTNAME = /^(?=.{1,253}\.?$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;

export function isIPv4(s: string): boolean {
  return IPV4.test(s);
}

/** A host a probe may contact: an IPv4 or IPv6 literal or a DNS name. Never starts with '-'. */
export function isMonitorHost(s: string): boolean {
  if (IPV4.test(s)) return true;
  if (s.includes(':')) return IPV6_CHARS.test(s) && s.split('::').length <= 2;
  return HOSTNAME.test(s) && !/^\d+(\.\d+)*$/.test(s);
}

export const monitorHost = line(253).pipe(z.string().min(1).refine(isMonitorHost, { message: 'invalid_monitor_host' }));
export const port = z.number().int().min(1).max(65535);

export const monitorUrl = line(2000).pipe(
  z
    .string()
    .min(1)
    .refine(
      (s) => {
        try {
          const u = new URL(s);
          return (u.protocol === 'http:' || u.protocol === 'https:') && isMonitorHost(u.hostname.replace(/^\[|\]$/g, ''));
        } catch {
          return false;
        }
      },
      { message: 'invalid_monitor_url' },
    ),
);

/** A dotted numeric OID such as 1.3.6.1.2.1.1.3.0 (no names: nothing is looked up in MIB files). */
export const oid = line(200).pipe(z.string().regex(/^[0-2](\.\d{1,10}){2,60}$/, { message: 'invalid_oid' }));

/** Header names and values a person may add to an HTTP check (no line breaks can get in). */
const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, { message: 'invalid_header_name' });
const headerValue = z
  .string()
  .max(1000)
  .regex(/^[^\r\n\0]*$/, { message: 'invalid_header_value' });

// ---- per-kind configuration ---------------------------------------------------------------------

export const pingTarget = z.strictObject({
  kind: z.literal('ping'),
  host: monitorHost,
  /** Echo requests per check; loss is counted over them. */
  count: z.number().int().min(1).max(10).default(3),
});

export const tcpTarget = z.strictObject({
  kind: z.literal('tcp'),
  host: monitorHost,
  port,
});

export const httpTarget = z.strictObject({
  kind: z.literal('http'),
  url: monitorUrl,
  method: z.enum(['GET', 'HEAD']).default('GET'),
  /** Accepted status codes, inclusive. */
  statusMin: z.number().int().min(100).max(599).default(200),
  statusMax: z.number().int().min(100).max(599).default(399),
  /** Text that must (or must not) be in the body; '' = no keyword check. */
  keyword: line(200).default(''),
  keywordMode: z.enum(['present', 'absent']).default('present'),
  followRedirects: z.boolean().default(true),
  headers: z
    .array(z.strictObject({ name: headerName, value: headerValue }))
    .max(20)
    .default([]),
  /** Basic auth user; the password is a secret (MonitorSecrets.password). */
  basicAuthUser: line(100).default(''),
  /** Accept a certificate that does not verify (self-signed appliances, printers' web pages). */
  ignoreTlsErrors: z.boolean().default(false),
});

export const DNS_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS'] as const;
export const dnsTarget = z.strictObject({
  kind: z.literal('dns'),
  /** The name to resolve. */
  name: monitorHost,
  recordType: z.enum(DNS_RECORD_TYPES).default('A'),
  /** One of the answers must equal this (case-insensitive; MX: the exchange); '' = any answer. */
  expected: line(253).default(''),
  /** Ask this server instead of the system's resolvers: an IP address. */
  server: line(45).default(''),
  serverPort: port.default(53),
});

export const tlsTarget = z.strictObject({
  kind: z.literal('tls'),
  host: monitorHost,
  port: port.default(443),
  /** SNI name when it differs from host; '' = host. */
  servername: line(253).default(''),
});

export const whoisTarget = z.strictObject({
  kind: z.literal('whois'),
  /** The registered domain, e.g. example.com.cn. */
  domain: monitorHost,
  /** WHOIS server; '' = chosen from the domain's suffix. */
  server: line(253).default(''),
  serverPort: port.default(43),
});

export const SNMP_METRICS = ['system', 'interfaces', 'storage', 'cpu', 'oid', 'toner'] as const;
export type SnmpMetric = (typeof SNMP_METRICS)[number];
export const SNMP_AUTH = ['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512'] as const;
export const SNMP_PRIV = ['des', 'aes', 'aes256b', 'aes256r'] as const;

export const snmpTarget = z.strictObject({
  kind: z.literal('snmp'),
  host: monitorHost,
  port: port.default(161),
  version: z.enum(['1', '2c', '3']).default('2c'),
  /** v3 only; the keys are secrets (MonitorSecrets.authKey / privKey). */
  v3User: line(64).default(''),
  v3Level: z.enum(['noAuthNoPriv', 'authNoPriv', 'authPriv']).default('authPriv'),
  v3AuthProtocol: z.enum(SNMP_AUTH).default('sha'),
  v3PrivProtocol: z.enum(SNMP_PRIV).default('aes'),
  metric: z.enum(SNMP_METRICS).default('system'),
  /** metric 'oid': the value to read; its number is compared with the thresholds. */
  oid: z.union([oid, z.literal('')]).default(''),
  /** metric 'oid': the value is multiplied by this (a sensor giving tenths of a degree: 0.1). */
  scale: z.number().min(-1e9).max(1e9).default(1),
  unit: line(20).default(''),
  /** metric 'interfaces': only these ifIndex values; empty = every interface. */
  interfaces: z.array(z.number().int().min(1).max(2_147_483_647)).max(512).default([]),
});

export const upsTarget = z.strictObject({
  kind: z.literal('ups'),
  host: monitorHost,
  port: port.default(3493),
  /** The UPS's name in upsd (ups.conf section), e.g. 'ups' in ups@192.168.1.5. */
  upsName: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, { message: 'invalid_ups_name' }),
  /** upsd login when it needs one; the password is a secret (MonitorSecrets.password). */
  username: line(64).default(''),
});

export const pushTarget = z.strictObject({
  kind: z.literal('push'),
  /** Extra time after the period before a missing call is an alarm. */
  graceSeconds: z.number().int().min(0).max(86_400).default(60),
});

export const monitorTarget = z.discriminatedUnion('kind', [
  pingTarget,
  tcpTarget,
  httpTarget,
  dnsTarget,
  tlsTarget,
  whoisTarget,
  snmpTarget,
  upsTarget,
  pushTarget,
]);
export type MonitorTarget = z.infer<typeof monitorTarget>;
export type TargetOf<K extends MonitorKind> = Extract<MonitorTarget, { kind: K }>;

/**
 * Write-only values: stored, used by the probes, never returned, logged, exported or audited.
 * A field left out keeps the stored value; '' clears it.
 */
export const monitorSecrets = z.strictObject({
  /** SNMP v1/v2c community. */
  community: z.string().max(200).optional(),
  /** SNMP v3 authentication and privacy keys. */
  authKey: z.string().max(200).optional(),
  privKey: z.string().max(200).optional(),
  /** HTTP basic auth or upsd password. */
  password: z.string().max(200).optional(),
});
export type MonitorSecrets = z.infer<typeof monitorSecrets>;
export const SECRET_NAMES = ['community', 'authKey', 'privKey', 'password'] as const;
