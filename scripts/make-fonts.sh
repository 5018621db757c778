#!/usr/bin/env bash
# Regenerates fonts/LiberationSans-{Regular,Bold,Italic,BoldItalic}.ttf: subsets of Debian's
# Liberation Sans 2 (package fonts-liberation2) made with pyftsubset (package
# fonttools). The generated files are committed, so a normal build needs
# neither python nor this script; run it only to change the kept ranges or
# to pick up a new upstream font. See fonts/README.md.
#
# Idempotent: running it again with the same package versions produces
# byte-identical files, and files whose contents would not change are left
# untouched (so their timestamps do not trigger rebuilds).
#
# Usage: scripts/make-fonts.sh [--check]
#   --check  only verify that the committed fonts match what would be
#            generated (exit 1 if they differ); writes nothing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT_DIR="$ROOT/fonts"
SRC_DIR=/usr/share/fonts/truetype/liberation2
# The python that Debian's fonttools package is installed for. pyenv, venvs
# or conda python3 earlier on PATH usually do not have fontTools.
PY=/usr/bin/python3
PYFTSUBSET=/usr/bin/pyftsubset
# Versions the committed fonts were made with (see fonts/README.md).
EXPECTED_LIBERATION=2.1.5-1
EXPECTED_FONTTOOLS=4.38.0-1+deb12u1

CHECK_ONLY=0
case "${1:-}" in
  --check) CHECK_ONLY=1 ;;
  "") ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

log() { printf '%s\n' "make-fonts: $*" >&2; }

install_deps() {
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      log "need root (or sudo) to install fonts-liberation2 fonttools"
      exit 1
    fi
  fi
  log "installing fonts-liberation2 fonttools with apt-get"
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends \
    fonts-liberation2 fonttools
}

if [[ ! -x $PYFTSUBSET || ! -x $PY ]] || ! "$PY" -c 'import fontTools' 2>/dev/null \
    || [[ ! -f $SRC_DIR/LiberationSans-Regular.ttf || ! -f $SRC_DIR/LiberationSans-Bold.ttf ]] \
    || [[ ! -f $SRC_DIR/LiberationSans-Italic.ttf || ! -f $SRC_DIR/LiberationSans-BoldItalic.ttf ]]; then
  install_deps
fi

pkg_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo unknown; }
LIBERATION_VERSION=$(pkg_version fonts-liberation2)
FONTTOOLS_VERSION=$(pkg_version fonttools)
log "fonts-liberation2 $LIBERATION_VERSION, fonttools $FONTTOOLS_VERSION"
if [[ $LIBERATION_VERSION != "$EXPECTED_LIBERATION" || $FONTTOOLS_VERSION != "$EXPECTED_FONTTOOLS" ]]; then
  log "WARNING: the committed fonts were made with fonts-liberation2 $EXPECTED_LIBERATION" \
      "and fonttools $EXPECTED_FONTTOOLS; output may differ (update fonts/README.md)"
fi

# Every character of Windows-1252 (WinAnsiEncoding). Bytes 0x81 0x8D 0x8F
# 0x90 0x9D are undefined in cp1252 and skipped. Computed rather than typed
# so nothing is forgotten (e.g. U+02C6 and U+02DC lie outside the blocks below).
CP1252=$("$PY" - <<'EOF'
cps = set()
for b in range(0x20, 0x100):
    try:
        cps.add(ord(bytes([b]).decode("cp1252")))
    except UnicodeDecodeError:
        pass
print(",".join("U+%04X" % c for c in sorted(cps)))
EOF
)

