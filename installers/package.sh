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
mkdir -p target/dist target/package-input/lib
cp target/ringside.jar target/package-input/

# The class path is the jar manifest's, not whatever target/lib holds (an older build leaves its jars
# there). JavaFX goes into the runtime as modules instead: on the class path it warns of an
# unsupported configuration. Its platform jars are the modules; the plain ones are empty placeholders.
rm -rf target/manifest && mkdir -p target/manifest
(cd target/manifest && "$jdk/bin/jar" -xf ../ringside.jar META-INF/MANIFEST.MF)
classpath="$(tr -d '\r' < target/manifest/META-INF/MANIFEST.MF \
  | awk '/^Class-Path:/ {sub(/^Class-Path: /, ""); cp = $0; next} /^ / && cp != "" {sub(/^ /, ""); cp = cp $0; next} cp != "" {print cp; done = 1; exit} END {if (!done && cp != "") print cp}')"
[ -n "$classpath" ] || { echo "package: target/ringside.jar has no Class-Path in its manifest" >&2; exit 2; }
fx=()
for entry in $classpath; do
  jar="target/$entry"
  [ -f "$jar" ] || { echo "package: $jar (named in the jar's manifest) is missing; run 'mvn -Ppackage package' again" >&2; exit 2; }
  case "$(basename "$jar")" in
    javafx-*-linux.jar|javafx-*-linux-aarch64.jar|javafx-*-mac.jar|javafx-*-mac-aarch64.jar|javafx-*-win.jar) fx+=("$jar") ;;
    javafx-*) ;;
    *) cp "$jar" target/package-input/lib/ ;;
  esac
done
[ "${#fx[@]}" -gt 0 ] || { echo "package: no JavaFX platform jars on the class path" >&2; exit 2; }

# The JDK modules Ringside uses (checked by running the packaged app in CI), and JavaFX; nothing else.
# --generate-cds-archive gives the runtime its class-data archive, which the launcher's per-user
# archive (jpackage.cfg) builds on.
modules=java.base,java.compiler,java.datatransfer,java.desktop,java.instrument,java.logging,java.management,java.naming,\
java.net.http,java.prefs,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,\
jdk.charsets,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.localedata,jdk.management,jdk.net,jdk.unsupported,jdk.zipfs,\
javafx.controls
echo "package: jlink runtime ($modules)"
"$jdk/bin/jlink" --module-path "$(IFS=:; echo "${fx[*]}")" --add-modules "$modules" --strip-debug --no-man-pages \
  --no-header-files --compress zip-6 --generate-cds-archive --output target/runtime

# A per-user class-data archive of this very build, written by the JVM when the first run exits and
# mapped by the later ones. Its name carries the build (the JVM does not rebuild an archive whose
# jars changed; it only stops using it), and Ringside deletes the archives of other builds.
build="$(sha256sum target/ringside.jar | cut -c1-12)"
archive="\$HOME/.cache/ringside/Ringside-$version-$build.jsa"
cat > target/jpackage-cds.cfg <<CDS
--java-options -XX:+AutoCreateSharedArchive
--java-options -XX:SharedArchiveFile=$archive
--java-options -Dringside.classDataArchive=$archive
--java-options -Xlog:cds=off
--java-options -Xlog:cds+dynamic=off
CDS

echo "package: app image"
"$jdk/bin/jpackage" @jpackage.cfg @target/jpackage-cds.cfg --type app-image --input target/package-input \
  --runtime-image target/runtime --icon installers/ringside.png --dest target/dist

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
      "$jdk/bin/jpackage" @jpackage.cfg @target/jpackage-cds.cfg --type deb --input target/package-input --runtime-image target/runtime \
        --icon installers/ringside.png --dest target/dist \
        --license-file installers/LICENSE.txt --linux-package-name ringside --linux-shortcut \
        --linux-menu-group "System;Monitor" --linux-app-category admin --resource-dir installers/linux
    else
      echo "package: no dpkg-deb/fakeroot here; skipped the .deb (apt-get install fakeroot)" >&2
    fi ;;
  *) echo "package: installers for $(uname -s) are built on that platform (see README)" >&2 ;;
esac
ls -l target/dist
