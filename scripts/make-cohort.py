#!/usr/bin/python3
"""Writes a records file (docs/records.md) with a cohort of fictional BT/ST trainees.

    scripts/make-cohort.py --count N --seed S [--region vasternorrland] [--as-of ÅÅÅÅ-MM-DD] > file.xml

The same arguments always give the same bytes. Standard library only (Debian's python3).

What the cohort holds, so that every document and rule has something to work on:
- about 45 % of the trainees have names with letters beyond Latin-1 (Polish, Romanian,
  Vietnamese, Serbian/Croatian, Turkish, Czech, Slovak, Hungarian, Baltic, Greek in ISO 843
  transliteration); the rest have Swedish names with å, ä or ö;
- valid personnummer (Luhn check digit), a few samordningsnummer (day + 60) and a few written
  with 10 digits;
- a mix of specialties (about 30 % allmänmedicin), BT-only programmes, BT+ST, ST after a
  separate BT, and a few SOSFS 2015:8 trainees (Swedish AT, ST begun before 2021-07-01);
- 2-6 placements each, side placements with their contract (signed before they start), courses
  done and planned, assessments, absences, credits, a few handlingsplaner, contract terms;
- supervisors, heads of units and studierektorer defined once as <person> and referenced by id,
  and two studierektorskontrakt.
Dates are plausible as of --as-of (default 2026-11-22): what lies after it is planned.
"""

import argparse
import datetime
import math
import random
import sys
import unicodedata

# --------------------------------------------------------------------------------------------
# Dates

D = datetime.date


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    last = [31, 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28, 31, 30, 31, 30,
            31, 31, 30, 31, 30, 31][m - 1]
    return D(y, m, min(d.day, last))


def add_days(d, n):
    return d + datetime.timedelta(days=n)


def first_weekday(year, month):
    d = D(year, month, 1)
    while d.weekday() >= 5:
        d = add_days(d, 1)
    return d


def month_index(d):
    return d.year * 12 + d.month - 1


def iso(d):
    return d.isoformat()


# --------------------------------------------------------------------------------------------
# Personnummer (Skatteverket): YYMMDD + NNN + Luhn check digit over the nine digits.

def check_digit(nine):
    total = 0
    for i, ch in enumerate(nine):
        p = int(ch) * (2 if i % 2 == 0 else 1)
        total += p - 9 if p > 9 else p
    return (10 - total % 10) % 10


def personnummer(rng, birth, female, coordination=False, ten_digits=False):
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


# --------------------------------------------------------------------------------------------
# Names. (given, female) pairs and family names per origin; country of the medical degree.

SWEDISH_GIVEN = [
    ("Åsa", 1), ("Märta", 1), ("Björn", 0), ("Jöns", 0), ("Sölve", 0), ("Göran", 0),
    ("Mårten", 0), ("Håkan", 0), ("Örjan", 0), ("Måns", 0), ("Agnetha", 1), ("Anna", 1),
    ("Karin", 1), ("Sara", 1), ("Elin", 1), ("Ida", 1), ("Maja", 1), ("Linnéa", 1),
    ("Malin", 1), ("Emma", 1), ("Erik", 0), ("Lars", 0), ("Johan", 0), ("Anders", 0),
    ("Oskar", 0), ("Jonas", 0), ("Viktor", 0), ("Ebba", 1), ("Sofia", 1), ("Ingrid", 1),
    ("Gunnar", 0), ("Tove", 1), ("Pär", 0), ("Stig", 0), ("Ylva", 1), ("Hjördis", 1),
]
SWEDISH_FAMILY_AAO = [
    "Öberg", "Åström", "Sjöberg", "Bäckström", "Håkansson", "Näslund", "Söderberg", "Östlund",
    "Löfgren", "Hägglund", "Strömberg", "Nyström", "Lindström", "Engström", "Sjögren",
    "Jönsson", "Göransson", "Holmström", "Forsström", "Ekström", "Åberg", "Hedström",
    "Wästlund", "Sundström", "Bergström", "Källström", "Fröberg", "Åkesson", "Nordström",
    "Öhman", "Sjödin", "Byström", "Öström", "Näsström", "Dahlström", "Mårtensson",
]
SWEDISH_FAMILY = SWEDISH_FAMILY_AAO + [
    "Lindqvist", "Nilsson", "Eriksson", "Johansson", "Larsson", "Persson", "Andersson",
    "Edlund", "Lundmark", "Wiklund", "Forsberg", "Nordin", "Strand", "Lundgren", "Wallin",
]

# Origins whose names go beyond Latin-1: given names (name, female), family names, and for
# families with masculine/feminine forms, a function giving the feminine form.
FOREIGN = {
    "Polen": (
        [("Łukasz", 0), ("Paweł", 0), ("Michał", 0), ("Wojciech", 0), ("Grzegorz", 0),
         ("Małgorzata", 1), ("Agnieszka", 1), ("Ewa", 1), ("Bożena", 1), ("Jolanta", 1)],
        ["Żółkiewski", "Wiśniewski", "Kowalczyk", "Dąbrowski", "Łukaszewski", "Woźniak",
         "Zieliński", "Szczęsny", "Nowak", "Kaźmierczak"],
        lambda f: f[:-1] + "a" if f.endswith(("ski", "cki")) else f[:-2] + "na" if f.endswith("ny") else f,
    ),
    "Rumänien": (
        [("Ștefan", 0), ("Mihai", 0), ("Răzvan", 0), ("Andrei", 0), ("Ioana", 1),
         ("Mădălina", 1), ("Elena", 1), ("Cătălina", 1)],
        ["Bălan", "Popescu", "Țurcanu", "Stănescu", "Dumitrașcu", "Mureșan", "Ionescu",
         "Constantinescu"],
        None,
    ),
    "Vietnam": (
        [("Thị Hồng", 1), ("Văn Đức", 0), ("Minh Tuấn", 0), ("Thị Lan", 1), ("Quốc Bảo", 0),
         ("Thu Hà", 1)],
        ["Nguyễn", "Trần", "Lê", "Phạm", "Đặng", "Võ"],
        None,
    ),
    "Serbien": (
        [("Đorđe", 0), ("Miloš", 0), ("Nikola", 0), ("Jelena", 1), ("Dragana", 1),
         ("Milica", 1)],
        ["Đorđević", "Petrović", "Jovanović", "Marković", "Nikolić", "Stojanović"],
        None,
    ),
    "Kroatien": (
        [("Ivan", 0), ("Luka", 0), ("Matej", 0), ("Ana", 1), ("Mirela", 1), ("Marija", 1)],
        ["Kovačević", "Horvat", "Babić", "Marić", "Jurić", "Šarić"],
        None,
    ),
    "Turkiet": (
        [("Çağrı", 0), ("Uğur", 0), ("Doğan", 0), ("Mehmet", 0), ("Ayşe", 1), ("Gülşen", 1),
         ("Şule", 1)],
        ["Yılmaz", "Şahin", "Öztürk", "Aydın", "Kılıç", "Doğru", "Çelik"],
        None,
    ),
    "Tjeckien": (
        [("Jiří", 0), ("Tomáš", 0), ("Ondřej", 0), ("Lucie", 1), ("Kateřina", 1),
         ("Markéta", 1)],
        ["Dvořák", "Novák", "Černý", "Procházka", "Kučera", "Růžička"],
        lambda f: f[:-1] + "á" if f.endswith("ý") else f[:-1] + "ová" if f.endswith("a") else f + "ová",
    ),
    "Slovakien": (
        [("Ľubomír", 0), ("Ľudovít", 0), ("Zuzana", 1), ("Ľubica", 1)],
        ["Kováč", "Horváth", "Baláž", "Šimko"],
        lambda f: f[:-1] + "ová" if f.endswith("o") else f + "ová",
    ),
    "Ungern": (
        [("Gergő", 0), ("Ődön", 0), ("Réka", 1), ("Eszter", 1)],
        ["Szőke", "Kőváry", "Nagy", "Tóth", "Fűzfa"],
        None,
    ),
    "Litauen": (
        [("Rūta", 1), ("Jonas", 0), ("Mindaugas", 0), ("Eglė", 1)],
        ["Žukauskas", "Kazlauskas", "Petraitis", "Šimkus"],
        lambda f: f[:-2] + "ienė" if f.endswith(("as", "is", "us")) else f,
    ),
    "Lettland": (
        [("Jānis", 0), ("Kārlis", 0), ("Līga", 1), ("Ilze", 1)],
        ["Bērziņš", "Kalniņš", "Ozoliņš", "Liepiņš"],
        lambda f: f[:-1] + "a" if f.endswith("š") else f,
    ),
    "Grekland": (
        [("Geṓrgios", 0), ("Dīmī́trios", 0), ("Eléni", 1), ("Aikateríni", 1),
         ("Kōnstantínos", 0)],
        ["Papadópoulos", "Nikolópoulos", "Georgíou", "Papadīmītríou", "Kōnstantínou"],
        lambda f: {"Papadópoulos": "Papadopoúlou", "Nikolópoulos": "Nikolopoúlou"}.get(f, f),
    ),
}
FOREIGN_WEIGHTS = [("Polen", 18), ("Rumänien", 12), ("Vietnam", 8), ("Serbien", 8),
                   ("Kroatien", 7), ("Turkiet", 9), ("Tjeckien", 8), ("Slovakien", 4),
                   ("Ungern", 5), ("Litauen", 6), ("Lettland", 5), ("Grekland", 6)]


