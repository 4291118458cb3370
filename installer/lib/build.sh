#!/usr/bin/env bash
# Builds target/vigil.jar and target/lib/ from the source tree given as $1, unless they are already newer than the sources.
set -euo pipefail
src="$1"
jar="$src/target/vigil.jar"
if [ -f "$jar" ] && [ -z "$(find "$src/src/main" "$src/pom.xml" -newer "$jar" -print -quit)" ]; then
  exit 0
fi
for home in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$home" ] && [ -x "$home/bin/javac" ]; then export JAVA_HOME="$home"; break; fi
done
echo "Building Vigil (Java: ${JAVA_HOME:-java on PATH})"
(cd "$src" && ./mvnw -q -B -DskipTests package)
