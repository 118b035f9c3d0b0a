#!/usr/bin/env bash
# Packs what src/test/gpu/check.sh needs on a GPU machine without Java into one folder (default .gpu/, git-ignored):
#   jre.tar.xz    a jlink'd Java runtime with the modules the application's jars use
#   libs.tar.xz   the application's runtime jars (mvn package's target/lib), stored and cut down by PackJars.java
#   app.tar.xz    the application jar (target/classes), the GPU benchmark and report comparison (src/bench), the test classes, the
#                 JUnit console launcher and experiments/
#   data.tar.xz   Fashion-MNIST (the four IDX files, uncompressed in the tar) from $FFNLAB_DATA and California housing
#                 from data/
#   cpu-reference/NAME/summary.csv   the CPU run of each experiment check.sh runs end to end, when one is found
#   check.sh, torch_peer_gpu.py
# jre, libs and data are kept in PACK_CACHE (default target/gpu-pack) under a key of their inputs and rebuilt
# only when those change. The folder, with the repository's tracked files that travel beside it, must stay within
# PACK_LIMIT_MIB (default 64, the device call's limit): its size is printed, and above the limit pack.sh exits 1
# with one line.
# Run from the repository root after `mvn -B -o test-compile` (target/classes, target/test-classes; the runtime jars
# are target/lib's after `mvn package`, else the class path Maven resolves); needs JAVA_HOME = a JDK 25.
# CPU_REFERENCE (default reports/) is a reports folder holding NAME@cpu/summary.csv for batch-size-sweep and
# fashion-mnist, made by `bin/ffnlab run NAME --set backend.kind=cpu --variant cpu`.
set -euo pipefail
DEST="${1:-.gpu}"
: "${JAVA_HOME:?point JAVA_HOME at a JDK 25}"
: "${FFNLAB_DATA:?point FFNLAB_DATA at the folder holding fashion-mnist/ (the four idx .gz files)}"
CACHE="${PACK_CACHE:-target/gpu-pack}"
LIMIT_MIB="${PACK_LIMIT_MIB:-64}"
CPU_REFERENCE="${CPU_REFERENCE:-reports}"
EXPERIMENTS_E2E=(batch-size-sweep fashion-mnist)
M2="${M2_REPO:-$HOME/.m2/repository}"
JUNIT="$(sed -n 's:.*<junit.version>\(.*\)</junit.version>.*:\1:p' pom.xml)"
CONSOLE="$M2/org/junit/platform/junit-platform-console-standalone/$JUNIT/junit-platform-console-standalone-$JUNIT.jar"
HERE="$(cd "$(dirname "$0")" && pwd)"

if [ ! -d target/classes ] || [ ! -d target/test-classes ]; then
  echo "pack.sh: target/classes or target/test-classes missing: run mvn -B -o test-compile first" >&2
  exit 2
fi
if [ ! -f "$CONSOLE" ]; then
  mvn -B -q dependency:get "-Dartifact=org.junit.platform:junit-platform-console-standalone:$JUNIT"
