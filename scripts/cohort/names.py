"""Names of the fictional people: Swedish names with å, ä or ö, and names from countries whose
letters go beyond Latin-1 (given, female) with family names; ASCII slugs for ids and e-mail."""

import unicodedata
import zlib

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


def course_leader(organisation, subject):
    """"Given Family, organisation": the person who signs a course certificate (a certificate
    is signed by a person, never by an organisation). Derived from the texts, not from the
    random stream, so the rest of a cohort does not depend on it."""
    key = zlib.crc32((organisation + "|" + subject).encode("utf-8"))
    given, _ = SWEDISH_GIVEN[key % len(SWEDISH_GIVEN)]
    family = SWEDISH_FAMILY_AAO[(key // len(SWEDISH_GIVEN)) % len(SWEDISH_FAMILY_AAO)]
    return "%s %s, %s" % (given, family, organisation)


TRANSLIT = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ß": "ss", "ø": "o", "æ": "ae"}


def ascii_slug(text):
    text = "".join(TRANSLIT.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    out = []
    for c in text.lower():
        out.append(c if c.isascii() and c.isalnum() else "-")
    return "-".join(p for p in "".join(out).split("-") if p)
