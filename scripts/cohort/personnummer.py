"""Personnummer (Skatteverket): ÅÅMMDD or ÅÅÅÅMMDD, a dash, NNN and a Luhn check digit over
the nine digits ÅÅMMDDNNN. A samordningsnummer adds 60 to the day."""

import re


def check_digit(nine):
    total = 0
    for i, ch in enumerate(nine):
        p = int(ch) * (2 if i % 2 == 0 else 1)
        total += p - 9 if p > 9 else p
    return (10 - total % 10) % 10


def personnummer(rng, birth, female, coordination=False, ten_digits=False):
    """A made-up number for someone born on `birth`; the second-last digit is even for women."""
    day = birth.day + (60 if coordination else 0)
    yymmdd = "%02d%02d%02d" % (birth.year % 100, birth.month, day)
    serial = rng.randrange(0, 100)
    sex = rng.choice([0, 2, 4, 6, 8]) if female else rng.choice([1, 3, 5, 7, 9])
    nnn = "%02d%d" % (serial, sex)
    if nnn == "000":
        nnn = "010" if female else "011"
    k = check_digit(yymmdd + nnn)
    if ten_digits:
        return "%s-%s%d" % (yymmdd, nnn, k)
    return "%04d%02d%02d-%s%d" % (birth.year, birth.month, day, nnn, k)


_NUMBER = re.compile(r"\b(\d{6}|\d{8})([-+])\d{4}\b")


def mask(text):
    """`text` with the last four digits of every personnummer starred: 19850312-****."""
    return _NUMBER.sub(r"\1\2****", text)
