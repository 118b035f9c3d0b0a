#!/usr/bin/env bash
# Every GPU check of ffnlab in one go, for a GPU machine without Java or Maven, from the folder src/test/gpu/pack.sh
# made (this script sits in it). Builds nothing. Steps, each with its own timeout and log, each run whatever the
# ones before it gave (a step whose input is missing is "skipped" with the reason):
#   unpack     the jlink'd runtime, the jars, the application and the data into $WORK
#   device     nvidia-smi and the runtime's version
#   tests      the JUnit tests of ffnlab.backend.gpu (the @Tag("gpu") ones skip without a GPU)
#   peer       PyTorch eager and PyTorch with CUDA graphs (torch_peer_gpu.py), when python3 imports torch
#   benchmark  ffnlab.backend.gpu.GpuBenchmark, with the peer's figures of this same run
#   e2e        each experiment of E2E through the user's entry point, ffnlab.cli.Main run NAME --set
#              backend.kind=$E2E_BACKEND --variant $E2E_BACKEND: the same results folder and report as on a workstation
#   compare    each e2e report's summary.csv against cpu-reference/NAME/summary.csv (the CPU run of the same seeds,
#              packed by pack.sh): per configuration |gpu - cpu| of test accuracy and loss, max and mean
#   sweeps     each sweep of SWEEPS with backend.gpu_trials=$GPU_TRIALS (trials at once on the one device) against
#              one at a time (the e2e run when the sweep is one of E2E), in separate results folders; wall times
# Knobs: STEPS (default all, comma-separated), E2E="batch-size-sweep fashion-mnist", E2E_BACKEND=gpu, E2E_PROFILE
# (empty = the experiment's default), GPU_TRIALS=5, SWEEPS="batch-size-sweep", THREADS (default nproc),
# BATCHES=16,32,64,128,256, EPOCHS=3, PATTERNS=60000 (benchmark and peer), and the timeouts in seconds
# TEST_TIMEOUT=300, PEER_TIMEOUT=300, BENCH_TIMEOUT=240, E2E_TIMEOUT=420, SWEEP_TIMEOUT=420.
# Output in $OUT (a temporary folder when unset), at most 8 files: summary.txt (the table below), steps.log (every
# step's log in turn), comparison.txt, sweeps.txt, results.tar.xz (results/, reports/, JUnit reports, logs).
# Exit status: 0 when every step that ran passed.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="${OUT:-$(mktemp -d)}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
WORK="${WORK:-${TMPDIR:-/tmp}/ffnlab-gpu-check}"
STEPS=",${STEPS:-unpack,device,tests,peer,benchmark,e2e,compare,sweeps},"
E2E="${E2E:-batch-size-sweep fashion-mnist}"
E2E_BACKEND="${E2E_BACKEND:-gpu}"
E2E_PROFILE="${E2E_PROFILE:-}"
GPU_TRIALS="${GPU_TRIALS:-5}"
SWEEPS="${SWEEPS:-batch-size-sweep}"
THREADS="${THREADS:-$(nproc)}"
BATCHES="${BATCHES:-16,32,64,128,256}"
EPOCHS="${EPOCHS:-3}"
PATTERNS="${PATTERNS:-60000}"
rm -rf "$WORK" && mkdir -p "$WORK/logs"
: > "$OUT/steps.log"
: > "$OUT/comparison.txt"
: > "$OUT/sweeps.txt"
ROWS=()
failed=0

# step NAME TIMEOUT COMMAND...: runs it in $WORK with its output in logs/NAME.log and steps.log; records the row
step() {
  local name="$1" limit="$2" start end rc status
  shift 2
  start="$(date +%s.%N)"
  # a fresh bash under timeout, with this script's functions and FLAGS, so a step may be one of the functions below
  (cd "$WORK" && timeout "$limit" bash -c "$(declare -f unpack run_experiment); $(declare -p FLAGS); \"\$@\"" step "$@") \
    > "$WORK/logs/$name.log" 2>&1
  rc=$?
  end="$(date +%s.%N)"
  LAST_SECONDS="$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.1f", b - a}')"
  case $rc in
    0) status=passed ;;
    124 | 137) status="timed out (${limit} s)"; failed=1 ;;
    *) status=failed; failed=1 ;;
  esac
  { echo "=== $name: $status, exit $rc, $LAST_SECONDS s"; cat "$WORK/logs/$name.log"; echo; } >> "$OUT/steps.log"
  ROWS+=("$name|$status|$rc|$LAST_SECONDS|$(grep -v '^\s*$' "$WORK/logs/$name.log" | tail -n 1 | tr '|' ' ' | cut -c1-90)")
  return $rc
}
skip() {
  ROWS+=("$1|skipped|-|-|$2")
  echo "=== $1: skipped: $2" >> "$OUT/steps.log"
}
wants() { [[ "$STEPS" == *",$1,"* ]]; }

export HERE WORK E2E_BACKEND E2E_PROFILE THREADS
export JAVA="$WORK/jre/bin/java"
export CP="$WORK/lib/*"
FLAGS=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Duser.language=en -Duser.country=US
  -Xss8m "-Dffnlab.gpu.cache=$WORK/ptx")
