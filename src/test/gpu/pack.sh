#!/usr/bin/env bash
# Packs what src/test/gpu/check.sh needs into one folder (default .gpu/, git-ignored): a jlink'd Java runtime
# (tar.xz, ~22 MB, built once), the compiled classes (with the benchmark from src/bench) and test classes, log4j, the JUnit console launcher and
# the PyTorch peer script.
# Run from the repository root after `mvn -B -o test-compile`; needs JAVA_HOME = a JDK 25 and the jars in ~/.m2.
set -euo pipefail
DEST="${1:-.gpu}"
: "${JAVA_HOME:?point JAVA_HOME at a JDK 25}"
M2="${M2_REPO:-$HOME/.m2/repository}"
LOG4J="$(sed -n 's:.*<log4j.version>\(.*\)</log4j.version>.*:\1:p' pom.xml)"
JUNIT="$(sed -n 's:.*<junit.version>\(.*\)</junit.version>.*:\1:p' pom.xml)"
CONSOLE="$M2/org/junit/platform/junit-platform-console-standalone/$JUNIT/junit-platform-console-standalone-$JUNIT.jar"
if [ ! -f "$CONSOLE" ]; then
  mvn -B -q dependency:get "-Dartifact=org.junit.platform:junit-platform-console-standalone:$JUNIT"
fi
mkdir -p "$DEST/lib"
rm -rf "$DEST/classes" "$DEST/test-classes"
cp -r target/classes "$DEST/classes"
# the benchmark is a bench source (src/bench/java), compiled here beside the classes it measures
"$JAVA_HOME/bin/javac" --release 25 -nowarn -d "$DEST/classes" -cp target/classes src/bench/java/ffnlab/backend/gpu/GpuBenchmark.java
cp -r target/test-classes "$DEST/test-classes"
cp "$M2/org/apache/logging/log4j/log4j-api/$LOG4J/log4j-api-$LOG4J.jar" "$DEST/lib/log4j-api.jar"
cp "$M2/org/apache/logging/log4j/log4j-core/$LOG4J/log4j-core-$LOG4J.jar" "$DEST/lib/log4j-core.jar"
cp "$CONSOLE" "$DEST/lib/junit-console.jar"
cp src/test/gpu/check.sh "$DEST/check.sh"
cp src/bench/python/torch_peer_gpu.py "$DEST/torch_peer_gpu.py"
if [ ! -f "$DEST/jre.tar.xz" ]; then
  MODULES="$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 25 \
    "$DEST/lib/log4j-api.jar" "$DEST/lib/log4j-core.jar" "$DEST/lib/junit-console.jar" "$DEST/classes" "$DEST/test-classes")"
  TMP="$(mktemp -d)"
  "$JAVA_HOME/bin/jlink" --add-modules "$MODULES,java.logging,java.xml" --strip-debug --no-header-files \
    --no-man-pages --output "$TMP/jre"
  tar cJf "$DEST/jre.tar.xz" -C "$TMP" jre
  rm -rf "$TMP"
fi
du -sh "$DEST"
