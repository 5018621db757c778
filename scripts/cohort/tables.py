"""What the cohort is made of: regions with their hospitals and health centres, the specialties
used with their clinics, course catalogues, assessments and absences."""

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


# BT delmål met in a kind of BT placement. The other BT codes of reference/delmal.xml are met
# in the placement at a hospital clinic (bt_codes() adds them as "other").
BT_CODES_BY_KIND = {
    "primärvård": ["BT9", "BT12", "BT14", "BT16"],
    "akut sjukvård": ["BT1", "BT5", "BT10", "BT13", "BT18"],
    "psykiatri": ["BT2", "BT8"],
}


def bt_codes(reference):
    """BT_CODES_BY_KIND and "other": the BT codes of the reference that it does not name."""
    named = {code for codes in BT_CODES_BY_KIND.values() for code in codes}
    return dict(BT_CODES_BY_KIND, other=[c for c in reference.codes("BT") if c not in named])


def check_tables(reference):
    """Raises ValueError naming every specialty and delmål code of these tables that the
    reference data lacks, and every highest c/STc code above a count the reference knows."""
    problems = []
    names = set(SPECIALTIES) | set(EXTERNAL_CLINICS)
    names |= {r.replace("ext:", "") for spec in SPECIALTIES.values() for r in spec[5]}
    problems += ["specialty %r is not in reference/specialties.xml" % name
                 for name in sorted(names - reference.specialties)]
    codes = {code for codes in BT_CODES_BY_KIND.values() for code in codes}
    codes |= {code for _, delmal, _ in COURSES_2021 + COURSES_2015 + COURSES_BT
              for code in delmal.split()}
    problems += ["delmål %r is not in reference/delmal.xml" % code
                 for code in sorted(codes) if not reference.is_code(code)]
    for spec, (_, _, _, _, highest, _) in SPECIALTIES.items():
        for regulation in ("SOSFS 2015:8", "HSLF-FS 2021:8"):
            count = reference.c_counts.get((spec, regulation))
            if count is not None and highest > count:
                problems.append("%s has %d c delmål under %s in reference/delmal.xml, not %d"
                                % (spec, count, regulation, highest))
    if problems:
        raise ValueError("\n".join(problems))