def beyond_latin1(text):
    return any(ord(ch) > 0xFF for ch in text)


def weighted(rng, pairs):
    total = sum(w for _, w in pairs)
    x = rng.uniform(0, total)
    for value, w in pairs:
        x -= w
        if x <= 0:
            return value
    return pairs[-1][0]


def foreign_name(rng):
    country = weighted(rng, FOREIGN_WEIGHTS)
    givens, families, feminine = FOREIGN[country]
    for _ in range(50):
        given, female = rng.choice(givens)
        family = rng.choice(families)
        if female and feminine:
            family = feminine(family)
        if beyond_latin1(given + family):
            return given, family, bool(female), country
    return given, family, bool(female), country


def swedish_name(rng):
    given, female = rng.choice(SWEDISH_GIVEN)
    family = rng.choice(SWEDISH_FAMILY if any(c in given for c in "åäöÅÄÖ") else SWEDISH_FAMILY_AAO)
    return given, family, bool(female)


TRANSLIT = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss", "ø": "o", "æ": "ae"}


def ascii_slug(text):
    text = "".join(TRANSLIT.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    out = []
    for c in text.lower():
        out.append(c if c.isascii() and c.isalnum() else "-")
    return "-".join(p for p in "".join(out).split("-") if p)


# --------------------------------------------------------------------------------------------
# Regions: hospitals (the first is the largest), health centres, and a university hospital
# outside the region for side placements.

REGIONS = {
    "vasternorrland": dict(
        refresh=10,  # years before supervisor training is due for a refresh (profile)
        name="Region Västernorrland", issuing="ST-enheten, Region Västernorrland", domain="rvn.se",
        hospitals=[("sundsvall", "Sundsvalls sjukhus", "Sundsvall", "856 43"),
                   ("ornskoldsvik", "Örnsköldsviks sjukhus", "Örnsköldsvik", "891 89"),
                   ("solleftea", "Sollefteå sjukhus", "Sollefteå", "881 83")],
        centres=[("skonsberg", "Skönsbergs hälsocentral", "Sundsvall"),
                 ("granloholm", "Granloholms hälsocentral", "Sundsvall"),
                 ("matfors", "Matfors hälsocentral", "Matfors"),
                 ("timra", "Timrå hälsocentral", "Timrå"),
                 ("harnosand", "Härnösands hälsocentral", "Härnösand"),
                 ("kramfors", "Kramfors hälsocentral", "Kramfors"),
                 ("gullanget", "Gullängets hälsocentral", "Örnsköldsvik"),
                 ("ange", "Ånge hälsocentral", "Ånge"),
                 ("bjasta", "Bjästa hälsocentral", "Bjästa")],
        centre_word="hälsocentral",
        external=("nus", "Norrlands universitetssjukhus", "Umeå"),
        primary_care="Primärvården, Region Västernorrland"),
    "ostergotland": dict(
        refresh=5,  # years before supervisor training is due for a refresh (profile)
        name="Region Östergötland", issuing="Region Östergötland", domain="regionostergotland.se",
        hospitals=[("us", "Universitetssjukhuset i Linköping", "Linköping", "581 85"),
                   ("vrinnevi", "Vrinnevisjukhuset", "Norrköping", "601 82"),
                   ("motala", "Lasarettet i Motala", "Motala", "591 85")],
        centres=[("ekholmen", "Vårdcentralen Ekholmen", "Linköping"),
                 ("kungsgatan", "Vårdcentralen Kungsgatan", "Norrköping"),
                 ("aby", "Vårdcentralen Åby", "Åby"),
                 ("mjolby", "Vårdcentralen Mjölby", "Mjölby"),
                 ("vadstena", "Vårdcentralen Vadstena", "Vadstena"),
                 ("finspang", "Vårdcentralen Finspång", "Finspång"),
                 ("soderkoping", "Vårdcentralen Söderköping", "Söderköping")],
        centre_word="vårdcentral",
        external=("karolinska", "Karolinska Universitetssjukhuset", "Stockholm"),
        primary_care="Primärvården, Region Östergötland"),
    "jonkoping": dict(
        refresh=10,  # years before supervisor training is due for a refresh (profile)
        name="Region Jönköpings län", issuing="Region Jönköpings län", domain="rjl.se",
        hospitals=[("ryhov", "Länssjukhuset Ryhov", "Jönköping", "551 85"),
                   ("hoglandet", "Höglandssjukhuset", "Eksjö", "575 81"),
                   ("varnamo", "Värnamo sjukhus", "Värnamo", "331 85")],
        centres=[("tenhult", "Vårdcentralen Bra Liv Tenhult", "Tenhult"),
                 ("huskvarna", "Vårdcentralen Bra Liv Huskvarna", "Huskvarna"),
                 ("nassjo", "Vårdcentralen Bra Liv Nässjö", "Nässjö"),
                 ("gislaved", "Vårdcentralen Bra Liv Gislaved", "Gislaved"),
                 ("vetlanda", "Vårdcentralen Bra Liv Vetlanda", "Vetlanda"),
                 ("granna", "Vårdcentralen Bra Liv Gränna", "Gränna")],
        centre_word="vårdcentral",
        external=("us-linkoping", "Universitetssjukhuset i Linköping", "Linköping"),
        primary_care="Region Jönköpings län, Primärvården"),
    "orebro": dict(
        refresh=10,  # years before supervisor training is due for a refresh (profile)
        name="Region Örebro län", issuing="Region Örebro län", domain="regionorebrolan.se",
        hospitals=[("uso", "Universitetssjukhuset Örebro", "Örebro", "701 85"),
                   ("karlskoga", "Karlskoga lasarett", "Karlskoga", "691 81"),
                   ("lindesberg", "Lindesbergs lasarett", "Lindesberg", "711 82")],
        centres=[("tybble", "Vårdcentralen Tybble", "Örebro"),
                 ("varberga", "Vårdcentralen Varberga", "Örebro"),
                 ("kumla", "Vårdcentralen Kumla", "Kumla"),
                 ("hallsberg", "Vårdcentralen Hallsberg", "Hallsberg"),
                 ("nora", "Vårdcentralen Nora", "Nora"),
                 ("askersund", "Vårdcentralen Askersund", "Askersund")],
        centre_word="vårdcentral",
        external=("akademiska", "Akademiska sjukhuset", "Uppsala"),
        primary_care="Region Örebro län, Primärvården"),
}

# Specialty: (clinic name, unit kind, hospitals that have it: "all" or a count from the
# largest, weight in the cohort, highest STc/c code to use, related specialties for side
# placements; names prefixed "ext:" are clinics at the external university hospital).
SPECIALTIES = {
    "Allmänmedicin": (None, "primärvård", 0, 30, 12,
                      ["Internmedicin", "Barn- och ungdomsmedicin", "Obstetrik och gynekologi",
                       "Psykiatri", "Geriatrik", "Öron-, näs- och halssjukdomar",
                       "Hud- och könssjukdomar", "Ögonsjukdomar"]),
    "Internmedicin": ("Medicinkliniken", "sluten vård", 3, 10, 12,
                      ["Kardiologi", "Infektionssjukdomar", "Geriatrik", "Neurologi",
                       "ext:Njurmedicin", "ext:Hematologi"]),
    "Kardiologi": ("Hjärt- & kärlcentrum", "sluten vård", 1, 3, 10,
                   ["Internmedicin", "Anestesi och intensivvård", "ext:Thoraxkirurgi"]),
    "Psykiatri": ("Psykiatriska kliniken", "psykiatri", 2, 8, 12,
                  ["Barn- och ungdomspsykiatri", "Geriatrik", "Neurologi"]),
    "Kirurgi": ("Kirurgkliniken", "sluten vård", 3, 6, 12,
                ["Urologi", "Anestesi och intensivvård", "Ortopedi", "ext:Thoraxkirurgi"]),
    "Ortopedi": ("Ortopedkliniken", "sluten vård", 3, 5, 10,
                 ["Kirurgi", "Anestesi och intensivvård", "Radiologi", "ext:Handkirurgi"]),
    "Anestesi och intensivvård": ("Anestesi- och intensivvårdskliniken", "sluten vård", 3, 6, 10,
                                  ["Internmedicin", "Kirurgi", "Barn- och ungdomsmedicin",
                                   "ext:Thoraxkirurgi"]),
    "Barn- och ungdomsmedicin": ("Barn- och ungdomskliniken", "sluten vård", 2, 5, 12,
                                 ["Barn- och ungdomspsykiatri", "Allmänmedicin"]),
    "Obstetrik och gynekologi": ("Kvinnokliniken", "sluten vård", 2, 5, 10,
                                 ["Kirurgi", "Urologi", "Onkologi"]),
    "Radiologi": ("Röntgenkliniken", "sluten vård", 3, 3, 10, ["Kirurgi", "ext:Neurokirurgi"]),
    "Geriatrik": ("Geriatriska kliniken", "sluten vård", 1, 3, 10,
                  ["Internmedicin", "Neurologi", "Psykiatri"]),
    "Akutsjukvård": ("Akutmottagningen", "akut sjukvård", 3, 4, 10,
                     ["Anestesi och intensivvård", "Internmedicin", "Ortopedi",
                      "Barn- och ungdomsmedicin"]),
    "Onkologi": ("Onkologiska kliniken", "sluten vård", 1, 2, 10,
                 ["Internmedicin", "ext:Hematologi"]),
    "Infektionssjukdomar": ("Infektionskliniken", "sluten vård", 1, 2, 10, ["Internmedicin"]),
    "Neurologi": ("Neurologiska kliniken", "sluten vård", 1, 2, 10,
                  ["Internmedicin", "Psykiatri", "ext:Neurokirurgi"]),
    "Öron-, näs- och halssjukdomar": ("Öron-, näs- och halskliniken", "sluten vård", 1, 2, 10,
                                      ["Kirurgi", "Anestesi och intensivvård"]),
    "Ögonsjukdomar": ("Ögonkliniken", "sluten vård", 1, 1, 10, ["Neurologi", "Internmedicin"]),
    "Barn- och ungdomspsykiatri": ("Barn- och ungdomspsykiatriska kliniken", "psykiatri", 1, 2, 10,
                                   ["Psykiatri", "Barn- och ungdomsmedicin"]),
    "Urologi": ("Urologiska kliniken", "sluten vård", 1, 1, 10, ["Kirurgi", "Onkologi"]),
    "Hud- och könssjukdomar": ("Hudkliniken", "sluten vård", 1, 1, 10,
                               ["Infektionssjukdomar", "Internmedicin"]),
}
# Short unit ids per specialty (the unit id is "<short>-<hospital>").
SHORT = {"Internmedicin": "med", "Kardiologi": "hjk", "Psykiatri": "psyk", "Kirurgi": "kir",
         "Ortopedi": "ort", "Anestesi och intensivvård": "anestesi", "Barn- och ungdomsmedicin": "barn",
         "Obstetrik och gynekologi": "kvinno", "Radiologi": "rtg", "Geriatrik": "geriatrik",
         "Akutsjukvård": "akm", "Onkologi": "onk", "Infektionssjukdomar": "inf", "Neurologi": "neuro",
         "Öron-, näs- och halssjukdomar": "onh", "Ögonsjukdomar": "ogon",
         "Barn- och ungdomspsykiatri": "bup", "Urologi": "uro", "Hud- och könssjukdomar": "hud",
         "Njurmedicin": "njur", "Hematologi": "hem", "Thoraxkirurgi": "thorax",
         "Neurokirurgi": "nkir", "Handkirurgi": "hand"}
EXTERNAL_CLINICS = {"Njurmedicin": "Njurmedicin", "Hematologi": "Hematologiska kliniken",
                    "Thoraxkirurgi": "Thoraxkirurgiska kliniken",
                    "Neurokirurgi": "Neurokirurgiska kliniken", "Handkirurgi": "Handkirurgiska kliniken"}

STREETS = ["Storgatan", "Kyrkogatan", "Nygatan", "Skolgatan", "Trädgårdsgatan", "Västra vägen",
           "Björkvägen", "Ängsvägen", "Sjögatan", "Långgatan", "Köpmangatan", "Tallvägen"]


# --------------------------------------------------------------------------------------------
# XML output

def esc(text):
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def element(name, attrs, indent, text=None, children=None):
    """One element as lines: attributes in the given order, None values left out."""
    parts = ["%s=\"%s\"" % (k, esc(str(v))) for k, v in attrs if v is not None and v != ""]
    head = " " * indent + "<" + name + (" " + " ".join(parts) if parts else "")
    if text is None and not children:
        return [head + "/>"]
    if children:
        return [head + ">"] + children + [" " * indent + "</" + name + ">"]
    return [head + ">" + esc(text) + "</" + name + ">"]


def num(x):
    return ("%d" % x) if float(x).is_integer() else ("%g" % x)


# --------------------------------------------------------------------------------------------
# Units and people

class Person:
    __slots__ = ("id", "given", "family", "title", "specialty", "unit", "workplace", "email",
                 "phone", "pn", "training")


class World:
    def __init__(self, rng, region_id, count, today):
        self.rng = rng
        self.region_id = region_id
        self.region = REGIONS[region_id]
        self.today = today
        self.units = []            # (id, name, kind, town, address)
        self.unit_town = {}
        self.unit_kind = {}
        self.people = []
        self.person_ids = set()
        self.names = set()
        self.phone_counter = 5
        # unit id -> list of specialist person ids; unit id -> verksamhetschef id
        self.specialists = {}
        self.head = {}
        self.clinic = {}           # (specialty, hospital index) -> unit id
        self.external = {}         # specialty -> unit id
        self.centres = []          # unit ids
        self.akut = []             # unit id per hospital
        self.per_unit = 2 + count // 250
        self.build_units()
        self.build_people()

    def add_unit(self, uid, name, kind, town, address=None):
        self.units.append((uid, name, kind, town, address))
        self.unit_town[uid] = town
        self.unit_kind[uid] = kind
        return uid

    def build_units(self):
        r = self.region
        for hi, (hid, hname, town, postcode) in enumerate(r["hospitals"]):
            for spec, (clinic, kind, reach, _, _, _) in SPECIALTIES.items():
                if clinic is None or hi >= (reach if reach else 0):
                    continue
                uid = self.unique_unit_id("%s-%s" % (SHORT[spec], hid))
                addr = None
                if hi == 0 and spec == "Internmedicin":
                    addr = "%s, %s %s" % ("Sjukhusvägen 1", postcode, town)
                self.add_unit(uid, "%s, %s" % (clinic, hname), kind, town, addr)
                self.clinic[(spec, hi)] = uid
                if spec == "Akutsjukvård":
                    self.akut.append(uid)
        ext_id, ext_name, ext_town = r["external"]
        for spec, clinic in EXTERNAL_CLINICS.items():
            uid = self.unique_unit_id("%s-%s" % (SHORT[spec], ext_id))
            self.add_unit(uid, "%s, %s" % (clinic, ext_name), "sluten vård", ext_town)
            self.external[spec] = uid
        for cid, cname, town in r["centres"]:
            uid = self.add_unit("vc-" + cid, cname, "primärvård", town)
            self.centres.append(uid)
        self.education_unit = self.add_unit(
            "utbildningsenheten", "Enheten för läkares utbildning och fortbildning", "utbildning",
            r["hospitals"][0][2])

    def unique_unit_id(self, uid):
        known = {u[0] for u in self.units}
        base, n = uid, 2
        while uid in known:
            uid = "%s-%d" % (base, n)
            n += 1
        return uid

    def phone(self):
        self.phone_counter = 5 + (self.phone_counter - 4) % 95
        return "070-174 06 %02d" % self.phone_counter

    def new_person(self, title, specialty=None, unit=None, workplace=None, signer=False,
                   supervisor=False, foreign_share=0.2):
        rng = self.rng
        if rng.random() < foreign_share:
            given, family, female, _ = foreign_name(rng)
        else:
            given, family, female = swedish_name(rng)
            if rng.random() < 0.5:
                family = rng.choice(SWEDISH_FAMILY)
        for _ in range(20):
            if (given, family) not in self.names:
                break
            given, family, female = swedish_name(rng)
            family = rng.choice(SWEDISH_FAMILY)
        self.names.add((given, family))
        p = Person()
        base = ascii_slug(given + " " + family)
        pid, n = base, 2
        while pid in self.person_ids:
            pid = "%s-%d" % (base, n)
            n += 1
        self.person_ids.add(pid)
        p.id, p.given, p.family, p.title = pid, given, family, title
        p.specialty, p.unit, p.workplace = specialty, unit, workplace
        p.email = "%s@%s" % (ascii_slug(given + " " + family).replace("-", "."), self.region["domain"])
        p.phone = self.phone()
        p.pn = None
        if signer:
            birth = D(rng.randint(1962, 1986), rng.randint(1, 12), rng.randint(1, 28))
            p.pn = personnummer(rng, birth, female)
        p.training = None
        if supervisor:
            x = rng.random()
            if x < 0.02:
                p.training = None                                   # not recorded
            elif x < 0.05:
                p.training = rng.randint(2008, self.today.year - self.region["refresh"] - 1)  # due for a refresh
            else:
                p.training = rng.randint(self.today.year - self.region["refresh"] + 1, self.today.year - 1)
        self.people.append(p)
        return pid

    def build_people(self):
        r = self.region
        for (uid, name, kind, town, _) in self.units:
            if uid == self.education_unit:
                continue
            spec = None
            if uid in self.centres:
                spec = "Allmänmedicin"
            else:
                for (s, _hi), u in self.clinic.items():
                    if u == uid:
                        spec = s
                for s, u in self.external.items():
                    if u == uid:
                        spec = s
            self.head[uid] = self.new_person("Verksamhetschef",
                                             spec if self.rng.random() < 0.6 else None, uid)
            n = self.per_unit if uid not in self.external.values() else 2
            title = "Distriktsläkare" if uid in self.centres else None
            self.specialists[uid] = [
                self.new_person(title or self.rng.choice(["Överläkare", "Överläkare", "Specialistläkare"]),
                                spec, uid, signer=True, supervisor=True)
                for _ in range(n)]
        main_med = self.clinic[("Internmedicin", 0)]
        self.overall_director = self.new_person(
            "Övergripande studierektor", "Internmedicin", None,
            workplace="Hälso- och sjukvårdsförvaltningen, " + r["name"], supervisor=True)
        self.hospital_director = []
        for hi, (hid, hname, town, _) in enumerate(r["hospitals"]):
            med = self.clinic[("Internmedicin", hi)]
            self.hospital_director.append(self.new_person(
                "ST-studierektor, " + hname, "Internmedicin", med, supervisor=True))
        self.am_director = self.new_person("Studierektor för ST i allmänmedicin", "Allmänmedicin",
                                           None, workplace=r["primary_care"], supervisor=True)
        self.bt_director = self.new_person("BT-studierektor", "Allmänmedicin", self.education_unit,
                                           supervisor=True)
        self.bt_manager = self.new_person("BT-chef", None, self.education_unit)
        self.primary_care_head = self.new_person("Primärvårdschef", None, None,
                                                 workplace=r["primary_care"])
        self.main_med = main_med

    def unit_lines(self):
        lines = []
        for (uid, name, kind, town, addr) in self.units:
            lines += element("unit", [("id", uid), ("name", name), ("kind", kind), ("town", town),
                                      ("address", addr)], 2)
        return lines

    def person_lines(self):
        lines = []
        for p in self.people:
            lines += element("person", [
                ("id", p.id), ("given-name", p.given), ("family-name", p.family),
                ("title", p.title), ("specialty", p.specialty), ("unit", p.unit),
                ("workplace", p.workplace), ("email", p.email), ("phone", p.phone),
                ("personnummer", p.pn),
                ("supervisor-training", p.training)], 2)
        return lines

    def hospital_of(self, uid):
        for (s, hi), u in self.clinic.items():
            if u == uid:
                return hi
        return None


# --------------------------------------------------------------------------------------------
# Course catalogues: (subject, delmål, leader kind)

COURSES_2021 = [
    ("ST-AB: Medarbetarskap, ledarskap och pedagogik", "STa4 STa5 STa6", "overall"),
    ("Grundläggande kurs i forskningsmetodik", "STa3", "FoU"),
    ("Juridik för ST-läkare", "STa1", "region"),
    ("Vårdhygien och smittskydd", "STa7", "region"),
    ("Sjukdomsförebyggande arbete", "STb2", "region"),
    ("Försäkringsmedicin", "STb3", "SKR webbutbildning"),
    ("Palliativ vård i livets slutskede", "STb4", "region"),
    ("Kommunikation med patienter och närstående", "STb1", "supervisor"),
]
COURSES_2015 = [
    ("Ledarskap, medarbetarskap och pedagogik", "a1", "overall"),
    ("Etik, mångfald och jämlikhet", "a2", "region"),
    ("Vårdhygien och smittskydd", "a3", "region"),
    ("Förbättringskunskap", "a4", "region"),
    ("Forskningsmetodik", "a5", "FoU"),
    ("Juridik och hälso- och sjukvårdens organisation", "a6", "region"),
    ("Kommunikation med patienter och närstående", "b1", "supervisor"),
    ("Läkemedel", "b3", "region"),
    ("Försäkringsmedicin", "b4", "SKR webbutbildning"),
    ("Palliativ vård i livets slutskede", "b5", "region"),
]
COURSES_BT = [
    ("Juridik och hälso- och sjukvårdens organisation för BT-läkare", "BT3 BT4", "region"),
    ("Systematiskt kvalitets- och patientsäkerhetsarbete", "BT6", "region"),
    ("Vetenskapligt förhållningssätt i kliniskt arbete", "BT7", "FoU"),
    ("Försäkringsmedicin för BT-läkare", "BT16", "SKR webbutbildning"),
    ("Palliativ vård i livets slutskede", "BT17 BT18", "region"),
]
SPECIALTY_COURSE = {
    "Allmänmedicin": "Allmänmedicinsk diagnostik och handläggning",
    "Internmedicin": "Akut internmedicin", "Kardiologi": "Hjärtsvikt och klaffsjukdom",
    "Psykiatri": "Psykofarmakologi", "Kirurgi": "Akut kirurgi och traumatologi",
    "Ortopedi": "Frakturbehandling", "Anestesi och intensivvård": "Luftvägshantering",
    "Barn- och ungdomsmedicin": "Akut pediatrik", "Obstetrik och gynekologi": "Förlossningsakut",
    "Radiologi": "Datortomografi i akutradiologi", "Geriatrik": "Kognitiv svikt hos äldre",
    "Akutsjukvård": "Avancerad akutsjukvård", "Onkologi": "Strålbehandlingens grunder",
    "Infektionssjukdomar": "Antibiotika och resistens", "Neurologi": "Stroke och TIA",
    "Öron-, näs- och halssjukdomar": "Akut öron-, näs- och halssjukvård",
    "Ögonsjukdomar": "Akuta ögonsjukdomar",
    "Barn- och ungdomspsykiatri": "Neuropsykiatriska utredningar",
    "Urologi": "Endourologi", "Hud- och könssjukdomar": "Dermatoskopi",
}
ASSESSMENTS = ["Mini-CEX", "Mini-CEX", "DOPS", "CBD", "CBD", "360", "Specialistkollegium"]
ABSENCES = [("föräldraledighet", 30), ("sjukfrånvaro", 20), ("tjänstledighet", 10),
            ("semester", 25), ("kompledighet", 15)]
DEV_SUBJECTS = ["Tid till antibiotika vid sepsis", "Läkemedelsgenomgångar för äldre",
                "Remisshantering och väntetider", "Strukturerad överrapportering med SBAR",
                "Uppföljning av fallolyckor på vårdavdelning", "Vårdplaner vid hjärtsvikt",
                "Diabeteskontroller enligt nationella riktlinjer"]
SCI_SUBJECTS = ["Retrospektiv journalstudie av återinläggningar inom 30 dagar",
                "Följsamhet till behandlingsriktlinjer – en registerstudie",
                "Patientupplevd kvalitet efter utskrivning – en enkätstudie",
                "Diagnostisk precision vid akut buksmärta"]

BT_CODES = {
    "primärvård": ["BT9", "BT12", "BT14", "BT16"],
    "akut sjukvård": ["BT1", "BT5", "BT10", "BT13", "BT18"],
    "psykiatri": ["BT2", "BT8"],
    "other": ["BT3", "BT4", "BT6", "BT7", "BT11", "BT15", "BT17"],
}


# --------------------------------------------------------------------------------------------
# Trainees

class TraineeBuilder:
    def __init__(self, world, rng, index, foreign, coordination, ten_digits, nfd, id_width):
        self.w = world
        self.rng = rng
        self.index = index
        self.today = world.today
        self.tid = "T-%0*d" % (id_width, index)
        self.foreign = foreign
        self.coordination = coordination
        self.ten_digits = ten_digits
        self.nfd = nfd
        self.assessor = None
        self.side_ids = set()

    # -- helpers
    def pick(self, seq):
        return self.rng.choice(seq)

    def specialist(self, uid, exclude=()):
        options = [p for p in self.w.specialists[uid] if p not in exclude]
        return self.pick(options or self.w.specialists[uid])

    def clinic_for(self, spec, prefer_hospital=None):
        if spec.startswith("ext:"):
            return self.w.external[spec[4:]]
        if spec == "Allmänmedicin":
            return self.pick(self.w.centres)
        options = [(hi, u) for (s, hi), u in self.w.clinic.items() if s == spec]
        for hi, u in options:
            if hi == prefer_hospital:
                return u
        return self.pick(options)[1]

    # -- the record
    def build(self):
        rng, today = self.rng, self.today
        lines = []
        for _ in range(30):  # no two people in the file with the same name, as far as it goes
            if self.foreign:
                given, family, female, country = foreign_name(rng)
            else:
                given, family, female = swedish_name(rng)
                country = "Sverige" if rng.random() < 0.85 else rng.choice(["Polen", "Danmark", "Ungern", "Lettland"])
            if (given, family) not in self.w.names:
                break
        self.w.names.add((given, family))
        self.given, self.family, self.female = given, family, female

        # Programme category
        cat = weighted(rng, [("BT", 8), ("SOSFS", 12), ("ST", 40), ("BT+ST", 40)])
        if cat == "BT":
            spec = None
        else:
            spec = weighted(rng, [(s, v[3]) for s, v in SPECIALTIES.items()])
        self.spec = spec
        rate = weighted(rng, [(100, 85), (80, 7), (75, 4), (90, 4)])
        self.rate = rate
        # Start months: SOSFS 2015:8 before 2021-07-01; BT within the last 20 months; ST and
        # BT+ST within the last four to five years, HSLF-FS 2021:8 (from 2021-07-01).
        now = month_index(today) - 1
        first = {"SOSFS": month_index(D(2020, 3, 1)), "BT": now - 20,
                 "ST": max(month_index(D(2022, 9, 1)), now - 50),
                 "BT+ST": max(month_index(D(2021, 9, 1)), now - 58)}[cat]
        last = month_index(D(2021, 6, 1)) if cat == "SOSFS" else now
        start = first_weekday(*divmod_month(rng.randint(first, max(first, last))))
        self.start = start
        regulation = "SOSFS 2015:8" if cat == "SOSFS" else "HSLF-FS 2021:8"
        self.regulation = regulation

        # Birth, degree, licence
        degree_age = rng.randint(25, 29)
        if cat == "SOSFS":
            degree = D(start.year - rng.randint(2, 5), rng.choice([1, 6]), rng.choice([12, 15, 20]))
        else:
            degree = D(start.year - rng.randint(2, 7), rng.choice([1, 6, 7]), rng.choice([10, 14, 28]))
        birth = D(degree.year - degree_age, rng.randint(1, 12), rng.randint(1, 28))
        if cat == "SOSFS":
            country = "Sverige"
        # A Swedish degree before the six-year programme means Swedish AT before the licence.
        swedish_at = country == "Sverige"
        pn = personnummer(rng, birth, female, coordination=self.coordination,
                          ten_digits=self.ten_digits)

        # Home unit and roles
        if cat == "BT":
            home = self.pick(self.w.centres)
        else:
            home = self.clinic_for(spec)
        self.home = home
        hospital = self.w.hospital_of(home)
        if hospital is None:
            hospital = 0
        self.hospital = hospital
        main = self.specialist(home)
        roles = [("huvudhandledare", main), ("verksamhetschef", self.w.head[home])]
        if cat == "BT":
            roles.append(("studierektor", self.w.bt_director))
        elif spec == "Allmänmedicin":
            roles.append(("studierektor", self.w.am_director))
        else:
            roles.append(("studierektor", self.w.hospital_director[hospital]))
        self.main = main

        # --- timeline
        placements = []   # dicts: unit, start, end, rate, kind, supervisor, delmal, bt, text
        sides = []
        cursor = start
        bt_units = []
        bt_cert = None
        bt_months = 0.0
        if cat in ("BT", "BT+ST") or (cat == "ST" and rng.random() < 0.75):
            steps = self.bt_steps()
            length = sum(m for _, _, m in steps)
            if cat == "ST":
                # A separate BT before this ST, ending a month or two before it.
                bt_start = first_weekday(*divmod_month(month_index(start) - length - rng.randint(1, 2)))
            else:
                bt_start = start
            bt_places = self.lay_out_bt(steps, bt_start)
            placements += bt_places
            bt_units = [p["unit"] for p in bt_places]
            bt_end = bt_places[-1]["end"]
            bt_months = length * rate / 100
            if cat != "ST":
                cursor = add_days(bt_end, 1)
            if add_days(bt_end, 45) <= today:
                bt_cert = add_days(bt_end, rng.randint(21, 45))
                if cat == "ST" and bt_cert >= start:
                    bt_cert = add_days(start, -rng.randint(3, 14))
        elif cat == "ST":
            bt_cert = add_days(start, -rng.randint(20, 120))

        # The licence comes before the first day of service (the BT when it came first).
        first_day = min([start] + [p["start"] for p in placements])
        if country == "Sverige":
            licence = min(add_months(degree, rng.randint(18, 26)), add_months(first_day, -1))
        else:
            licence = add_months(first_day, -rng.randint(3, 18))
        if licence <= degree:
            licence = add_months(degree, 2)

        credits = 0.0
        doctorate = None
        if cat != "BT" and rng.random() < 0.05:
            doctorate = ("Sverige" if rng.random() < 0.8 else rng.choice(["Polen", "Tyskland"]),
                         add_months(start, -rng.randint(12, 60)))
            if doctorate[0] == "Sverige":
                credits += 6
        prior = None
        if cat != "BT" and rng.random() < 0.08 and add_months(licence, 4) < start:
            p_start = max(licence, add_months(start, -rng.randint(4, 10)))
            p_end = add_days(start, -rng.randint(1, 20))
            if p_start < p_end:
                prior = (p_start, p_end, rng.randint(1, 3))
                credits += prior[2]

        # Absences: decided first so that the programme length can account for them.
        absences = []
        if rng.random() < 0.22:
            for _ in range(1 if rng.random() < 0.8 else 2):
                # Long absences fall after a BT inside ST, so that the BT keeps its length.
                earliest = add_months(start, 2) if cat in ("BT", "ST", "SOSFS") else add_months(cursor, 1)
                latest = (add_days(placements[-1]["end"], -14) if cat == "BT"
                          else max(earliest, min(add_months(today, 2), add_months(start, 54))))
                absences.append(self.absence(earliest, latest, short=(cat == "BT")))
        lost = 0.0
        for kind, a_start, a_end, a_rate in absences:
            if kind in ("föräldraledighet", "sjukfrånvaro", "tjänstledighet"):
                lost += ((a_end - a_start).days + 1) / 30.4 * min(a_rate, rate) / 100

        if cat == "BT":
            end = placements[-1]["end"]
        else:
            required = (60 if regulation == "SOSFS 2015:8" else 66) - credits - bt_months
            remaining = max(12.0, required)
            span = int(math.ceil(remaining * 100 / rate + lost * 1.1)) + 2
            end = add_days(add_months(cursor, span), -1)
            st_places, sides = self.st_plan(cursor, end, hospital, len(placements))
            placements += st_places
        self.end = end

        # BT-only: BT-chef and extern bedömare; BT inside ST: extern bedömare for bilaga 4.
        if cat in ("BT", "BT+ST") or bt_units:
            if cat == "BT":
                roles.append(("bt-chef", self.w.bt_manager))
            used = {p["unit"] for p in placements} | {s["unit"] for s in sides} | {home}
            assessor_units = [u for u in self.w.specialists
                              if u not in used and u not in self.w.external.values()]
            self.assessor = self.specialist(self.pick(assessor_units))
            roles.append(("extern-bedomare", self.assessor))
        if cat != "BT" and rng.random() < 0.3 and len(self.w.specialists[home]) > 1:
            roles.append(("specialist", self.specialist(home, exclude=(main,))))

        # --- write
        given_out, family_out = given, family
        if self.nfd:
            given_out = unicodedata.normalize("NFD", given)
            family_out = unicodedata.normalize("NFD", family)
        lines.append('  <trainee id="%s">' % self.tid)
        if self.nfd:
            lines.append("    <!-- The name is written decomposed (NFD), as some exports do; "
                         "the reader normalizes it to NFC. -->")
        lines += element("name", [("given", given_out), ("family", family_out)], 4)
        lines.append("    <personnummer>%s</personnummer>" % pn)
        town = self.w.unit_town[home]
        lines += element("contact", [
            ("email", "%s@%s" % (ascii_slug(given + " " + family).replace("-", "."), self.w.region["domain"])),
            ("phone", self.w.phone()),
            ("address", "%s %d" % (self.pick(STREETS), rng.randint(1, 60))),
            ("town", town)], 4)
        licence_lines = []
        if country != "Sverige":
            home_licence = self.between(add_months(degree, 1), add_months(licence, -1))
            licence_lines += element("licence", [("country", country), ("date", iso(home_licence))], 6)
        licence_lines += element("licence", [("country", "Sverige"), ("date", iso(licence))], 6)
        lines += element("education", [
            ("swedish-at", "yes" if swedish_at else None), ("degree-country", country),
            ("degree-date", iso(degree)), ("bt-certificate", iso(bt_cert) if bt_cert else None)],
            4, children=licence_lines)
        kind = {"BT": "BT", "SOSFS": "ST", "ST": "ST", "BT+ST": "BT+ST"}[cat]
        stated_end = end if (rng.random() < 0.4 or cat == "BT") else None
        state_regulation = not (cat in ("ST", "BT+ST") and not swedish_at and rng.random() < 0.08)
        lines += element("programme", [
            ("kind", kind), ("specialty", spec), ("bt-start", iso(start) if cat == "BT+ST" else None),
            ("start", iso(start)), ("planned-end", iso(stated_end) if stated_end else None),
            ("rate", num(rate)), ("regulation", regulation if state_regulation else None),
            ("home-unit", home)], 4)
        lines += element("roles", roles, 4)

        for p in placements:
            lines += element("placement", [
                ("unit", p["unit"]), ("start", iso(p["start"])), ("end", iso(p["end"])),
                ("rate", num(p["rate"]) if p["rate"] != 100 else None), ("kind", p["kind"]),
                ("supervisor", p["supervisor"]), ("delmal", " ".join(p["delmal"]) or None),
                ("bt", "yes" if p["bt"] else None)], 4, text=p.get("text"))
        for s in sides:
            lines += self.side_lines(s)

        st_first = max(add_months(start, 3), add_days(cursor, 30))
        st_last = min(today, add_days(end, -7))
        if cat != "BT" and rng.random() < 0.25 and st_first < st_last:
            a_unit = self.clinic_for(self.pick(SPECIALTIES[spec][5]), hospital)
            a_start = self.between(st_first, st_last)
            lines += element("auskultation", [
                ("unit", a_unit), ("start", iso(a_start)), ("end", iso(add_days(a_start, 4))),
                ("supervisor", self.specialist(a_unit, exclude=(self.assessor,))),
                ("delmal", self.c_code(rng.randint(1, SPECIALTIES[spec][4])))], 4,
                text="Auskultation en vecka.")

        for c in self.courses(cat, placements, sides):
            lines += c

        if cat != "BT" and start < add_months(today, -24) and rng.random() < 0.35:
            d_start = self.between(add_months(start, 12), add_months(today, -4))
            d_end = add_months(d_start, rng.randint(2, 6))
            lines += element("development-work", [
                ("subject", self.pick(DEV_SUBJECTS)), ("delmal", "STa2" if regulation != "SOSFS 2015:8" else "a4"),
                ("supervisor", main), ("start", iso(d_start)), ("end", iso(min(d_end, today)))], 4,
                text="Kartläggning, åtgärd och uppföljning; redovisat på arbetsplatsträff.")
        if cat != "BT" and start < add_months(today, -30) and rng.random() < 0.25:
            lines += element("scientific-work", [
                ("subject", self.pick(SCI_SUBJECTS)), ("delmal", "STa3" if regulation != "SOSFS 2015:8" else "a5"),
                ("supervisor", self.specialist(home))], 4, children=(
                    element("activities", [], 6, text="Forskningsplan, datainsamling, analys och skriftlig rapport.")
                    + element("verification", [], 6, text="Granskat av handledaren och presenterat vid FoU-seminarium.")))

        for kind_, a_start, a_end, a_rate in sorted(absences, key=lambda a: a[1]):
            lines += element("absence", [("kind", kind_), ("start", iso(a_start)), ("end", iso(a_end)),
                                         ("rate", num(a_rate) if a_rate != 100 else None)], 4)
        if prior:
            lines += element("prior-service", [
                ("unit-name", self.w.units[rng.randrange(len(self.w.units))][1]),
                ("start", iso(prior[0])), ("end", iso(prior[1])), ("months", prior[2])], 4,
                text="Vikariat som legitimerad läkare under handledning.")
        if doctorate:
            lines += element("doctorate", [("country", doctorate[0]), ("date", iso(doctorate[1]))], 4)

        for g in self.delmal_groups(placements, bt_cert):
            lines += g
        for a in self.assessments(placements):
            lines += a
        if cat != "BT" and start < add_months(today, -10) and rng.random() < 0.1:
            lines += self.action_plan(placements)

        # Contract terms: the ST-kontrakt within six months of the start; the IUP within one
        # month of a BT start or six months of an ST start. Dates after today are not there yet.
        if cat == "BT":
            c_date = add_days(start, rng.randint(5, 25))
            iup = add_days(start, rng.randint(10, 28))
        else:
            c_date = add_days(start, rng.randint(14, 170))
            iup = add_days(start, rng.randint(10, 28) if cat == "BT+ST" else rng.randint(20, 170))
        c_date = c_date if c_date <= today else None
        iup = iup if iup <= today else None
        region_hours = {"vasternorrland": 2, "ostergotland": 4, "jonkoping": 4, "orebro": 4}
        children = []
        if cat != "BT" and rng.random() < 0.5:
            children += element("teaching", [], 6, text=self.pick([
                "Handledning av läkarstudenter under terminerna.",
                "Undervisning av sjuksköterskestudenter och internutbildning på kliniken.",
                "Handledning av BT-läkare och läkarstudenter."]))
        children += element("research", [], 6, text="Ingen forskarutbildning planerad."
                            if not doctorate else "Disputerad; ingen ytterligare forskarutbildning planerad.")
        if rng.random() < 0.3:
            children += element("abroad", [], 6, text="Ingen planerad.")
        if cat != "BT" and rng.random() < 0.5:
            children += element("specialist-exam", [], 6,
                                text="Specialistexamen planeras under sista året av ST.")
        children += element("appraisals", [], 6, text=self.pick([
            "Utvecklingssamtal med verksamhetschefen en gång per år.",
            "Utvecklingssamtal en gång per år; revision av utbildningsprogrammet två gånger per år.",
            "Medarbetarsamtal årligen med närmaste chef och uppföljning med studierektor."]))
        if rng.random() < 0.2:
            children += element("other", [], 6,
                                text="Resor och dubbelt boende vid sidotjänstgöring på annan ort ersätts enligt regionens policy.")
        lines += element("contract", [
            ("date", iso(c_date) if c_date else None), ("place", town if c_date else None),
            ("supervision-hours", "1"),
            ("self-study-hours", str(region_hours.get(self.w.region_id, 2)) if rng.random() < 0.7 else None),
            ("iup-date", iso(iup) if iup else None)], 4, children=children)
        lines.append("  </trainee>")
        return lines

    # -- BT placements: primärvård and akut sjukvård (at least three months each at the
    #    trainee's rate), sometimes psykiatri, the rest (to 12 months) at a hospital clinic.
    def bt_steps(self):
        rng = self.rng
        need = int(math.ceil(3 * 100 / self.rate))
        steps = [("primärvård", self.pick(self.w.centres), need + rng.randint(0, 2)),
                 ("akut sjukvård", self.w.akut[min(self.hospital, len(self.w.akut) - 1)],
                  need + rng.randint(0, 1))]
        if self.w.region_id in ("jonkoping", "orebro") or rng.random() < 0.5:
            steps.append(("psykiatri", self.w.clinic[("Psykiatri", 0)], need))
        rng.shuffle(steps)
        used = sum(m for _, _, m in steps)
        target = int(math.ceil(12 * 100 / self.rate))  # 12 full-time months
        if used < target:
            if self.spec and self.home not in self.w.centres and self.home not in self.w.akut:
                rest = self.home
            else:
                rest = self.w.clinic.get(("Internmedicin", self.hospital), self.w.main_med)
            steps.append(("sluten vård", rest, target - used))
        return steps

    def lay_out_bt(self, steps, bt_start):
        kinds = [k for k, _, _ in steps]
        owner = {"primärvård": kinds.index("primärvård"), "akut sjukvård": kinds.index("akut sjukvård")}
        last = len(steps) - 1
        owner["other"] = kinds.index("sluten vård") if "sluten vård" in kinds else last
        owner["psykiatri"] = kinds.index("psykiatri") if "psykiatri" in kinds else owner["other"]
        codes = [[] for _ in steps]
        for group, index in owner.items():
            codes[index] += BT_CODES[group]
        out = []
        cursor = bt_start
        for i, (kind, unit, months) in enumerate(steps):
            end = add_days(add_months(cursor, months), -1)
            out.append(dict(unit=unit, start=cursor, end=end, rate=self.rate, kind=kind,
                            supervisor=self.specialist(unit), delmal=sort_codes(codes[i]), bt=True,
                            text=None))
            cursor = add_days(end, 1)
        return out

    # -- ST placements and side placements from `cursor` to `end`; `before` placements (BT)
    #    are already there, and the record holds 2-6 placements in all.
    def st_plan(self, cursor, end, hospital, before):
        rng = self.rng
        total = month_index(end) - month_index(cursor) + 1
        related = SPECIALTIES[self.spec][5]
        n_side = 0
        if self.spec == "Allmänmedicin":
            n_side = rng.randint(2, 4)
        elif rng.random() < 0.45:
            n_side = rng.randint(1, 2)
        n_side = min(n_side, len(related), max(0, total // 10))
        lo = max(1, 2 - before)
        hi = max(lo, min(4, 6 - before))
        side_specs = rng.sample(related, n_side)
        side_months = [rng.randint(2, 6) for _ in side_specs]
        place_total = total - sum(side_months)
        n_place = max(1, min(rng.randint(lo, hi), place_total // 4))
        lengths = [3] * n_place
        for _ in range(place_total - 3 * n_place):
            lengths[rng.randrange(n_place)] += 1
        # first a placement at home, then the rest shuffled, ending at home when possible
        seq = [("place", lengths[0])]
        rest = [("place", l) for l in lengths[1:]] + [("side", sm) for sm in zip(side_specs, side_months)]
        rng.shuffle(rest)
        seq += rest
        if seq[-1][0] == "side" and n_place > 1:
            for i in range(len(seq) - 1, 0, -1):
                if seq[i][0] == "place":
                    seq.append(seq.pop(i))
                    break
        places, sides = [], []
        c_max = SPECIALTIES[self.spec][4]
        code_no = 1
        for i, (what, val) in enumerate(seq):
            months = val if what == "place" else val[1]
            p_end = end if i == len(seq) - 1 else add_days(add_months(cursor, months), -1)
            codes = []
            for _ in range(rng.randint(2, 4)):
                codes.append(self.c_code(code_no))
                code_no = code_no % c_max + 1
            if what == "place":
                unit = self.home
                if i > 0 and rng.random() < 0.25 and self.spec != "Allmänmedicin":
                    other = [r for r in related if not r.startswith("ext:")]
                    if other:
                        unit = self.clinic_for(self.pick(other), hospital)
                if unit == self.home:
                    supervisor = self.main if rng.random() < 0.7 else self.specialist(unit)
                else:
                    supervisor = self.specialist(unit)
                places.append(dict(unit=unit, start=cursor, end=p_end, rate=self.rate,
                                   kind=self.w.unit_kind[unit], supervisor=supervisor,
                                   delmal=sort_codes(codes), bt=False, text=None))
            else:
                unit = self.clinic_for(val[0], hospital)
                sides.append(dict(unit=unit, start=cursor, end=p_end, spec=val[0],
                                  delmal=sort_codes(codes[:2])))
            cursor = add_days(p_end, 1)
        return places, sides

    def c_code(self, n):
        return ("c%d" if self.regulation == "SOSFS 2015:8" else "STc%d") % n

    def between(self, a, b):
        if b <= a:
            return a
        return add_days(a, self.rng.randint(0, (b - a).days))

    def absence(self, earliest, latest, short=False):
        rng = self.rng
        kind = weighted(rng, ABSENCES[1:] if short else ABSENCES)
        a_start = self.between(earliest, latest)
        if kind == "föräldraledighet":
            if rng.random() < 0.6:
                a_end, a_rate = add_days(add_months(a_start, rng.randint(4, 11)), -1), 100
            else:
                a_end, a_rate = add_days(add_months(a_start, rng.randint(3, 9)), -1), rng.choice([20, 25, 50])
        elif kind == "sjukfrånvaro":
            a_end, a_rate = add_days(a_start, rng.randint(6, 20 if short else 40)), rng.choice([100, 100, 50])
        elif kind == "tjänstledighet" and not short:
            a_end, a_rate = add_days(add_months(a_start, rng.randint(1, 4)), -1), 100
        elif kind == "semester":
            a_end, a_rate = add_days(a_start, rng.randint(6, 27)), 100
        else:
            a_end, a_rate = add_days(a_start, rng.randint(2, 6)), 100
        return kind, a_start, a_end, a_rate

    def side_lines(self, s):
        rng, today = self.rng, self.today
        unit = s["unit"]
        supervisor = self.specialist(unit)
        contact = self.w.head[unit] if rng.random() < 0.3 else self.specialist(unit)
        contract = add_days(s["start"], -rng.randint(10, 90))
        spec = s["spec"].replace("ext:", "")
        sid = "sido-%s-%d" % (SHORT.get(spec, "vc"), s["start"].year)
        while sid in self.side_ids:
            sid += "b"
        self.side_ids.add(sid)
        children = []
        children += element("reduced-time", [], 6, text=(
            "Heltid." if self.rate == 100 else
            "Arbetar %s %%: ledig %s." % (num(self.rate), self.pick(["fredagar", "måndagar", "varannan fredag"]))))
        subject = s["spec"].replace("ext:", "").lower()
        children += element("expectations", [], 6, text=(
            "Jag vill fördjupa mig i %s: utredning, behandling och uppföljning av de vanligaste "
            "tillstånden, och förstå hur den mottagande kliniken samverkar med min egen." % subject))
        for code in s["delmal"]:
            children += element("plan", [("delmal", code)], 6, text=self.pick([
                "Eget patientansvar på vårdavdelning under handledning.",
                "Mottagning med nybesök och återbesök, handledning efter varje pass.",
                "Medverkan i konsultverksamhet och i klinikens akutverksamhet."]))
        children += element("on-call", [], 6, text=self.pick([
            "Inga jourer på hemkliniken under perioden.",
            "Primärjour på mottagande klinik enligt schema; ingen samtidig jour på hemkliniken."]))
        children += element("seminar-days", [], 6, text="ST-seminarier på hemkliniken enligt terminsplanen.")
        children += element("receiving-duties", [], 6, text="Vårdavdelning och mottagning.")
        if s["end"] < today and rng.random() < 0.7:
            children += element("trainee-evaluation", [], 6, text=self.pick([
                "God handledning och tydlig introduktion; jag lärde mig det jag önskade.",
                "Lärorik placering, men handledningen blev ibland inställd på grund av hög belastning."]))
            children += element("clinic-assessment", [("instruments", self.pick(["Mini-CEX", "Mini-CEX, CBD", "DOPS, CBD"]))], 6,
                                 text="De planerade delmålen är uppnådda.")
            children += element("strengths", [], 6, text=self.pick(["Strukturerad och noggrann.", "Lyhörd i patientmötet.", "Tar ansvar och samarbetar väl."]))
            children += element("improvements", [], 6, text=self.pick(["Prioritering vid hög belastning.", "Tydligare överrapportering.", "Mer självständiga beslut."]))
        return element("side-placement", [
            ("id", sid), ("unit", unit), ("contact", contact), ("supervisor", supervisor),
            ("start", iso(s["start"])), ("end", iso(s["end"])), ("rate", num(self.rate)),
            ("contract-date", iso(contract) if contract <= today else None),
            ("contract-place", self.w.unit_town[self.home] if contract <= today else None),
            ("delmal", " ".join(s["delmal"]))], 4, children=children)

    def courses(self, cat, placements, sides):
        rng, today = self.rng, self.today
        out = []
        if cat == "BT":
            catalogue = COURSES_BT
        elif self.regulation == "SOSFS 2015:8":
            catalogue = COURSES_2015
        else:
            catalogue = COURSES_2021 + ([c for c in COURSES_BT] if cat == "BT+ST" else [])
        chosen = rng.sample(catalogue, min(len(catalogue), rng.randint(0, 4)))
        if cat != "BT" and rng.random() < 0.6:
            chosen.append((SPECIALTY_COURSE[self.spec], self.c_code(rng.randint(1, SPECIALTIES[self.spec][4])), "spec"))
        span_end = self.end
        for subject, codes, leader in chosen:
            is_bt_course = codes.startswith("BT")
            lo = self.start
            hi = add_months(self.start, 11) if is_bt_course else span_end
            c_start = self.between(add_months(lo, 1), hi)
            if c_start > span_end:
                c_start = lo
            c_end = add_days(c_start, rng.choice([0, 1, 2, 4]))
            if c_end > span_end:
                c_end = span_end
            attrs = [("subject", subject), ("delmal", codes)]
            if leader == "overall":
                attrs += [("leader", self.w.overall_director), ("signer", "kursledare")]
            elif leader == "supervisor":
                attrs += [("leader", self.main), ("signer", "handledare")]
            elif leader == "FoU":
                attrs += [("leader-name", "FoU, " + self.w.region["name"])]
            elif leader == "region":
                attrs += [("leader-name", self.w.region["name"] + ", ST-utbildning")]
            elif leader == "spec":
                attrs += [("leader-name", "Kursledningen, " + subject)]
            else:
                attrs += [("leader-name", leader)]
            attrs += [("start", iso(c_start)), ("end", iso(c_end)),
                      ("status", "done" if c_end < today else "planned")]
            out.append(element("course", attrs, 4))
        return out

    def delmal_groups(self, placements, bt_cert):
        out = []
        today = self.today
        if bt_cert:
            for p in placements:
                if not p["bt"] or not p["delmal"]:
                    continue
                date = add_days(p["end"], -self.rng.randint(1, 5))
                out.append(element("delmal-certificate", [
                    ("codes", " ".join(p["delmal"])), ("signer", p["supervisor"]), ("date", iso(date))], 4,
                    children=element("activities", [], 6, text="Klinisk tjänstgöring under handledning %s – %s." % (iso(p["start"]), iso(p["end"])))
                    + element("verification", [], 6, text="Mini-CEX, CBD och handledarsamtal.")))
        for p in placements:
            if p["bt"] or p["end"] >= today or self.rng.random() < 0.6 or not p["delmal"]:
                continue
            out.append(element("delmal-certificate", [
                ("codes", " ".join(p["delmal"])), ("signer", p["supervisor"]),
                ("date", iso(add_days(p["end"], -self.rng.randint(1, 10))))], 4,
                children=element("activities", [], 6, text="Klinisk tjänstgöring under handledning %s – %s." % (iso(p["start"]), iso(p["end"])))
                + element("verification", [], 6, text="Bedömningar under placeringen.")))
        return out

    def assessments(self, placements):
        rng, today = self.rng, self.today
        out = []
        done = [p for p in placements if p["start"] < today]
        for _ in range(rng.randint(0, 5) if done else 0):
            p = self.pick(done)
            date = self.between(p["start"], min(p["end"], today))
            kind = self.pick(ASSESSMENTS)
            if kind == "Specialistkollegium" and p["bt"]:
                kind = "CBD"
            codes = rng.sample(p["delmal"], min(len(p["delmal"]), rng.randint(1, 2))) if p["delmal"] else []
            out.append((date, element("assessment", [
                ("kind", kind), ("date", iso(date)),
                ("delmal", " ".join(sort_codes(codes)) if kind != "Specialistkollegium" else None),
                ("assessor", p["supervisor"])], 4)))
        out.sort(key=lambda x: x[0])
        return [o[1] for o in out]

    def action_plan(self, placements):
        rng, today = self.rng, self.today
        st = [p for p in placements if not p["bt"] and p["start"] < add_months(today, -3) and p["delmal"]]
        if not st:
            return []
        p = self.pick(st)
        date = self.between(add_days(p["start"], 60), min(add_months(today, -1), p["end"]))
        level = 1 if rng.random() < 0.8 else 2
        track = "support" if rng.random() < 0.8 else "advanced"
        codes = sort_codes(rng.sample(p["delmal"], min(2, len(p["delmal"]))))
        first = add_days(date, rng.randint(42, 84))
        children = []
        children += element("background", [], 6, text=(
            "Under placeringen nådde ST-läkaren inte godkänd nivå i de delmål som anges."
            if track == "support" else
            "ST-läkaren har mycket goda kunskaper och behöver ett utökat ansvar."))
        children += element("gaps", [], 6, text="Se delmålen: strukturerad bedömning och dokumentation."
                            if track == "support" else "Delmålen kan fördjupas snabbare än planerat.")
        children += element("analysis", [], 6, text="Hög arbetsbelastning har gett lite handledning vid nybesök.")
        for text, resp, due in [
                ("Medsittning vid fem patientbesök med återkoppling.", p["supervisor"], add_days(date, 45)),
                ("Riktad kurs eller litteraturstudier inom området.", "ST-läkaren", add_days(date, 75)),
                ("Uppföljande bedömning med Mini-CEX.", self.main, add_days(date, 80))]:
            children += element("action", [("responsible", resp), ("due", iso(due))], 6, text=text)
        children += element("time-plan", [], 6, text="Åtgärderna genomförs inom tre månader.")
        children += element("follow-up", [("date", iso(first))], 6)
        children += element("follow-up", [("date", iso(add_months(first, 3)))], 6)
        return element("action-plan", [
            ("id", "hp-%s" % iso(date)), ("date", iso(date)), ("level", level), ("track", track),
            ("delmal", " ".join(codes)), ("chef", self.w.head[self.home]),
            ("overall-director", self.w.overall_director if level == 2 else None)], 4,
            children=children)


def divmod_month(i):
    return (i // 12, i % 12 + 1)


def sort_codes(codes):
    def key(c):
        i = 0
        while i < len(c) and not c[i].isdigit():
            i += 1
        return (c[:i], int(c[i:] or 0))
    out = []
    for c in sorted(codes, key=key):
        if c not in out:
            out.append(c)
    return out


# --------------------------------------------------------------------------------------------

def director_contracts(world):
    r = world.region
    town = r["hospitals"][0][2]
    year = world.today.year
    # One contract from 1 January this year for three years, one from 1 July last year for
    # two years (its renewal talk falls due within six months).
    first_start, first_end = D(year, 1, 1), D(year + 2, 12, 31)
    second_start, second_end = D(year - 1, 7, 1), D(year + 1, 6, 30)
    main_units = [u for (s, hi), u in sorted(world.clinic.items(), key=lambda x: x[1]) if hi == 0][:4]
    out = []
    out += element("director-contract", [
        ("person", world.hospital_director[0]), ("head-of-unit", world.head[world.main_med]),
        ("kind", "klinikstudierektor"), ("regulation", "SOSFS 2015:8 / HSLF-FS 2021:8"),
        ("form", "Visstidsförordnande som ST-studierektor inom ramen för tillsvidareanställning som specialistläkare"),
        ("start", iso(first_start)), ("end", iso(first_end)), ("share", "20"), ("compensation", "8500"),
        ("units", " ".join(main_units)), ("date", iso(add_days(first_start, -28))), ("place", town)], 2)
    out += element("director-contract", [
        ("person", world.am_director), ("head-of-unit", world.primary_care_head),
        ("kind", "studierektor för ST i allmänmedicin"), ("regulation", "SOSFS 2015:8 / HSLF-FS 2021:8"),
        ("form", "Visstidsförordnande som ST-studierektor inom ramen för tillsvidareanställning som specialistläkare"),
        ("start", iso(second_start)), ("end", iso(second_end)), ("share", "30"), ("compensation", "12000"),
        ("units", " ".join(world.centres)), ("date", iso(add_days(second_start, -19))), ("place", town)], 2)
    return out


def main():
    parser = argparse.ArgumentParser(description="Write a cohort of fictional trainees as a stdok records file.")
    parser.add_argument("--count", type=int, required=True, help="number of trainees")
    parser.add_argument("--seed", type=int, required=True, help="random seed (same seed, same file)")
    parser.add_argument("--region", default="vasternorrland", choices=sorted(REGIONS))
    parser.add_argument("--as-of", default="2026-11-22", help="the date the cohort is plausible at")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("--count must be at least 1")
    try:
        today = D.fromisoformat(args.as_of)
    except ValueError:
        parser.error("--as-of must be a date ÅÅÅÅ-MM-DD")
    if today < D(2022, 6, 1):
        parser.error("--as-of must be 2022-06-01 or later (the cohort has HSLF-FS 2021:8 trainees)")
    rng = random.Random(args.seed)
    world = World(rng, args.region, args.count, today)

    n = args.count
    n_foreign = round(n * 0.45)
    flags = [True] * n_foreign + [False] * (n - n_foreign)
    rng.shuffle(flags)
    foreign_idx = [i for i, f in enumerate(flags) if f]
    n_coord = min(len(foreign_idx), max(2, round(n * 0.03))) if n >= 10 else 0
    coordination = set(rng.sample(foreign_idx, n_coord)) if n_coord else set()
    nfd_index = next((i for i in foreign_idx if i not in coordination), None) if n >= 10 else None
    others = [i for i in range(n) if i not in coordination and i != nfd_index]
    ten_digits = set(rng.sample(others, min(len(others), max(2, round(n * 0.05))))) if n >= 10 else set()
    width = max(4, len(str(n)))

    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           "<!-- Generated by scripts/make-cohort.py (count %d, seed %d, region %s, as of %s)."
           % (n, args.seed, args.region, args.as_of),
           "     All people are fictional; personnummer are made up with valid check digits and",
           "     telephone numbers come from the range PTS reserves for fiction. Regenerate rather",
           "     than edit (scripts/make-samples.sh). Format: docs/records.md.",
           "     Deliberate findings of `stdok check`: some supervisors' handledarutbildning is older",
           "     than the region's refresh interval (people.supervisor-training-old, a warning); ST",
           "     trainees whose BT before ST is not recorded get a note (time.bt-before-st-unrecorded);",
           "     studierektorskontrakt near their end get a note on the renewal talk. -->",
           '<stdok-records version="1">']
    out += element("region", [("id", args.region), ("name", world.region["name"]),
                              ("issuing-unit", world.region["issuing"])], 2)
    trainee_lines = []
    for i in range(n):
        b = TraineeBuilder(world, rng, i + 1, flags[i], i in coordination, i in ten_digits,
                           i == nfd_index, width)
        trainee_lines += b.build()
    out += world.unit_lines()
    out += world.person_lines()
    out += trainee_lines
    out += director_contracts(world)
    out.append("</stdok-records>")
    data = "\n".join(out) + "\n"
    sys.stdout.buffer.write(data.encode("utf-8"))


if __name__ == "__main__":
    main()
