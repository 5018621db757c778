#!/usr/bin/env python3
"""Writes a compact sRGB ICC profile, version 2.1 (ICC.1:1998-09, what PDF/A-1 allows), to stdout.

A matrix/TRC display profile with the nine tags a v2 RGB display profile needs: desc, cprt,
wtpt (D65, as v2 sRGB profiles record it), rXYZ/gXYZ/bXYZ (the sRGB primaries of IEC
61966-2-1 adapted from D65 to the D50 PCS with the Bradford transform) and one shared 'curv'
table for rTRC/gTRC/bTRC (the sRGB transfer function sampled at 64 points). About 600 bytes
instead of the 6.9 KiB of /usr/share/color/icc/sRGB.icc. Deterministic: no date beyond a
fixed one, no random ID.

Usage: scripts/make-srgb-icc.py > color/srgb-v2-compact.icc
"""
import struct
import sys

PRIMARIES = {"r": (0.64, 0.33), "g": (0.30, 0.60), "b": (0.15, 0.06)}  # IEC 61966-2-1
D65 = (0.3127, 0.3290)
D50_XYZ = (0.9642, 1.0, 0.8249)  # the ICC PCS illuminant
TRC_POINTS = 64


def xyz(x, y):
    return (x / y, 1.0, (1 - x - y) / y)


def solve3(m, v):  # Cramer's rule, m as rows
    def det(a):
        return (a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]))
    d = det(m)
    out = []
    for col in range(3):
        a = [list(row) for row in m]
        for row in range(3):
            a[row][col] = v[row]
        out.append(det(a) / d)
    return out


def mat_vec(m, v):
    return [sum(m[r][c] * v[c] for c in range(3)) for r in range(3)]


def primaries_d50():
    """Columns of the RGB->XYZ matrix (D65), each adapted to D50 with Bradford."""
    cols = [xyz(*PRIMARIES[c]) for c in "rgb"]
    white = xyz(*D65)
    m = [[cols[c][r] for c in range(3)] for r in range(3)]
    scale = solve3(m, white)
    bradford = [[0.8951, 0.2664, -0.1614], [-0.7502, 1.7135, 0.0367], [0.0389, -0.0685, 1.0296]]
    inverse = [[0.9869929, -0.1470543, 0.1599627], [0.4323053, 0.5183603, 0.0492912],
               [-0.0085287, 0.0400428, 0.9684867]]
    src, dst = mat_vec(bradford, white), mat_vec(bradford, D50_XYZ)
    adapt_cone = [[dst[i] / src[i] if i == j else 0.0 for j in range(3)] for i in range(3)]

    def adapt(v):
        return mat_vec(inverse, mat_vec(adapt_cone, mat_vec(bradford, v)))
    return [adapt([cols[c][r] * scale[c] for r in range(3)]) for c in range(3)], white


def s15f16(v):
    return struct.pack(">i", int(round(v * 65536)))


def xyz_type(v):
    return b"XYZ " + b"\0" * 4 + b"".join(s15f16(c) for c in v)


def desc_type(text):  # textDescriptionType: ASCII, no Unicode, no ScriptCode
    ascii_ = text.encode("ascii") + b"\0"
    return (b"desc" + b"\0" * 4 + struct.pack(">I", len(ascii_)) + ascii_ + struct.pack(">II", 0, 0)
            + struct.pack(">HB", 0, 0) + b"\0" * 67)


def text_type(text):
    return b"text" + b"\0" * 4 + text.encode("ascii") + b"\0"


def srgb_decode(v):
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def curv_type():
    values = [int(round(srgb_decode(i / (TRC_POINTS - 1)) * 65535)) for i in range(TRC_POINTS)]
    return b"curv" + b"\0" * 4 + struct.pack(">I", len(values)) + struct.pack(">%dH" % len(values), *values)


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


def profile():
    (r, g, b), white = primaries_d50()
    trc = curv_type()
    tags = [  # (signature, data); equal data is stored once
        (b"desc", desc_type("sRGB IEC61966-2.1 (compact)")),
        (b"cprt", text_type("No copyright, use freely")),
        (b"wtpt", xyz_type(white)),
        (b"rXYZ", xyz_type(r)), (b"gXYZ", xyz_type(g)), (b"bXYZ", xyz_type(b)),
        (b"rTRC", trc), (b"gTRC", trc), (b"bTRC", trc),
    ]
    table_end = 128 + 4 + 12 * len(tags)
    body, offsets, entries = b"", {}, b""
    for sig, data in tags:
        if data not in offsets:
            offsets[data] = table_end + len(body)
            body += pad4(data)
        entries += sig + struct.pack(">II", offsets[data], len(data))
    size = table_end + len(body)
    header = (struct.pack(">I", size) + b"\0" * 4 + struct.pack(">I", 0x02100000) + b"mntr" + b"RGB " + b"XYZ "
              + struct.pack(">6H", 2026, 1, 1, 0, 0, 0) + b"acsp" + b"\0" * 4 + b"\0" * 4 + b"\0" * 8
              + b"\0" * 8 + struct.pack(">I", 0) + b"".join(s15f16(c) for c in D50_XYZ) + b"\0" * 4)
    header += b"\0" * (128 - len(header))
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + entries + body


if __name__ == "__main__":
    sys.stdout.buffer.write(profile())