unpacked=1
unpack() {
  for t in jre libs app data; do
    tar xJf "$HERE/$t.tar.xz" -C "$WORK" || return 1
  done
  "$JAVA" -version
}
# run NAME RESULTS VARIANT [--set k=v ...]: the user's entry point, in $WORK (experiments/, reports/ there)
run_experiment() {
  local name="$1" results="$2" variant="$3"
  shift 3
  local profile=()
  [ -n "$E2E_PROFILE" ] && profile=(--profile "$E2E_PROFILE")
  FFNLAB_DATA="$WORK/data" "$JAVA" "${FLAGS[@]}" -cp "$CP" ffnlab.cli.Main run "$name" "${profile[@]}" \
    --set "backend.kind=$E2E_BACKEND" "$@" --variant "$variant" --threads "$THREADS" --results "$WORK/$results" \
    --experiments "$WORK/experiments"
}
# the summary.csv of the report a run's log names ("report: PATH/index.html"), or nothing
report_of() {
  local page
  page="$(sed -n 's/^report: *//p' "$WORK/logs/$1.log" | tail -n 1)"
  [ -n "$page" ] && [ -f "$(dirname "$page")/summary.csv" ] && echo "$(dirname "$page")/summary.csv"
}
if wants unpack; then
  step unpack 300 unpack || unpacked=0
fi
[ -x "$JAVA" ] || unpacked=0

if wants device; then
  step device 60 bash -c 'nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.max.sm --format=csv \
    || echo "nvidia-smi: not available"; "$0" -version' "$JAVA"
fi

if wants tests; then
  if [ "$unpacked" = 1 ]; then
    step tests "${TEST_TIMEOUT:-300}" "$JAVA" "${FLAGS[@]}" -jar "$WORK/junit-console.jar" execute --disable-banner \
      --disable-ansi-colors --details=tree --class-path "$WORK/test-classes:$CP" --select-package ffnlab.backend.gpu \
      --reports-dir "$WORK/junit"
  else
    skip tests "nothing unpacked"
  fi
fi

PEER="$WORK/logs/peer.log"
if wants peer; then
  if command -v python3 >/dev/null 2>&1 && python3 -c 'import torch' >/dev/null 2>&1; then
    step peer "${PEER_TIMEOUT:-300}" python3 "$HERE/torch_peer_gpu.py" --batches "$BATCHES" --epochs "$EPOCHS" --patterns "$PATTERNS"
  else
    skip peer "python3 with torch not found on this machine: peer columns not measured"
    echo "peer-unavailable python3 with torch not found on this machine: peer columns not measured" > "$PEER"
  fi
fi

if wants benchmark; then
  if [ "$unpacked" = 1 ]; then
    step benchmark "${BENCH_TIMEOUT:-240}" "$JAVA" "${FLAGS[@]}" -cp "$WORK/bench:$CP" ffnlab.backend.gpu.GpuBenchmark \
      "$BATCHES" "$EPOCHS" "$PATTERNS" "$PEER"
  else
    skip benchmark "nothing unpacked"
  fi
fi

declare -A ONE_AT_A_TIME
if wants e2e; then
  for e in $E2E; do
    if [ "$unpacked" = 1 ]; then
      step "e2e-$e" "${E2E_TIMEOUT:-420}" run_experiment "$e" results "$E2E_BACKEND"
      [ $? -eq 0 ] && ONE_AT_A_TIME[$e]="$LAST_SECONDS"
    else
      skip "e2e-$e" "nothing unpacked"
    fi
  done
fi

if wants compare; then
  for e in $E2E; do
    summary="$(report_of "e2e-$e" 2>/dev/null || true)"
    reference="${CPU_REFERENCE_DIR:-$HERE/cpu-reference}/$e/summary.csv"
    if [ -z "$summary" ]; then
      skip "compare-$e" "the e2e run of $e left no report"
    elif [ ! -f "$reference" ]; then
      skip "compare-$e" "no CPU reference packed ($reference)"
    else
      step "compare-$e" 60 "$JAVA" -cp "$WORK/bench:$CP" ffnlab.backend.gpu.ReportComparison "$summary" "$reference"
      { echo "== $e: $summary against $reference"; cat "$WORK/logs/compare-$e.log"; echo; } >> "$OUT/comparison.txt"
    fi
  done
fi

if wants sweeps; then
  for s in $SWEEPS; do
    if [ "$unpacked" = 0 ]; then
      skip "sweep-$s" "nothing unpacked"
      continue
    fi
    if [ -z "${ONE_AT_A_TIME[$s]:-}" ]; then
      step "sweep-$s-1" "${SWEEP_TIMEOUT:-420}" run_experiment "$s" results-1 "$E2E_BACKEND" --set backend.gpu_trials=1 \
        && ONE_AT_A_TIME[$s]="$LAST_SECONDS"
    fi
    step "sweep-$s-$GPU_TRIALS" "${SWEEP_TIMEOUT:-420}" run_experiment "$s" "results-$GPU_TRIALS" "$E2E_BACKEND-$GPU_TRIALS" \
      --set "backend.gpu_trials=$GPU_TRIALS"
    rc=$?
    echo "$s: one trial at a time ${ONE_AT_A_TIME[$s]:-not measured} s, $GPU_TRIALS at once $( [ $rc -eq 0 ] && echo "$LAST_SECONDS s" || echo "failed (exit $rc)") (wall time of the whole command: JVM start, data, trials, report; $THREADS threads)" >> "$OUT/sweeps.txt"
  done
fi

(cd "$WORK" && tar cJf "$OUT/results.tar.xz" --ignore-failed-read $(ls -d results* reports junit logs 2>/dev/null)) 2>/dev/null
{
  printf '%-34s %-20s %5s %8s  %s\n' step status exit seconds "last line"
  for r in "${ROWS[@]}"; do
    IFS='|' read -r n st rc s note <<< "$r"
    printf '%-34s %-20s %5s %8s  %s\n' "$n" "$st" "$rc" "$s" "$note"
  done
  [ -s "$OUT/sweeps.txt" ] && { echo; cat "$OUT/sweeps.txt"; }
  [ -s "$OUT/comparison.txt" ] && { echo; grep '^==\||gpu - cpu|' "$OUT/comparison.txt"; }
} | tee "$OUT/summary.txt"
exit $failed
