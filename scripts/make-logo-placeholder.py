#!/usr/bin/env python3
"""Writes templates/logo.png: the placeholder a region replaces with its own logo (same name,
PNG or JPEG, any size; docs/templates.md, "Images"). A grey frame around the words
REGIONENS LOGOTYP in 5x7 block letters, opaque (PDF/A-1 has no transparency), 8-bit gray.
Standard library only, so the file can be made again anywhere: scripts/make-logo-placeholder.py [OUT]"""
import struct
import sys
import zlib

GLYPHS = {  # 5 columns x 7 rows
    "R": ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"],
    "E": ["#####", "#....", "#....", "####.", "#....", "#....", "#####"],
    "G": [".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".###."],
    "I": ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "#####"],
    "O": [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."],
    "N": ["#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#", "#...#"],
    "S": [".####", "#....", "#....", ".###.", "....#", "....#", "####."],
    "L": ["#....", "#....", "#....", "#....", "#....", "#....", "#####"],
    "T": ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."],
    "Y": ["#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."],
    "P": ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."],
    " ": ["....."] * 7,
}
WIDTH, HEIGHT, SCALE = 480, 120, 4
TEXT = ["REGIONENS", "LOGOTYP"]
BACK, FRAME, INK = 246, 150, 90


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "templates/logo.png"
    pixels = [[BACK] * WIDTH for _ in range(HEIGHT)]
    for y in range(HEIGHT):
        for x in range(WIDTH):
            if min(x, y, WIDTH - 1 - x, HEIGHT - 1 - y) < 4:
                pixels[y][x] = FRAME
    line_height = 7 * SCALE + 3 * SCALE
    top = (HEIGHT - len(TEXT) * line_height + 3 * SCALE) // 2
    for row, word in enumerate(TEXT):
        width = len(word) * 6 * SCALE - SCALE
        left = (WIDTH - width) // 2
        for i, ch in enumerate(word):
            for gy, bits in enumerate(GLYPHS[ch]):
                for gx, bit in enumerate(bits):
                    if bit != "#":
                        continue
                    for dy in range(SCALE):
                        for dx in range(SCALE):
                            pixels[top + row * line_height + gy * SCALE + dy][left + i * 6 * SCALE + gx * SCALE + dx] = INK
    raw = b"".join(b"\x00" + bytes(r) for r in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 0, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(out, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
