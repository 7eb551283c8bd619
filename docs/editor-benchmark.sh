#!/usr/bin/env bash
# Runs the editor benchmark headless (Monocle, software rendering): a generated 10,000-line profile,
# first styled frame, per-keystroke restyle time on the FX thread, diagnostics latency, heap.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:exec \
  -Dexec.executable=java \
  -Dexec.classpathScope=test \
  -Dexec.args="-Xmx1g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true -classpath %classpath dev.armorbench.bench.EditorBenchmark"