fi
key() { sha256sum | cut -c1-16; }
mkdir -p "$DEST" "$CACHE"
DEST="$(cd "$DEST" && pwd)"
rm -rf "$DEST/cpu-reference" "$DEST"/*.tar.xz.tmp
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
# the runtime jars: target/lib (mvn package) when there, else the runtime class path Maven resolves
if [ -d target/lib ] && ls target/lib/*.jar >/dev/null 2>&1; then
  LIB_JARS=(target/lib/*.jar)
else
  mvn -o -B -q dependency:build-classpath -Dmdep.includeScope=runtime "-Dmdep.outputFile=$STAGE/classpath.txt" >&2
  IFS=: read -r -a LIB_JARS < "$STAGE/classpath.txt"
fi
# the application jar, made from target/classes (what the tests compiled)
APP_JAR="$STAGE/ffnlab.jar"
"$JAVA_HOME/bin/jar" --create --file "$APP_JAR" -C target/classes .

# libs: PackJars.java over target/lib, cached by the jars' names and sizes and PackJars.java itself
LIB_KEY="$( (stat -c '%s %n' "${LIB_JARS[@]}" | sed 's:.*/::'; cat "$HERE/PackJars.java") | key)"
if [ ! -f "$CACHE/libs-$LIB_KEY.tar.xz" ]; then
  if [ ! -f "$CACHE/libs-$LIB_KEY/done" ]; then
    rm -rf "$CACHE/libs-$LIB_KEY" && mkdir -p "$CACHE/libs-$LIB_KEY/lib"
    "$JAVA_HOME/bin/java" "$HERE/PackJars.java" "$CACHE/libs-$LIB_KEY/lib" "${LIB_JARS[@]}" > "$CACHE/libs-$LIB_KEY.log"
    touch "$CACHE/libs-$LIB_KEY/done"
  fi
  # the modules the application and, through the class path, its libraries use
  if ! "$JAVA_HOME/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 \
      --class-path "$CACHE/libs-$LIB_KEY/lib/*" "$APP_JAR" > "$CACHE/modules-$LIB_KEY.txt" 2>&1; then
    echo "pack.sh: jdeps could not list the modules: $(head -n 1 "$CACHE/modules-$LIB_KEY.txt")" >&2
    rm -f "$CACHE/modules-$LIB_KEY.txt"
    exit 2
  fi
  tar cf - -C "$CACHE/libs-$LIB_KEY" lib | xz -9 -T2 > "$CACHE/libs-$LIB_KEY.tar.xz.tmp"
  mv "$CACHE/libs-$LIB_KEY.tar.xz.tmp" "$CACHE/libs-$LIB_KEY.tar.xz"
  rm -rf "$CACHE/libs-$LIB_KEY"
fi
cp "$CACHE/libs-$LIB_KEY.tar.xz" "$DEST/libs.tar.xz"

# jre: the modules jdeps found, plus java.logging and java.xml (log4j loads them by name) and jdk.zipfs; cached by the
# module list and the JDK's version
MODULES="$(tail -n 1 "$CACHE/modules-$LIB_KEY.txt"),java.logging,java.xml,jdk.zipfs"
JRE_KEY="$( (echo "$MODULES"; "$JAVA_HOME/bin/java" -version 2>&1) | key)"
if [ ! -f "$CACHE/jre-$JRE_KEY.tar.xz" ]; then
  "$JAVA_HOME/bin/jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --output "$STAGE/jre"
  tar cf - -C "$STAGE" jre | xz -9 -T2 > "$CACHE/jre-$JRE_KEY.tar.xz.tmp"
  mv "$CACHE/jre-$JRE_KEY.tar.xz.tmp" "$CACHE/jre-$JRE_KEY.tar.xz"
fi
cp "$CACHE/jre-$JRE_KEY.tar.xz" "$DEST/jre.tar.xz"

# data: Fashion-MNIST uncompressed inside the tar (xz packs the pixels ~15% smaller than gzip), California housing
FASHION="$FFNLAB_DATA/fashion-mnist"
for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
  if [ ! -f "$FASHION/$f.gz" ] && [ ! -f "$FASHION/$f" ]; then
    echo "pack.sh: $FASHION/$f.gz: not found (Fashion-MNIST is needed by batch-size-sweep and fashion-mnist)" >&2
    exit 2
  fi
done
DATA_KEY="$( (ls -lL "$FASHION" data/california-housing | awk '{print $5, $9}') | key)"
if [ ! -f "$CACHE/data-$DATA_KEY.tar.xz" ]; then
  mkdir -p "$STAGE/data/fashion-mnist"
  for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    if [ -f "$FASHION/$f.gz" ]; then gzip -dc "$FASHION/$f.gz" > "$STAGE/data/fashion-mnist/$f"; else cp "$FASHION/$f" "$STAGE/data/fashion-mnist/$f"; fi
  done
  cp -r data/california-housing "$STAGE/data/california-housing"
  tar cf - -C "$STAGE" data | xz -9e -T2 > "$CACHE/data-$DATA_KEY.tar.xz.tmp"
  mv "$CACHE/data-$DATA_KEY.tar.xz.tmp" "$CACHE/data-$DATA_KEY.tar.xz"
fi
cp "$CACHE/data-$DATA_KEY.tar.xz" "$DEST/data.tar.xz"

# app: the application jar (stored), the bench mains compiled against it, test classes, JUnit console, experiments
mkdir -p "$STAGE/app/lib" "$STAGE/app/bench"
"$JAVA_HOME/bin/java" "$HERE/PackJars.java" "$STAGE/app/lib" "$APP_JAR" > /dev/null
"$JAVA_HOME/bin/javac" --release 25 -nowarn -d "$STAGE/app/bench" -cp "$APP_JAR:$(IFS=:; echo "${LIB_JARS[*]}")" \
  src/bench/java/ffnlab/backend/gpu/GpuBenchmark.java src/bench/java/ffnlab/backend/gpu/ReportComparison.java
cp -r target/test-classes "$STAGE/app/test-classes"
cp "$CONSOLE" "$STAGE/app/junit-console.jar"
cp -r experiments "$STAGE/app/experiments"
tar cf - -C "$STAGE/app" . | xz -6 -T2 > "$DEST/app.tar.xz"

for e in "${EXPERIMENTS_E2E[@]}"; do
  if [ -f "$CPU_REFERENCE/$e@cpu/summary.csv" ]; then
    mkdir -p "$DEST/cpu-reference/$e"
    cp "$CPU_REFERENCE/$e@cpu/summary.csv" "$DEST/cpu-reference/$e/summary.csv"
    echo "pack.sh: CPU reference for $e: $CPU_REFERENCE/$e@cpu/summary.csv"
  else
    echo "pack.sh: no CPU reference for $e ($CPU_REFERENCE/$e@cpu/summary.csv): check.sh will say so"
  fi
done
cp src/test/gpu/check.sh "$DEST/check.sh"
cp src/bench/python/torch_peer_gpu.py "$DEST/torch_peer_gpu.py"

BYTES="$(du -sb "$DEST" | cut -f1)"
TRACKED=0
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  TRACKED="$(git ls-files -z | xargs -0 stat -c %s 2>/dev/null | awk '{s+=$1} END {print s+0}')"
fi
LIMIT=$((LIMIT_MIB * 1024 * 1024))
mib() { awk -v b="$1" 'BEGIN {printf "%.1f", b / 1048576}'; }
echo "pack.sh: $DEST holds $(mib "$BYTES") MiB (jre $(mib "$(stat -c %s "$DEST/jre.tar.xz")"), libs $(mib "$(stat -c %s "$DEST/libs.tar.xz")"),\
 app $(mib "$(stat -c %s "$DEST/app.tar.xz")"), data $(mib "$(stat -c %s "$DEST/data.tar.xz")")); with the $(mib "$TRACKED") MiB of tracked\
 files that travel beside it: $(mib $((BYTES + TRACKED))) MiB of $LIMIT_MIB MiB"
if [ $((BYTES + TRACKED)) -gt "$LIMIT" ]; then
  echo "pack.sh: $DEST and the tracked files come to $((BYTES + TRACKED)) bytes, above PACK_LIMIT_MIB=$LIMIT_MIB MiB ($LIMIT bytes): the device call would refuse them" >&2
  exit 1
fi
