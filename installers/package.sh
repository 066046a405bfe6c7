#!/usr/bin/env bash
# Builds the jlinked app image and, where the platform's tools exist, the installer, into target/dist/.
# Run by `mvn -B -Ppackage -DskipTests package` after the jar, its libraries and the SBOM are built.
set -euo pipefail
cd "$(dirname "$0")/.."
. app/find-java
java="$(ringside_find_java)"
jdk="$(cd "$(dirname "$(readlink -f "$java")")/.." && pwd)"
for tool in jlink jpackage; do
  [ -x "$jdk/bin/$tool" ] || { echo "package: $jdk has no $tool; a full JDK 25 is needed to package" >&2; exit 2; }
done

version="$(sed -n 's/^--app-version \(.*\)/\1/p' jpackage.cfg)"
rm -rf target/dist target/package-input target/runtime
mkdir -p target/dist target/package-input
cp target/ringside.jar target/package-input/
cp -r target/lib target/package-input/lib

# The JDK modules Ringside uses (checked by running the packaged app in CI); everything else is left out.
modules=java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.prefs,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,\
jdk.charsets,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.localedata,jdk.management,jdk.net,jdk.unsupported,jdk.zipfs
echo "package: jlink runtime ($modules)"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress zip-6 \
  --output target/runtime

echo "package: app image"
"$jdk/bin/jpackage" @jpackage.cfg --type app-image --input target/package-input --runtime-image target/runtime \
  --icon installers/ringside.png --dest target/dist

if [ -f target/bom.json ]; then
  cp target/bom.json "target/dist/ringside-$version-sbom.cyclonedx.json"
fi

if [ "${RINGSIDE_APP_IMAGE_ONLY:-0}" = 1 ]; then
  echo "package: RINGSIDE_APP_IMAGE_ONLY=1, so no installer"
  ls -l target/dist
  exit 0
fi

case "$(uname -s)" in
  Linux)
    if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then
      echo "package: .deb"
      "$jdk/bin/jpackage" @jpackage.cfg --type deb --input target/package-input --runtime-image target/runtime \
        --icon installers/ringside.png --dest target/dist \
        --license-file installers/LICENSE.txt --linux-package-name ringside --linux-shortcut \
        --linux-menu-group "System;Monitor" --linux-app-category admin --resource-dir installers/linux
    else
      echo "package: no dpkg-deb/fakeroot here; skipped the .deb (apt-get install fakeroot)" >&2
    fi ;;
  *) echo "package: installers for $(uname -s) are built on that platform (see README)" >&2 ;;
esac
ls -l target/dist
