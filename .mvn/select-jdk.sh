# Sourced by ./mvnw and ./dingus: make JAVA_HOME point at a JDK 21 or newer.
# Keeps an explicit JAVA_HOME that is new enough; otherwise takes the newest JDK under /usr/lib/jvm.
dingus_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1; }
dingus_select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(dingus_java_major "$JAVA_HOME"); [ "${v:-0}" -ge 21 ] 2>/dev/null && return 0
  fi
  best=""; bestv=0
  case $- in *f*) set +f; dingus_noglob=1 ;; esac
  for d in /usr/lib/jvm/*/ "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")/"; do
    d=${d%/}; [ -x "$d/bin/javac" ] || continue
    v=$(dingus_java_major "$d"); [ -n "$v" ] || continue
    if [ "$v" -ge 21 ] 2>/dev/null && [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  [ -z "${dingus_noglob:-}" ] || set -f
  if [ -z "$best" ]; then
    echo "Dingus needs a JDK 21 or newer (none found; install one, e.g. 'apt-get install openjdk-21-jdk', or set JAVA_HOME)." >&2
    return 1
  fi
  JAVA_HOME=$best; export JAVA_HOME
}
dingus_select_jdk
