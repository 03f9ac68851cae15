#!/bin/sh
# Makes sure the programs the monitoring tests talk to are installed: ping (iputils-ping), Debian's
# snmpd, Network UPS Tools (upsd + the dummy-ups driver) and dnsmasq as a DNS server. Each test
# starts its own instance on loopback with its own configuration; nothing here starts a service.
set -eu
need=""
command -v ping >/dev/null 2>&1 || need="$need iputils-ping"
[ -x /usr/sbin/snmpd ] || need="$need snmpd"
{ [ -x /usr/sbin/upsd ] || [ -x /sbin/upsd ]; } || need="$need nut-server"
[ -x /usr/sbin/dnsmasq ] || need="$need dnsmasq"
# The black-hole test peer is a few lines of Python; unshare (util-linux) gives a private network.
command -v python3 >/dev/null 2>&1 || need="$need python3"
[ -z "$need" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "missing for the monitoring tests and not root: apt-get install$need" >&2
  exit 1
fi
apt-get update -qq
# policy-rc.d keeps the packages' own services from starting: the tests run their own instances.
printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
# shellcheck disable=SC2086
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need
rm -f /usr/sbin/policy-rc.d
