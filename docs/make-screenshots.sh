#!/usr/bin/env bash
# Regenerates every screenshot in docs/images from the real UI, rendered headless (no display needed).
# An argument renders only the pictures whose name starts with it (e.g. docker-panel).
# docker-panel*.png start a Docker engine of their own (root, docker.io, busybox-static); without
# them those two are skipped with a message.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile exec:exec \
  -Dexec.executable=java \
  -Dexec.classpathScope=test \
  -Dexec.args="-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true -classpath %classpath dev.armorbench.ui.Screenshots docs/images ${1:-}"
