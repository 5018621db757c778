"""The reference data stdok compiles in (reference/delmal.xml, reference/specialties.xml), read
here so that the cohort uses the same delmål codes and specialty names as the binary."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parents[2] / "reference"

_CODE = re.compile(r"([A-Za-z]+)([0-9]+)")


class Reference:
    """Delmål sets in målbeskrivning order, c/STc counts and the specialty names."""

    def __init__(self, directory=REFERENCE_DIR):
        delmal = ET.parse(directory / "delmal.xml").getroot()
        # prefix -> (position, count); count 0: numbered per specialty
        self.sets = {s.get("prefix"): (i, int(s.get("count")))
                     for i, s in enumerate(delmal.iter("set"))}
        self.c_counts = {(c.get("specialty"), c.get("regulation")): int(c.get("count"))
                         for c in delmal.iter("c-count")}
        specialties = ET.parse(directory / "specialties.xml").getroot()
        self.specialties = {s.text.strip() for s in specialties.iter("specialty")}

    def codes(self, prefix):
        """The codes of a fixed set, in order: codes("BT") = ["BT1", ..., "BT18"]."""
        _, count = self.sets[prefix]
        return ["%s%d" % (prefix, n) for n in range(1, count + 1)]

    def is_code(self, code):
        m = _CODE.fullmatch(code)
        if not m or m.group(1) not in self.sets:
            return False
        count = self.sets[m.group(1)][1]
        return 1 <= int(m.group(2)) <= (count or 99)

    def sort_codes(self, codes):
        """`codes` without repeats, in målbeskrivning order (BT, STa, STb, STc, a, b, c)."""
        def key(code):
            m = _CODE.fullmatch(code)
            return (self.sets[m.group(1)][0], int(m.group(2)))
        return sorted(set(codes), key=key)
