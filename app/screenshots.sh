#!/usr/bin/env bash
# Screenshots of the cockpit on the sandbox incident, saved to docs/. Runs the cockpit under a
# virtual X server, so it works on a machine without a display.
#   needs: Xvfb, ImageMagick's `import`, xdotool (apt-get install -y xvfb libgtk-3-0 imagemagick xdotool)
#   usage: app/screenshots.sh            (builds the jar first if there is none)
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
root="$(dirname "$here")"
docs="$root/docs"
for tool in Xvfb import xdotool; do
  command -v "$tool" >/dev/null || { echo "screenshots: '$tool' is missing; apt-get install -y xvfb libgtk-3-0 imagemagick xdotool" >&2; exit 2; }
done
[ -f "$root/target/ringside.jar" ] || (cd "$root" && mvn -B -q -DskipTests package)

display=":$(( 90 + RANDOM % 100 ))"
work="$(mktemp -d)"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY="$display"
sleep 2

shoot() { # $1: file name under docs/
  # the root window cropped to the cockpit (under Xvfb without a compositor, grabbing the window itself can come out black)
  eval "$(xdotool getwindowgeometry --shell "$window")"
  import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "$docs/$1"
  echo "screenshots: docs/$1"
}

mkdir -p "$docs"
"$here/ringside" cockpit --sandbox --journal "$work/journal.db" --approver oncall >"$work/cockpit.log" 2>&1 &
app=$!
# The watches find the checkout crash loop; the demo run reads the planted log line, is denied
# delete_deployment, and parks on its Ring 2 rollback approval.
sleep "${RINGSIDE_SCREENSHOT_WAIT:-30}"
window="$(xdotool search --sync --onlyvisible --name 'Ringside' | head -1)"
xdotool windowmove "$window" 0 0
# without a window manager the pointer decides where keys go; rest it on the title to focus the window
xdotool mousemove 40 28
sleep 5
shoot cockpit.png

xdotool key ctrl+shift+k
sleep 4
shoot cockpit-killed.png
kill "$app"; wait "$app" 2>/dev/null || true
app=""
