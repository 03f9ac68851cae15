// Every kind's probe. Push monitors have none: their results are the calls of their URL.
import type { MonitorKind } from '../../../../shared/contracts/monitor-targets.js';
import { dnsProbe } from './dns.js';
import { httpProbe } from './http.js';
import { pingProbe } from './ping.js';
import type { Probe } from './probe.types.js';
import { snmpProbe } from './snmp.js';
import { tcpProbe } from './tcp.js';
import { tlsProbe } from './tls.js';
import { upsProbe } from './ups.js';
import { whoisProbe } from './whois.js';

export const PROBES: Partial<Record<MonitorKind, Probe<any>>> = {
  ping: pingProbe,
  tcp: tcpProbe,
  http: httpProbe,
  dns: dnsProbe,
  tls: tlsProbe,
  whois: whoisProbe,
  snmp: snmpProbe,
  ups: upsProbe,
};
