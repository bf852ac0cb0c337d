#!/usr/bin/env bash
# Checks README's test commands on a fresh Debian 12 machine: a Debian bookworm made by
# debootstrap that has nothing but JDK 17 and Maven (and an empty ~/.m2), with the committed tree
# (git archive HEAD, no build output) in /root/citybrain. Two checks:
#   test-all    runs scripts/test-all.sh there as root (the default)
#   fast-loop   runs `mvn -B test` there, after checking that Chromium and PostgreSQL are absent
#
# The fresh system runs in its own network namespace, so it has its own loopback and its
# PostgreSQL does not meet this machine's on port 5432, and in its own IPC and mount namespaces.
# slirp4netns gives it outbound connections (to Debian's archive and Maven Central) without any
# change to this machine's network settings; it cannot reach this machine's loopback. Nothing of
# this machine's own services is stopped or reconfigured.
#
# Needs root, debootstrap, slirp4netns and iproute2 on this machine (Debian: apt-get install
# debootstrap slirp4netns iproute2). Takes 20-40 minutes, most of it the full test suite.
#
# Usage: scripts/check-fresh-debian.sh [test-all|fast-loop] [WORK_DIR] [MAVEN_ARGUMENTS...]
#   MAVEN_ARGUMENTS go to Maven, e.g. -Dmaven.test.failure.ignore=true to see every module's
#   results even when one fails
#   WORK_DIR (default /tmp/citybrain-fresh-debian) holds
#   base          debootstrap + openjdk-17-jdk-headless + maven, made once and reused
#   run-CHECK     a copy of base for this check, with the tree in /root/citybrain
#   CHECK.log     what the check printed (test-all.log, fast-loop.log)
# Exits with the exit code of the command checked.
set -euo pipefail
cd "$(dirname "$0")/.."

CHECK=${1:-test-all}
case "$CHECK" in
  test-all) COMMAND='scripts/test-all.sh' ;;
  fast-loop)
    # the fast loop must not need what test-all.sh installs: fail if the fresh system has it
    COMMAND='for p in /usr/bin/chromium /usr/bin/chromedriver /usr/bin/psql; do [ ! -e "$p" ] || { echo "not fresh: $p exists"; exit 1; }; done; mvn -B test' ;;
  *) echo "check-fresh-debian.sh: unknown check '$CHECK'; expected test-all or fast-loop" >&2; exit 2 ;;
