#!/usr/bin/env bash
# Paired runs: our workload and PRISM's best configuration for it, one after the other, REPEAT times,
# with the 1-minute load average before each run. Usage (from the repository root):
#   PRISM=/path/to/prism/bin/prism docs/prism/paired.sh transient|steady [REPEAT]
# Prints one line per run: load, who, wall seconds of the whole process, the tool's own solve time, result.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
prism="${PRISM:?set PRISM to the prism launcher}"
repeat="${2:-3}"
mem=(-javamaxmem 8g -cuddmaxmem 4g)
load() { cut -d' ' -f1 /proc/loadavg; }
ours() { # workload
  local t0 t1 out
  t0=$(date +%s.%N); out=$("$root/rollout" bench "$1" --json 2>/dev/null); t1=$(date +%s.%N)
  python3 -c 'import json,sys; r=json.loads(sys.argv[1])["results"][0]; f=r["facts"];
print("ours %-18s wall %.2f s  solve %.3f s  %s" % (sys.argv[2], float(sys.argv[4])-float(sys.argv[3]), r["bestSeconds"],
  {k: f[k] for k in f if k in ("errorBound","errorEstimate","l1ErrorVsClosedForm","l1ErrorVsProductForm","p(x>=200)","meanN","iterations","steps","relErrorP(x>=200)")}))' "$out" "$1" "$t0" "$t1"
}
theirs() { # label model property options...
  local label="$1" model="$2" prop="$3"; shift 3
  local t0 t1 log
  t0=$(date +%s.%N); log=$(cd "$here" && "$prism" "$model" -pf "$prop" "${mem[@]}" "$@" 2>&1); t1=$(date +%s.%N)
  echo "prism $(printf '%-17s' "$label") wall $(python3 -c "print('%.2f' % ($t1-$t0))") s  $(echo "$log" | grep -E 'completed in|Time for steady-state' | head -1 | sed 's/^ *//')  $(echo "$log" | grep -E '^Result' | head -1)  $(echo "$log" | grep -E 'probability lost|Gauss-Seidel:' | head -1)"
}
ours_warm() { # workload
  local out
  out=$("$root/rollout" bench "$1" --warmup 1 --repeat 3 --json 2>/dev/null)
  python3 -c 'import json,sys; r=json.loads(sys.argv[1])["results"][0];
print("ours %-18s warm best %.3f s of 3 after 1 warm-up %s" % (sys.argv[2], r["bestSeconds"], ["%.3f" % x for x in r["seconds"]]))' "$out" "$1"
}
theirs_warm() { # label model property: the property 4 times in one properties file, transient by FAU
  local label="$1" model="$2" prop="$3" props
  props=$(mktemp --suffix=.props); printf '%s\n%s\n%s\n%s\n' "$prop" "$prop" "$prop" "$prop" > "$props"
  local log; log=$(cd "$here" && "$prism" "$model" "$props" "${mem[@]}" -transientmethod fau -fauepsilon 1e-9 2>&1)
  rm -f "$props"
  echo "prism $(printf '%-17s' "$label") warm $(echo "$log" | grep -E 'completed in' | sed 's/.*completed in \([0-9.]*\).*/\1/' | tr '\n' ' ')(model checking s, first is the warm-up)"
}
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, PRISM $("$prism" -version 2>/dev/null | head -1)"
for i in $(seq "$repeat"); do
  case "$1" in
    transient)
      echo "load $(load)"; ours solver-transient
      echo "load $(load)"; theirs swarm-t100 swarm.sm 'P=? [ F[100,100] x>=200 ]' -transientmethod fau -fauepsilon 1e-9
      echo "load $(load)"; ours solver-bd-t0.02
      echo "load $(load)"; theirs bd-t0.02 bd.sm 'R{"n"}=? [ I=0.02 ]' -transientmethod fau -fauepsilon 1e-9
      echo "load $(load)"; ours solver-bd-t0.2
      echo "load $(load)"; theirs bd-t0.2 bd.sm 'R{"n"}=? [ I=0.2 ]' -transientmethod fau -fauepsilon 1e-9
      ;;
    transient-warm)   # each tool checks the same query 1 + 3 times in one process; the best of the last 3 counts
      echo "load $(load)"; ours_warm solver-transient
      echo "load $(load)"; theirs_warm swarm-t100 swarm.sm 'P=? [ F[100,100] x>=200 ]'
      echo "load $(load)"; ours_warm solver-bd-t0.02
      echo "load $(load)"; theirs_warm bd-t0.02 bd.sm 'R{"n"}=? [ I=0.02 ]'
      echo "load $(load)"; ours_warm solver-bd-t0.2
      echo "load $(load)"; theirs_warm bd-t0.2 bd.sm 'R{"n"}=? [ I=0.2 ]'
      ;;
    steady)
      echo "load $(load)"; ours solver-steady
      echo "load $(load)"; theirs swarm-steady swarm.sm 'S=? [ x>=200 ]' -sparse -bgaussseidel -maxiters 10000000
      ;;
  esac
done