# Ranges kept (characters the source font lacks are silently skipped, which
# is what we want for U+2610-2612: Liberation Sans 2.1.5 has no ballot boxes).
RANGES=(
  U+0000-007F   # Basic Latin
  U+0080-00FF   # Latin-1 Supplement (incl. U+00A0 no-break space)
  U+0100-017F   # Latin Extended-A (Ł ő ž ...)
  U+0180-024F   # Latin Extended-B (incl. Ș ș Ț ț U+0218-021B, Ǎ ǧ ...)
  U+02B0-02FF   # Spacing Modifier Letters (ˆ ˜ from cp1252, ˇ ˘ ˙ ˛ ˝, ʻ ʼ in Uzbek/Hawaiian names)
  U+0300-036F   # Combining Diacritical Marks
  U+1E00-1EFF   # Latin Extended Additional (Vietnamese ạ ễ ố ...)
  U+2000-206F   # General Punctuation (– — ‘ ’ “ ” • … ‰ ‹ › NNBSP ...)
  U+20AC        # € Euro sign
  U+2122        # ™
  U+25A0-25A1   # ■ □ (checkbox fallback: the font has no U+2610-2612)
  U+2610-2612   # ☐ ☑ ☒ if the font has them
)
UNICODES="$(IFS=,; echo "${RANGES[*]}"),$CP1252"

# Options, and why:
#   --no-hinting          drop glyph instructions and cvt/fpgm/prep/hdmx/VDMX
#                         (PDF viewers rasterise without them; libharu 2.3.0 as
#                         packaged in Debian writes zero-length cvt/fpgm/prep
#                         into the embedded subset when they are missing)
#   --layout-features=''  and --drop-tables+=... : no GSUB/GPOS/GDEF/kern/gasp;
#                         libharu 2.3.0 neither shapes nor kerns TrueType text,
#                         and the layout stage measures advance widths only
#   --notdef-outline      keep the .notdef box so a missing glyph is visible
#                         in the PDF instead of an invisible blank
#   --name-IDs=0-7        copyright (0), names (1-6), trademark (7); libharu
#                         needs ids 2 and 6 (platform 3/1/0x409 or 1/0/0). The
#                         licence text (13, 14) is left out of the files that
#                         get embedded in every PDF: it ships as fonts/LICENSE
#   --recalc-bounds       head xMin/yMin/xMax/yMax (-> PDF /FontBBox) match the
#                         glyphs that remain
# Not needed: --glyph-names (post format 3 is fine, libharu reads only the
# underline fields of post), --legacy-kern, --recalc-timestamp (left off so
# the output is reproducible).
SUBSET_OPTS=(
  --no-hinting
  "--layout-features="
  "--drop-tables+=GSUB,GPOS,GDEF,kern,gasp,FFTM"
  --notdef-outline
  "--name-IDs=0,1,2,3,4,5,6,7"
  --recalc-bounds
)

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

status=0

# install_if_changed NEW DST: move NEW over DST unless identical (or --check).
install_if_changed() {
  local new=$1 dst=$2
  if [[ -f $dst ]] && cmp -s "$new" "$dst"; then
    log "$dst up to date ($(stat -c %s "$dst") bytes)"
  elif [[ $CHECK_ONLY -eq 1 ]]; then
    log "$dst differs from a fresh build"
    status=1
  else
    mkdir -p "$(dirname "$dst")"
    mv "$new" "$dst"
    chmod 644 "$dst"
    log "wrote $dst ($(stat -c %s "$dst") bytes)"
  fi
}

# fonts/LICENSE: the copyright notice and SIL OFL 1.1 text of the "Files: *"
# stanza of Debian's machine-readable copyright file, unwrapped. That file has
# "?" where the OFL has "--" (an encoding accident); restore the OFL wording.
COPYRIGHT=/usr/share/doc/fonts-liberation2/copyright
{
  echo "fonts/LiberationSans-{Regular,Bold,Italic,BoldItalic}.ttf are"
  echo "subsets of Liberation Sans ${LIBERATION_VERSION%-*} (Debian package fonts-liberation2"
  echo "$LIBERATION_VERSION; upstream https://github.com/liberationfonts), made by"
  echo "scripts/make-fonts.sh."
  echo "They are Modified Versions of the Font Software under the following terms."
  echo
  awk '
    /^Files: \*$/ {inside = 1; next}
    inside && /^Files:/ {exit}
    inside && /^Copyright:/ {next}
    inside && /^License:/ {print ""; next}
    inside && /^ \.$/ {print ""; next}
    inside && /^ / {sub(/^ /, ""); print; next}
  ' "$COPYRIGHT" | sed 's/ ? / -- /; s/ ?$/ --/' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
} >"$TMP/LICENSE"
grep -q 'SIL OPEN FONT LICENSE Version 1.1' "$TMP/LICENSE" || {
  log "could not extract the OFL text from $COPYRIGHT"
  exit 1
}
install_if_changed "$TMP/LICENSE" "$OUT_DIR/LICENSE"

