#!/usr/bin/env bash
# Every GPU check of ffnlab in one go, for a GPU machine without Java or Maven: unpacks the jlink'd
# runtime shipped beside this script, runs the tests of ffnlab.backend.gpu (the @Tag("gpu") ones and the
# device-free ones) with the JUnit console launcher, then the PyTorch peer (when python3 can import torch), then
# the benchmark, which shows the peer's figures from this run or "not measured". Builds nothing.
# Logs go to $OUT (a temporary folder when unset). Exit status: 0 when tests and benchmark passed.
# Without a GPU the tests skip (assumption) and the benchmark exits 2 with the reason.
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="${OUT:-$(mktemp -d)}"
mkdir -p "$OUT"
WORK="${TMPDIR:-/tmp}/ffnlab-gpu-check"
rm -rf "$WORK" && mkdir -p "$WORK"
if ! tar xJf "$HERE/jre.tar.xz" -C "$WORK"; then
  echo "check.sh: cannot unpack $HERE/jre.tar.xz" >&2
  exit 2
fi
JAVA="$WORK/jre/bin/java"
CP="$HERE/classes:$HERE/lib/log4j-api.jar:$HERE/lib/log4j-core.jar"
FLAGS=(--enable-native-access=ALL-UNNAMED -Duser.language=en -Duser.country=US -Xss8m "-Dffnlab.gpu.cache=$WORK/ptx")

{ nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.max.sm --format=csv 2>&1 || echo "nvidia-smi: not available"; } | tee "$OUT/device.txt"
"$JAVA" -version 2>&1 | head -n 1 | tee -a "$OUT/device.txt"

timeout "${TEST_TIMEOUT:-300}" "$JAVA" "${FLAGS[@]}" -jar "$HERE/lib/junit-console.jar" execute \
  --disable-banner --disable-ansi-colors --details=tree --class-path "$HERE/test-classes:$CP" \
  --select-package ffnlab.backend.gpu --reports-dir "$OUT/junit" 2>&1 | tee "$OUT/tests.log"
tests=${PIPESTATUS[0]}

# The peer, PyTorch on the same network and data sizes, in this same run when Python has torch with CUDA;
# the benchmark prints its columns only from this output, else "not measured".
PEER="$OUT/peer.log"
if command -v python3 >/dev/null 2>&1 && python3 -c 'import torch' >/dev/null 2>&1; then
  timeout "${PEER_TIMEOUT:-300}" python3 "$HERE/torch_peer_gpu.py" --batches "${BATCHES:-16,32,64,128,256}" \
    --epochs "${EPOCHS:-3}" --patterns "${PATTERNS:-60000}" 2>&1 | tee "$PEER"
  echo "check.sh: peer exit ${PIPESTATUS[0]}"
else
  echo "peer-unavailable python3 with torch not found on this machine: peer columns not measured" | tee "$PEER"
fi

timeout "${BENCH_TIMEOUT:-240}" "$JAVA" "${FLAGS[@]}" -cp "$CP" ffnlab.backend.gpu.GpuBenchmark \
  "${BATCHES:-16,32,64,128,256}" "${EPOCHS:-3}" "${PATTERNS:-60000}" "$PEER" 2>&1 | tee "$OUT/benchmark.log"
bench=${PIPESTATUS[0]}

echo "check.sh: tests exit $tests, benchmark exit $bench"
[ "$tests" -eq 0 ] && [ "$bench" -eq 0 ]
