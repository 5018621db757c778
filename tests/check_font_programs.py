#!/usr/bin/python3
"""Reads back every TrueType font program embedded in PDFs and checks it against its PDF font
dictionary and, with --source, against the font it was cut from.

    tests/check_font_programs.py [--source FONT.ttf]... FILE.pdf...

Per simple TrueType font (/FontFile2), with Debian's python3-fonttools:
  * checksums: every table's directory checksum and head.checkSumAdjustment (whole file
    0xB1B0AFBA); tables inside the file, 4-byte aligned, not overlapping;
  * glyph count: maxp.numGlyphs = glyphs in loca/glyf = hmtx metrics, and every glyph but
    .notdef is reached from the cmap or as a component (nothing missing, nothing extra);
  * cmap: exactly one subtable, (3,0), mapping 0xF000 + code for every code FirstChar..LastChar
    to a glyph that has outlines (unless /ToUnicode says the code is a space);
  * /Widths: for every code, the glyph's hmtx advance * 1000 / unitsPerEm, truncated;
  * with --source (matched by PostScript name): per code, the source font's glyph for the
    /ToUnicode character has the same advance, the same outlines (composites decomposed) and
    the same instructions, and fpgm, prep and 'cvt ' are kept byte for byte when glyphs have
    instructions.
Prints each problem ("FILE: FONT: code N (U+XXXX): ...") and a summary line ("checked ...
N fonts (H hinted) ..."); exits 1 on any
problem, 2 when a PDF cannot be read.
"""
import argparse
import base64
import io
import json
import struct
import subprocess
import sys
import unicodedata

from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.ttLib import TTFont


def read_pdf_objects(path):
    out = subprocess.run(
        ["qpdf", "--json=2", "--json-key=qpdf", "--decode-level=generalized",
         "--json-stream-data=inline", path, "-"],
        capture_output=True, check=False)
    if out.returncode not in (0, 3):
        raise RuntimeError(f"qpdf --json failed: {out.stderr.decode(errors='replace').strip()}")
    return json.loads(out.stdout)["qpdf"][1]


def stream_bytes(objects, ref):
    obj = objects["obj:" + ref]["stream"]
    return base64.b64decode(obj.get("data", ""))


def parse_to_unicode(cmap_text):
    """Code -> Unicode string from a ToUnicode CMap's bfchar and bfrange sections."""
    codes = {}
    mode = None
    for line in cmap_text.splitlines():
        line = line.strip()
        if line.endswith("beginbfchar"):
            mode = "char"
        elif line.endswith("beginbfrange"):
            mode = "range"
        elif line in ("endbfchar", "endbfrange"):
            mode = None
        elif mode and line.startswith("<"):
            parts = [p.strip("<>") for p in line.split()]
            if mode == "char":
                codes[int(parts[0], 16)] = bytes.fromhex(parts[1]).decode("utf-16-be")
            else:
                first, last, dest = int(parts[0], 16), int(parts[1], 16), bytes.fromhex(parts[2])
                base = dest.decode("utf-16-be")
                for i in range(last - first + 1):
                    codes[first + i] = base[:-1] + chr(ord(base[-1]) + i)
    return codes


def check_checksums(data, problem):
    num_tables = struct.unpack(">H", data[4:6])[0]
    spans = []
    head_at = None
    for i in range(num_tables):
        tag, checksum, offset, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tag = tag.decode("latin-1")
        if offset % 4 or offset + length > len(data):
            problem(f"table '{tag}' at {offset}+{length} misaligned or beyond the file ({len(data)} bytes)")
            continue
        table = bytearray(data[offset:offset + length])
        if tag == "head":
            head_at = offset
            table[8:12] = b"\0\0\0\0"
        table += b"\0" * (-len(table) % 4)
        computed = sum(struct.unpack(f">{len(table) // 4}I", table)) & 0xFFFFFFFF
        if computed != checksum:
            problem(f"table '{tag}' checksum {checksum:#010x}, computed {computed:#010x}")
        spans.append((offset, offset + length, tag))
    spans.sort()
    for (_, end, tag), (start, _, next_tag) in zip(spans, spans[1:]):
        if start < end:
            problem(f"tables '{tag}' and '{next_tag}' overlap")
    padded = data + b"\0" * (-len(data) % 4)
    total = sum(struct.unpack(f">{len(padded) // 4}I", padded)) & 0xFFFFFFFF
    if head_at is None or total != 0xB1B0AFBA:
        problem(f"whole-file checksum {total:#010x}, not 0xB1B0AFBA (head.checkSumAdjustment wrong)")


def outline(font, glyph_name):
    pen = DecomposingRecordingPen(font.getGlyphSet())
    font.getGlyphSet()[glyph_name].draw(pen)
    return pen.value


def instructions(font, glyph_name):
    glyph = font["glyf"][glyph_name]
    return glyph.program.getBytecode() if hasattr(glyph, "program") else b""


def reached_glyphs(font, roots):
    glyf = font["glyf"]
    seen, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        glyph = glyf[name]
        if glyph.isComposite():
            todo.extend(c.glyphName for c in glyph.components)
    return seen


