#!/usr/bin/env bash
# Runs the run views' flood benchmark headless (Monocle, software rendering): the Docker panel's
# events and output views fed a flood from a run's thread, one FX task per item against FxHandOff;
# prints how late the FX thread answered, how long the views took to catch up, and the heap.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:exec \
  -Dexec.executable=java \
  -Dexec.classpathScope=test \
  -Dexec.args="-Xmx1g -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true -classpath %classpath dev.armorbench.ui.docker.RunViewsFloodBenchmark"
