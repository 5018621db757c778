"""The region a cohort lives in: its units (clinics, health centres, the education unit, clinics
at a university hospital outside the region) and the people defined once and referenced by id
(heads of units, specialists who supervise, studierektorer)."""

from .dates import D
from .names import SWEDISH_FAMILY, ascii_slug, foreign_name, swedish_name
from .personnummer import personnummer
from .records_xml import element
from .tables import EXTERNAL_CLINICS, REGIONS, SHORT, SPECIALTIES, bt_codes


class Person:
    """Someone the trainees' records refer to by id (<person> in docs/records.md)."""
    __slots__ = ("id", "given", "family", "title", "specialty", "unit", "workplace", "email",
                 "phone", "pn", "training")


class World:
    """The units and people of `region_id` for a cohort of `count` trainees as of `today`,
    drawn from `rng`; `reference` is the reference data (reference.Reference)."""

    def __init__(self, rng, region_id, count, today, reference):
        self.rng = rng
        self.reference = reference
        self.bt_codes = bt_codes(reference)  # kind of BT placement -> BT delmål met there
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

    def unit_elements(self):
        return [element("unit", [("id", uid), ("name", name), ("kind", kind), ("town", town),
                                 ("address", addr)])
                for (uid, name, kind, town, addr) in self.units]

    def person_elements(self):
        return [element("person", [
            ("id", p.id), ("given-name", p.given), ("family-name", p.family),
            ("title", p.title), ("specialty", p.specialty), ("unit", p.unit),
            ("workplace", p.workplace), ("email", p.email), ("phone", p.phone),
            ("personnummer", p.pn), ("supervisor-training", p.training)])
            for p in self.people]

    def hospital_of(self, uid):
        for (s, hi), u in self.clinic.items():
            if u == uid:
                return hi
        return None