def check_font(pdf, objects, font_dict, sources, stats):
    base_font = font_dict["/BaseFont"].lstrip("/")
    label = f"{pdf}: {base_font}"
    problems = []

    def problem(message):
        problems.append(f"{label}: {message}")

    descriptor = objects["obj:" + font_dict["/FontDescriptor"]]["value"]
    data = stream_bytes(objects, descriptor["/FontFile2"])
    check_checksums(data, problem)
    font = TTFont(io.BytesIO(data))
    glyph_order = font.getGlyphOrder()
    glyf = font["glyf"]
    num_glyphs = font["maxp"].numGlyphs
    if not (num_glyphs == len(glyph_order) == len(glyf.glyphs) == len(font["hmtx"].metrics)):
        problem(f"maxp.numGlyphs {num_glyphs}, glyf {len(glyf.glyphs)}, hmtx {len(font['hmtx'].metrics)}")
    upem = font["head"].unitsPerEm

    subtables = font["cmap"].tables
    if [(t.platformID, t.platEncID) for t in subtables] != [(3, 0)]:
        problem(f"cmap subtables {[(t.platformID, t.platEncID) for t in subtables]}, not only (3,0)")
    cmap = subtables[0].cmap if subtables else {}
    to_unicode = parse_to_unicode(stream_bytes(objects, font_dict["/ToUnicode"]).decode("latin-1"))
    first, last, widths = font_dict["/FirstChar"], font_dict["/LastChar"], font_dict["/Widths"]
    if len(widths) != last - first + 1:
        problem(f"{len(widths)} /Widths for codes {first}..{last}")

    source = sources.get(base_font.split("+")[-1])
    if sources and source is None:
        problem(f"no --source font is named {base_font.split('+')[-1]}")
    if source is not None:
        for tag in ("fpgm", "prep", "cvt "):
            if tag in source.font and any(instructions(font, g) for g in glyph_order):
                if tag not in font:
                    problem(f"glyphs keep their instructions but '{tag}' is missing")
                elif font.getTableData(tag) != source.font.getTableData(tag):
                    problem(f"'{tag}' differs from the source font's")

    roots = {".notdef"}
    for code in range(first, last + 1):
        text = to_unicode.get(code)
        what = f"code {code}" + (f" ({' '.join(f'U+{ord(c):04X}' for c in text)})" if text else "")
        glyph = cmap.get(0xF000 + code)
        if glyph is None:
            problem(f"{what}: not in the cmap")
            continue
        roots.add(glyph)
        advance = font["hmtx"][glyph][0]
        expected = advance * 1000 // upem
        if code - first < len(widths) and widths[code - first] != expected:
            problem(f"{what}: /Widths {widths[code - first]}, font program {expected} "
                    f"({advance} * 1000 / {upem})")
        blank = text is not None and all(unicodedata.category(c) in ("Zs", "Cc", "Cf") for c in text)
        drawn = outline(font, glyph)
        if not blank and not drawn:
            problem(f"{what}: glyph '{glyph}' has no outlines")
        stats["codes"] += 1
        if source is None or text is None or len(text) != 1:
            continue
        source_glyph = source.cmap.get(ord(text))
        if source_glyph is None:
            continue  # not in the source font: drawn as .notdef
        if font["hmtx"][glyph][0] != source.font["hmtx"][source_glyph][0]:
            problem(f"{what}: advance {font['hmtx'][glyph][0]}, source font "
                    f"{source.font['hmtx'][source_glyph][0]}")
        if drawn != outline(source.font, source_glyph):
            problem(f"{what}: outlines differ from the source glyph '{source_glyph}'")
        if instructions(font, glyph) != instructions(source.font, source_glyph):
            problem(f"{what}: instructions differ from the source glyph '{source_glyph}'")

    extra = set(glyph_order) - reached_glyphs(font, roots)
    if extra:
        problem(f"{len(extra)} glyphs neither mapped nor components: {sorted(extra)[:5]}")
    stats["fonts"] += 1
    stats["glyphs"] += num_glyphs
    stats["hinted"] += all(tag in font for tag in ("fpgm", "prep", "cvt "))
    return problems


class Source:
    def __init__(self, path):
        self.font = TTFont(path)
        self.cmap = self.font.getBestCmap()
        self.name = self.font["name"].getDebugName(6)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", action="append", default=[], help="a font the subsets were cut from")
    parser.add_argument("pdfs", nargs="+")
    args = parser.parse_args()
    sources = {s.name: s for s in map(Source, args.source)}
    stats = {"pdfs": 0, "fonts": 0, "codes": 0, "glyphs": 0, "hinted": 0}
    problems = []
    for pdf in args.pdfs:
        try:
            objects = read_pdf_objects(pdf)
        except (RuntimeError, ValueError, KeyError) as e:
            print(f"{pdf}: cannot read: {e}", file=sys.stderr)
            return 2
        stats["pdfs"] += 1
        for obj in objects.values():
            value = obj.get("value")
            if isinstance(value, dict) and value.get("/Type") == "/Font" and value.get("/Subtype") == "/TrueType":
                try:
                    problems += check_font(pdf, objects, value, sources, stats)
                except Exception as e:  # a font program fontTools cannot read is a finding too
                    problems.append(f"{pdf}: {value.get('/BaseFont', '?')}: cannot read the font program: "
                                    f"{type(e).__name__}: {e}")
    for p in problems:
        print(p)
    print(f"checked {stats['pdfs']} PDFs, {stats['fonts']} fonts ({stats['hinted']} hinted), "
          f"{stats['codes']} codes, {stats['glyphs']} glyphs: {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