# One set with every script above. (The PDF writer cuts a subset per document from it, so a
# smaller Windows-1252-only set is no longer needed; stale LiberationSans-Latin1-*.ttf files
# from earlier versions are removed.)
set=full
for stale in "$OUT_DIR"/LiberationSans-Latin1-Regular.ttf "$OUT_DIR"/LiberationSans-Latin1-Bold.ttf; do
  if [[ -f $stale ]]; then
    if [[ $CHECK_ONLY -eq 1 ]]; then log "$stale is no longer made"; status=1; else rm -f "$stale"; log "removed $stale"; fi
  fi
done
for style in Regular Bold Italic BoldItalic; do
  src="$SRC_DIR/LiberationSans-$style.ttf"
  name="LiberationSans-$style.ttf"; unicodes="$UNICODES"
  dst="$OUT_DIR/$name"
  tmp="$TMP/$name"
  "$PYFTSUBSET" "$src" "${SUBSET_OPTS[@]}" "--unicodes=$unicodes" --output-file="$tmp" 2>"$TMP/pyftsubset.log" || {
    cat "$TMP/pyftsubset.log" >&2
    exit 1
  }
  # The only expected warning is about the FontForge timestamp table.
  grep -v 'FFTM NOT subset' "$TMP/pyftsubset.log" >&2 || true

  # Verify coverage and the tables libharu 2.3.0 reads.
  "$PY" - "$src" "$tmp" "$set" <<'EOF'
import sys
from fontTools.ttLib import TTFont
src, out = TTFont(sys.argv[1]), TTFont(sys.argv[2])
full = sys.argv[3] == "full"
errors = []
for tag in ("head", "hhea", "hmtx", "maxp", "cmap", "loca", "glyf", "name", "OS/2", "post"):
    if tag not in out:
        errors.append("missing table " + tag)
if not any(t.platformID == 3 and t.platEncID == 1 and t.format == 4 for t in out["cmap"].tables):
    errors.append("no (3,1) format 4 cmap subtable")
names = {(n.platformID, n.platEncID, n.langID, n.nameID) for n in out["name"].names}
for nid in (2, 6):
    if (3, 1, 0x409, nid) not in names and (1, 0, 0, nid) not in names:
        errors.append("name id %d missing (libharu needs it)" % nid)
if out["OS/2"].fsType & 0x0302:
    errors.append("OS/2 fsType forbids embedding")
src_cmap, out_cmap = src.getBestCmap(), out.getBestCmap()
wanted = set()
for b in range(0x20, 0x100):
    try:
        wanted.add(ord(bytes([b]).decode("cp1252")))
    except UnicodeDecodeError:
        pass
for lo, hi in ((0x20, 0x7E), (0xA0, 0x24F), (0x2B0, 0x36F), (0x1E00, 0x1EFF),
               (0x2000, 0x206F), (0x20AC, 0x20AC), (0x2122, 0x2122), (0x2610, 0x2612)):
    if full:
        wanted.update(range(lo, hi + 1))
for cp in sorted(wanted):
    if cp in src_cmap and cp not in out_cmap:
        errors.append("U+%04X lost" % cp)
    if cp in out_cmap and out["hmtx"][out_cmap[cp]][0] != src["hmtx"][src_cmap[cp]][0]:
        errors.append("U+%04X advance changed" % cp)
for cp in [ord(bytes([b]).decode("cp1252")) for b in range(0x20, 0x100) if b not in (0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D)]:
    if cp not in out_cmap:
        errors.append("cp1252 character U+%04X not in font" % cp)
if errors:
    sys.exit("make-fonts: " + sys.argv[2] + ": " + "; ".join(errors))
print("make-fonts: %s: %d glyphs, %d code points" % (sys.argv[2].rsplit("/", 1)[-1],
      len(out.getGlyphOrder()), len(out_cmap)), file=sys.stderr)
EOF

  install_if_changed "$tmp" "$dst"
done
exit "$status"
