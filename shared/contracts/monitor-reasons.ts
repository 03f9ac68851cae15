// Why a check is in its state, as codes the web translates (monitors.reasons.<code>): what a probe
// saw, a UPS condition, or a crossed threshold. Shared so that the pages and the locale test know
// every code the server can store.

/**
 * Why a check failed, as a code the web translates (monitors.reasons.<code>). Probes may add
 * codes; keep them short snake_case and list them here.
 */
export const PROBE_REASONS = [
  'timeout', // no answer within the timeout
  'refused', // connection refused / port closed
  'unreachable', // host or network unreachable, no route
  'dns_failed', // the name does not resolve
  'packet_loss', // ping: every echo lost
  'status_mismatch', // http: status outside the accepted range (detail.status)
  'keyword_missing', // http: keyword absent though it must be present
  'keyword_found', // http: keyword present though it must be absent
  'too_many_redirects',
  'tls_error', // handshake failed or the certificate does not verify (detail.code)
  'cert_expired',
  'dns_mismatch', // dns: no answer equals the expected value (detail.got)
  'no_records',
  'whois_no_expiry', // whois: the answer carries no expiry date
  'snmp_error', // agent answered with an error status (detail.status)
  'snmp_auth', // v3 authentication / privacy failed, or wrong community (seen as timeout on v1/v2c)
  'snmp_no_such', // the OID does not exist on the agent
  'snmp_bad_value', // the value is not a number where one is needed
  'ups_unknown', // upsd does not know this UPS name
  'ups_stale', // upsd answers but its data from the driver is stale
  'ups_access', // upsd refused the login or the command
  'protocol_error', // the peer spoke, but not the protocol expected
  'push_missing', // push: no call within the period and its grace
  'push_down', // push: the job called and said it failed
  'error', // anything else (detail.code: the system error code, never a message from the peer)
] as const;

/** UPS conditions raised even when upsd answers (evaluate.ts decides their severity). */
export const UPS_CONDITIONS = ['on_battery', 'low_battery', 'replace_battery', 'overload'] as const;

/** Every reason a monitor's status or event can carry. */
export const STATUS_REASONS = [...PROBE_REASONS, ...UPS_CONDITIONS, 'threshold_value', 'threshold_latency'] as const;