esac
WORK=${2:-/tmp/citybrain-fresh-debian}
shift $(($# < 2 ? $# : 2))
[ $# -eq 0 ] || COMMAND="$COMMAND $(printf '%q ' "$@")"
BASE=$WORK/base
RUN=$WORK/run-$CHECK
MIRROR=http://deb.debian.org/debian

[ "$(id -u)" -eq 0 ] || { echo "check-fresh-debian.sh: run as root (debootstrap, chroot, namespaces)" >&2; exit 1; }
for tool in debootstrap slirp4netns ip unshare chroot git; do
  command -v "$tool" > /dev/null || { echo "check-fresh-debian.sh: $tool not found (apt-get install debootstrap slirp4netns iproute2)" >&2; exit 1; }
done
mkdir -p "$WORK"

# Runs a command in a chroot of $1, itself a mount point, with /proc, /dev (its own /dev/shm)
# and /sys mounted in a private mount namespace, so the mounts vanish with it, and the host name
# of $1/etc/hostname in its own UTS namespace; in network namespace $NETNS when set.
NETNS=
in_chroot() {
  local root=$1
  shift
  ${NETNS:+ip netns exec "$NETNS"} unshare --mount --ipc --uts --fork -- bash -c '
    set -e
    root=$1; shift
    hostname "$(cat "$root/etc/hostname")"
    mount --make-rprivate /
    # the root a mount point, as on a real machine: Java finds a file'"'"'s store in /proc/mounts
    # (else AtomicFiles fails with "Mount point not found")
    mount --bind "$root" "$root"
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
    mount -t sysfs sysfs "$root/sys"
    exec chroot "$root" /usr/bin/env -i HOME=/root TERM=dumb LANG=C.UTF-8 CI=true \
      PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"' _ "$root" "$@"
}

if [ ! -x "$BASE/usr/bin/mvn" ]; then
  echo "== making the base system in $BASE (debootstrap bookworm, then JDK 17 and Maven only)"
  rm -rf "$BASE"
  debootstrap --variant=minbase bookworm "$BASE" "$MIRROR"
  cp /etc/resolv.conf "$BASE/etc/resolv.conf"
  in_chroot "$BASE" apt-get update
  in_chroot "$BASE" env DEBIAN_FRONTEND=noninteractive apt-get install -y openjdk-17-jdk-headless maven
  # a machine as shipped: no services running, nothing cached for the test run
  in_chroot "$BASE" apt-get clean
fi

echo "== copying the base system to $RUN and the committed tree (HEAD $(git rev-parse --short HEAD)) to /root/citybrain"
rm -rf "$RUN"
cp -a "$BASE" "$RUN"
mkdir -p "$RUN/root/citybrain"
git archive HEAD | tar -x -C "$RUN/root/citybrain"
echo "nameserver 10.0.2.3" > "$RUN/etc/resolv.conf" # slirp4netns's DNS forwarder
# its own name, resolvable as Debian's installer makes it (debootstrap writes no /etc/hosts)
echo citybrain-fresh > "$RUN/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tcitybrain-fresh\n::1\tlocalhost ip6-localhost ip6-loopback\n' > "$RUN/etc/hosts"
# Where this machine's network intercepts TLS with a certificate authority of its own (a proxy
# of the workplace), the fresh system gets the extra CA certificates this machine trusts, or
# Maven cannot reach Central (PKIX path building failed). On an open network there are none.
if ls /usr/local/share/ca-certificates/*.crt > /dev/null 2>&1; then
  echo "== adding this machine's local CA certificates: $(cd /usr/local/share/ca-certificates && echo *.crt)"
  mkdir -p "$RUN/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$RUN/usr/local/share/ca-certificates/"
  in_chroot "$RUN" update-ca-certificates > /dev/null
fi

ns=citybrain-fresh-$$
slirp_pid=
cleanup() {
  # processes the fresh system left running (its PostgreSQL) go with its namespace
  for pid in $(ip netns pids "$ns" 2> /dev/null); do kill "$pid" 2> /dev/null || true; done
  [ -n "$slirp_pid" ] && kill "$slirp_pid" 2> /dev/null || true
  ip netns delete "$ns" 2> /dev/null || true
}
trap cleanup EXIT
ip netns add "$ns"
slirp4netns --configure --mtu=65520 --disable-host-loopback --netns-type=path "/run/netns/$ns" tap0 > "$WORK/slirp4netns.log" 2>&1 &
slirp_pid=$!
ip netns exec "$ns" ip link set lo up
for _ in $(seq 1 50); do
  ip netns exec "$ns" ip -4 addr show tap0 2> /dev/null | grep -q inet && break
  sleep 0.1
done
ip netns exec "$ns" ip -4 addr show tap0 | grep -q inet || { echo "check-fresh-debian.sh: slirp4netns did not configure tap0; see $WORK/slirp4netns.log" >&2; exit 1; }

echo "== running '$COMMAND' in the fresh system (log: $WORK/$CHECK.log)"
cat > "$RUN/root/check.sh" << EOF_CHECK
cd /root/citybrain
$COMMAND
EOF_CHECK
cat >> "$RUN/root/check.sh" << 'EOF_CHECK'
rc=$?
# stop what the script started, so nothing outlives the check
pg_lsclusters -h 2> /dev/null | while read -r version name _; do pg_ctlcluster "$version" "$name" stop; done
exit $rc
EOF_CHECK
NETNS=$ns
set +e
in_chroot "$RUN" bash /root/check.sh 2>&1 | tee "$WORK/$CHECK.log"
rc=${PIPESTATUS[0]}
set -e
echo "== $CHECK on fresh Debian exited with $rc"
exit "$rc"
