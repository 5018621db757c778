"""One trainee of the cohort: a programme planned as of the cohort's date (BT, ST, BT+ST or
SOSFS 2015:8), then written as a <trainee> element of docs/records.md."""

import math
import unicodedata

from .dates import D, add_days, add_months, first_weekday, iso, month_index, month_start
from .names import ascii_slug, course_leader, foreign_name, swedish_name, weighted
from .personnummer import personnummer
from .records_xml import comment, element
from .tables import (ABSENCES, ASSESSMENTS, COURSES_2015, COURSES_2021, COURSES_BT, DEV_SUBJECTS,
                     SCI_SUBJECTS, SHORT, SPECIALTIES, SPECIALTY_COURSE, STREETS)

CATEGORIES = [("BT", 8), ("SOSFS", 12), ("ST", 40), ("BT+ST", 40)]  # weights in the cohort
RATES = [(100, 85), (80, 7), (75, 4), (90, 4)]                      # per cent of full time


def num(x):
    return ("%d" % x) if float(x).is_integer() else ("%g" % x)


class TraineeBuilder:
    """Builds trainee number `index`; `world` holds the units and people it refers to, `rng`
    is shared by the whole cohort (the order of draws decides the bytes of the file)."""

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

    def build(self):
        """The <trainee> element."""
        self.choose_person()
        self.choose_programme()
        self.choose_home_and_roles()
        self.plan_bt()
        self.plan_credentials()
        self.plan_absences()
        self.plan_st()
        self.add_assessor_roles()
        return self.trainee_element()

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

    def sort_codes(self, codes):
        return self.w.reference.sort_codes(codes)

    def c_code(self, n):
        return ("c%d" if self.regulation == "SOSFS 2015:8" else "STc%d") % n

    def between(self, a, b):
        if b <= a:
            return a
        return add_days(a, self.rng.randint(0, (b - a).days))

    # -- the plan
    def choose_person(self):
        rng = self.rng
        for _ in range(30):  # no two people in the file with the same name, as far as it goes
            if self.foreign:
                given, family, female, country = foreign_name(rng)
            else:
                given, family, female = swedish_name(rng)
                country = "Sverige" if rng.random() < 0.85 else rng.choice(["Polen", "Danmark", "Ungern", "Lettland"])
            if (given, family) not in self.w.names:
                break
        self.w.names.add((given, family))
        self.given, self.family, self.female, self.country = given, family, female, country

    def choose_programme(self):
        """Category, specialty, rate, start, regulation; degree, birth and personnummer."""
        rng, today = self.rng, self.today
        cat = self.cat = weighted(rng, CATEGORIES)
        if cat == "BT":
            self.spec = None
        else:
            self.spec = weighted(rng, [(s, v[3]) for s, v in SPECIALTIES.items()])
        self.rate = weighted(rng, RATES)
        # Start months: SOSFS 2015:8 before 2021-07-01; BT within the last 20 months; ST and
        # BT+ST within the last four to five years, HSLF-FS 2021:8 (from 2021-07-01).
        now = month_index(today) - 1
        first = {"SOSFS": month_index(D(2020, 3, 1)), "BT": now - 20,
                 "ST": max(month_index(D(2022, 9, 1)), now - 50),
                 "BT+ST": max(month_index(D(2021, 9, 1)), now - 58)}[cat]
        last = month_index(D(2021, 6, 1)) if cat == "SOSFS" else now
        start = self.start = first_weekday(*month_start(rng.randint(first, max(first, last))))
        self.regulation = "SOSFS 2015:8" if cat == "SOSFS" else "HSLF-FS 2021:8"

        degree_age = rng.randint(25, 29)
        if cat == "SOSFS":
            self.degree = D(start.year - rng.randint(2, 5), rng.choice([1, 6]), rng.choice([12, 15, 20]))
        else:
            self.degree = D(start.year - rng.randint(2, 7), rng.choice([1, 6, 7]), rng.choice([10, 14, 28]))
        birth = D(self.degree.year - degree_age, rng.randint(1, 12), rng.randint(1, 28))
        if cat == "SOSFS":
            self.country = "Sverige"
        # A Swedish degree before the six-year programme means Swedish AT before the licence.
        self.swedish_at = self.country == "Sverige"
        self.pn = personnummer(rng, birth, self.female, coordination=self.coordination,
                               ten_digits=self.ten_digits)

    def choose_home_and_roles(self):
        if self.cat == "BT":
            home = self.pick(self.w.centres)
        else:
            home = self.clinic_for(self.spec)
        self.home = home
        hospital = self.w.hospital_of(home)
        self.hospital = 0 if hospital is None else hospital
        self.main = self.specialist(home)
        self.roles = [("huvudhandledare", self.main), ("verksamhetschef", self.w.head[home])]
        if self.cat == "BT":
            self.roles.append(("studierektor", self.w.bt_director))
        elif self.spec == "Allmänmedicin":
            self.roles.append(("studierektor", self.w.am_director))
        else:
            self.roles.append(("studierektor", self.w.hospital_director[self.hospital]))

    def plan_bt(self):
        """BT placements (inside the programme, or a separate BT before an ST) and the BT
        certificate; `cursor` is where the ST placements start."""
        rng, today, cat, start = self.rng, self.today, self.cat, self.start
        self.placements = []   # dicts: unit, start, end, rate, kind, supervisor, delmal, bt, text
        self.sides = []
        self.cursor = start
        self.has_bt = False
        self.bt_cert = None
        self.bt_months = 0.0
        if cat in ("BT", "BT+ST") or (cat == "ST" and rng.random() < 0.75):
            steps = self.bt_steps()
            length = sum(m for _, _, m in steps)
            if cat == "ST":
                # A separate BT before this ST, ending a month or two before it.
                bt_start = first_weekday(*month_start(month_index(start) - length - rng.randint(1, 2)))
            else:
                bt_start = start
            bt_places = self.lay_out_bt(steps, bt_start)
            self.placements += bt_places
            self.has_bt = True
            bt_end = bt_places[-1]["end"]
            self.bt_months = length * self.rate / 100
            if cat != "ST":
                self.cursor = add_days(bt_end, 1)
            if add_days(bt_end, 45) <= today:
                self.bt_cert = add_days(bt_end, rng.randint(21, 45))
                if cat == "ST" and self.bt_cert >= start:
                    self.bt_cert = add_days(start, -rng.randint(3, 14))
        elif cat == "ST":
            self.bt_cert = add_days(start, -rng.randint(20, 120))

    def plan_credentials(self):
        """Licence, doctorate and prior service; `credits` are months they count for."""
        rng, cat, start, degree = self.rng, self.cat, self.start, self.degree
        # The licence comes before the first day of service (the BT when it came first).
        first_day = min([start] + [p["start"] for p in self.placements])
        if self.country == "Sverige":
            licence = min(add_months(degree, rng.randint(18, 26)), add_months(first_day, -1))
        else:
            licence = add_months(first_day, -rng.randint(3, 18))
        if licence <= degree:
            licence = add_months(degree, 2)
        self.licence = licence

        self.credits = 0.0
        self.doctorate = None
        if cat != "BT" and rng.random() < 0.05:
            self.doctorate = ("Sverige" if rng.random() < 0.8 else rng.choice(["Polen", "Tyskland"]),
                              add_months(start, -rng.randint(12, 60)))
            if self.doctorate[0] == "Sverige":
                self.credits += 6
        self.prior = None
        if cat != "BT" and rng.random() < 0.08 and add_months(licence, 4) < start:
            p_start = max(licence, add_months(start, -rng.randint(4, 10)))
            p_end = add_days(start, -rng.randint(1, 20))
            if p_start < p_end:
                self.prior = (p_start, p_end, rng.randint(1, 3))
                self.credits += self.prior[2]

    def plan_absences(self):
        """Absences, decided before the ST plan so that its length can account for them."""
        rng, today, cat, start = self.rng, self.today, self.cat, self.start
        self.absences = []
        if rng.random() < 0.22:
            for _ in range(1 if rng.random() < 0.8 else 2):
                # Long absences fall after a BT inside ST, so that the BT keeps its length.
                earliest = add_months(start, 2) if cat in ("BT", "ST", "SOSFS") else add_months(self.cursor, 1)
                latest = (add_days(self.placements[-1]["end"], -14) if cat == "BT"
                          else max(earliest, min(add_months(today, 2), add_months(start, 54))))
                self.absences.append(self.absence(earliest, latest, short=(cat == "BT")))

    def plan_st(self):
        """The programme's end, ST placements and side placements."""
        if self.cat == "BT":
            self.end = self.placements[-1]["end"]
            return
        lost = 0.0
        for kind, a_start, a_end, a_rate in self.absences:
            if kind in ("föräldraledighet", "sjukfrånvaro", "tjänstledighet"):
                lost += ((a_end - a_start).days + 1) / 30.4 * min(a_rate, self.rate) / 100
        required = (60 if self.regulation == "SOSFS 2015:8" else 66) - self.credits - self.bt_months
        remaining = max(12.0, required)
        span = int(math.ceil(remaining * 100 / self.rate + lost * 1.1)) + 2
        self.end = add_days(add_months(self.cursor, span), -1)
        st_places, self.sides = self.st_plan(self.cursor, self.end, self.hospital, len(self.placements))
        self.placements += st_places

    def add_assessor_roles(self):
        """BT-only: BT-chef and extern bedömare; BT inside ST: extern bedömare for bilaga 4;
        sometimes a specialist besides the main supervisor."""
        rng, cat, home = self.rng, self.cat, self.home
        if cat in ("BT", "BT+ST") or self.has_bt:
            if cat == "BT":
                self.roles.append(("bt-chef", self.w.bt_manager))
            used = {p["unit"] for p in self.placements} | {s["unit"] for s in self.sides} | {home}
            assessor_units = [u for u in self.w.specialists
                              if u not in used and u not in self.w.external.values()]
            self.assessor = self.specialist(self.pick(assessor_units))
            self.roles.append(("extern-bedomare", self.assessor))
        if cat != "BT" and rng.random() < 0.3 and len(self.w.specialists[home]) > 1:
            self.roles.append(("specialist", self.specialist(home, exclude=(self.main,))))

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
            codes[index] += self.w.bt_codes[group]
        out = []
        cursor = bt_start
        for i, (kind, unit, months) in enumerate(steps):
            end = add_days(add_months(cursor, months), -1)
            out.append(dict(unit=unit, start=cursor, end=end, rate=self.rate, kind=kind,
                            supervisor=self.specialist(unit), delmal=self.sort_codes(codes[i]), bt=True,
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
                                   delmal=self.sort_codes(codes), bt=False, text=None))
            else:
                unit = self.clinic_for(val[0], hospital)
                sides.append(dict(unit=unit, start=cursor, end=p_end, spec=val[0],
                                  delmal=self.sort_codes(codes[:2])))
            cursor = add_days(p_end, 1)
        return places, sides

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

    # -- the record. The elements are made in the order of the file, drawing from rng as they go.
    def trainee_element(self):
        trainee = element("trainee", [("id", self.tid)])
        if self.nfd:
            trainee.append(comment(" The name is written decomposed (NFD), as some exports do; "
                                   "the reader normalizes it to NFC. "))
        trainee.extend(self.identity_elements())
        trainee.extend(self.placement_elements())
        trainee.extend(self.courses())
        trainee.extend(self.work_elements())
        trainee.extend(self.leave_and_credit_elements())
        trainee.extend(self.delmal_groups())
        trainee.extend(self.assessments())
        if self.cat != "BT" and self.start < add_months(self.today, -10) and self.rng.random() < 0.1:
            plan = self.action_plan()
            if plan is not None:
                trainee.append(plan)
        trainee.append(self.contract_element())
        return trainee

    def identity_elements(self):
        """name, personnummer, contact, education, programme, roles."""
        rng, cat = self.rng, self.cat
        given, family = self.given, self.family
        if self.nfd:
            given, family = unicodedata.normalize("NFD", given), unicodedata.normalize("NFD", family)
        out = [element("name", [("given", given), ("family", family)]),
               element("personnummer", text=self.pn),
               element("contact", [
                   ("email", "%s@%s" % (ascii_slug(self.given + " " + self.family).replace("-", "."),
                                        self.w.region["domain"])),
                   ("phone", self.w.phone()),
                   ("address", "%s %d" % (self.pick(STREETS), rng.randint(1, 60))),
                   ("town", self.w.unit_town[self.home])])]
        licences = []
        if self.country != "Sverige":
            home_licence = self.between(add_months(self.degree, 1), add_months(self.licence, -1))
            licences.append(element("licence", [("country", self.country), ("date", iso(home_licence))]))
        licences.append(element("licence", [("country", "Sverige"), ("date", iso(self.licence))]))
        out.append(element("education", [
            ("swedish-at", "yes" if self.swedish_at else None), ("degree-country", self.country),
            ("degree-date", iso(self.degree)),
            ("bt-certificate", iso(self.bt_cert) if self.bt_cert else None)], children=licences))
        kind = {"BT": "BT", "SOSFS": "ST", "ST": "ST", "BT+ST": "BT+ST"}[cat]
        stated_end = self.end if (rng.random() < 0.4 or cat == "BT") else None
        state_regulation = not (cat in ("ST", "BT+ST") and not self.swedish_at and rng.random() < 0.08)
        out.append(element("programme", [
            ("kind", kind), ("specialty", self.spec),
            ("bt-start", iso(self.start) if cat == "BT+ST" else None),
            ("start", iso(self.start)), ("planned-end", iso(stated_end) if stated_end else None),
            ("rate", num(self.rate)), ("regulation", self.regulation if state_regulation else None),
            ("home-unit", self.home)]))
        out.append(element("roles", self.roles))
        return out

    def placement_elements(self):
        """placement, side-placement and auskultation."""
        rng, spec = self.rng, self.spec
        out = [element("placement", [
            ("unit", p["unit"]), ("start", iso(p["start"])), ("end", iso(p["end"])),
            ("rate", num(p["rate"]) if p["rate"] != 100 else None), ("kind", p["kind"]),
            ("supervisor", p["supervisor"]), ("delmal", " ".join(p["delmal"]) or None),
            ("bt", "yes" if p["bt"] else None)], text=p["text"]) for p in self.placements]
        out += [self.side_placement(s) for s in self.sides]
        st_first = max(add_months(self.start, 3), add_days(self.cursor, 30))
        st_last = min(self.today, add_days(self.end, -7))
        if self.cat != "BT" and rng.random() < 0.25 and st_first < st_last:
            a_unit = self.clinic_for(self.pick(SPECIALTIES[spec][5]), self.hospital)
            a_start = self.between(st_first, st_last)
            out.append(element("auskultation", [
                ("unit", a_unit), ("start", iso(a_start)), ("end", iso(add_days(a_start, 4))),
                ("supervisor", self.specialist(a_unit, exclude=(self.assessor,))),
                ("delmal", self.c_code(rng.randint(1, SPECIALTIES[spec][4])))],
                text="Auskultation en vecka."))
        return out

    def work_elements(self):
        """development-work (kvalitets- och utvecklingsarbete) and scientific-work."""
        rng, today, start = self.rng, self.today, self.start
        sosfs = self.regulation == "SOSFS 2015:8"
        out = []
        if self.cat != "BT" and start < add_months(today, -24) and rng.random() < 0.35:
            d_start = self.between(add_months(start, 12), add_months(today, -4))
            d_end = add_months(d_start, rng.randint(2, 6))
            out.append(element("development-work", [
                ("subject", self.pick(DEV_SUBJECTS)), ("delmal", "a4" if sosfs else "STa2"),
                ("supervisor", self.main), ("start", iso(d_start)), ("end", iso(min(d_end, today)))],
                text="Kartläggning, åtgärd och uppföljning; redovisat på arbetsplatsträff."))
        if self.cat != "BT" and start < add_months(today, -30) and rng.random() < 0.25:
            out.append(element("scientific-work", [
                ("subject", self.pick(SCI_SUBJECTS)), ("delmal", "a5" if sosfs else "STa3"),
                ("supervisor", self.specialist(self.home))], children=[
                    element("activities",
                            text="Forskningsplan, datainsamling, analys och skriftlig rapport."),
                    element("verification",
                            text="Granskat av handledaren och presenterat vid FoU-seminarium.")]))
        return out

    def leave_and_credit_elements(self):
        """absence, prior-service and doctorate."""
        out = [element("absence", [("kind", kind), ("start", iso(a_start)), ("end", iso(a_end)),
                                   ("rate", num(a_rate) if a_rate != 100 else None)])
               for kind, a_start, a_end, a_rate in sorted(self.absences, key=lambda a: a[1])]
        if self.prior:
            out.append(element("prior-service", [
                ("unit-name", self.w.units[self.rng.randrange(len(self.w.units))][1]),
                ("start", iso(self.prior[0])), ("end", iso(self.prior[1])), ("months", self.prior[2])],
                text="Vikariat som legitimerad läkare under handledning."))
        if self.doctorate:
            out.append(element("doctorate", [("country", self.doctorate[0]),
                                             ("date", iso(self.doctorate[1]))]))
        return out

    def contract_element(self):
        """Contract terms: the ST-kontrakt within six months of the start; the IUP within one
        month of a BT start or six months of an ST start. Dates after today are not there yet."""
        rng, today, cat, start = self.rng, self.today, self.cat, self.start
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
            children.append(element("teaching", text=self.pick([
                "Handledning av läkarstudenter under terminerna.",
                "Undervisning av sjuksköterskestudenter och internutbildning på kliniken.",
                "Handledning av BT-läkare och läkarstudenter."])))
        children.append(element("research", text="Ingen forskarutbildning planerad."
                                if not self.doctorate else
                                "Disputerad; ingen ytterligare forskarutbildning planerad."))
        if rng.random() < 0.3:
            children.append(element("abroad", text="Ingen planerad."))
        if cat != "BT" and rng.random() < 0.5:
            children.append(element("specialist-exam",
                                    text="Specialistexamen planeras under sista året av ST."))
        children.append(element("appraisals", text=self.pick([
            "Utvecklingssamtal med verksamhetschefen en gång per år.",
            "Utvecklingssamtal en gång per år; revision av utbildningsprogrammet två gånger per år.",
            "Medarbetarsamtal årligen med närmaste chef och uppföljning med studierektor."])))
        if rng.random() < 0.2:
            children.append(element("other", text="Resor och dubbelt boende vid sidotjänstgöring "
                                    "på annan ort ersätts enligt regionens policy."))
        town = self.w.unit_town[self.home]
        return element("contract", [
            ("date", iso(c_date) if c_date else None), ("place", town if c_date else None),
            ("supervision-hours", "1"),
            ("self-study-hours", str(region_hours.get(self.w.region_id, 2)) if rng.random() < 0.7 else None),
            ("iup-date", iso(iup) if iup else None)], children=children)

    def side_placement(self, s):
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
        children.append(element("reduced-time", text=(
            "Heltid." if self.rate == 100 else
            "Arbetar %s %%: ledig %s." % (num(self.rate), self.pick(["fredagar", "måndagar", "varannan fredag"])))))
        subject = s["spec"].replace("ext:", "").lower()
        children.append(element("expectations", text=(
            "Jag vill fördjupa mig i %s: utredning, behandling och uppföljning av de vanligaste "
            "tillstånden, och förstå hur den mottagande kliniken samverkar med min egen." % subject)))
        for code in s["delmal"]:
            children.append(element("plan", [("delmal", code)], text=self.pick([
                "Eget patientansvar på vårdavdelning under handledning.",
                "Mottagning med nybesök och återbesök, handledning efter varje pass.",
                "Medverkan i konsultverksamhet och i klinikens akutverksamhet."])))
        children.append(element("on-call", text=self.pick([
            "Inga jourer på hemkliniken under perioden.",
            "Primärjour på mottagande klinik enligt schema; ingen samtidig jour på hemkliniken."])))
        children.append(element("seminar-days", text="ST-seminarier på hemkliniken enligt terminsplanen."))
        children.append(element("receiving-duties", text="Vårdavdelning och mottagning."))
        if s["end"] < today and rng.random() < 0.7:
            children.append(element("trainee-evaluation", text=self.pick([
                "God handledning och tydlig introduktion; jag lärde mig det jag önskade.",
                "Lärorik placering, men handledningen blev ibland inställd på grund av hög belastning."])))
            instruments = self.pick(["Mini-CEX", "Mini-CEX, CBD", "DOPS, CBD"])
            children.append(element("clinic-assessment", [("instruments", instruments)],
                                    text="De planerade delmålen är uppnådda."))
            children.append(element("strengths", text=self.pick([
                "Strukturerad och noggrann.", "Lyhörd i patientmötet.",
                "Tar ansvar och samarbetar väl."])))
            children.append(element("improvements", text=self.pick([
                "Prioritering vid hög belastning.", "Tydligare överrapportering.",
                "Mer självständiga beslut."])))
        return element("side-placement", [
            ("id", sid), ("unit", unit), ("contact", contact), ("supervisor", supervisor),
            ("start", iso(s["start"])), ("end", iso(s["end"])), ("rate", num(self.rate)),
            ("contract-date", iso(contract) if contract <= today else None),
            ("contract-place", self.w.unit_town[self.home] if contract <= today else None),
            ("delmal", " ".join(s["delmal"]))], children=children)

    def courses(self):
        rng, today, cat = self.rng, self.today, self.cat
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
                attrs += [("leader-name", course_leader("FoU " + self.w.region["name"], subject))]
            elif leader == "region":
                attrs += [("leader-name", course_leader("ST-utbildning " + self.w.region["name"], subject))]
            elif leader == "spec":
                attrs += [("leader-name", course_leader("kursledare", subject))]
            else:
                attrs += [("leader-name", course_leader(leader, subject))]
            attrs += [("start", iso(c_start)), ("end", iso(c_end)),
                      ("status", "done" if c_end < today else "planned")]
            out.append(element("course", attrs))
        return out

    def delmal_groups(self):
        """delmal-certificate: every BT placement's once the BT is certified; some finished
        ST placements'."""
        def certificate(p, date, verification):
            activities = "Klinisk tjänstgöring under handledning %s – %s." % (iso(p["start"]),
                                                                               iso(p["end"]))
            return element("delmal-certificate", [
                ("codes", " ".join(p["delmal"])), ("signer", p["supervisor"]), ("date", iso(date))],
                children=[element("activities", text=activities),
                          element("verification", text=verification)])

        out = []
        if self.bt_cert:
            for p in self.placements:
                if p["bt"] and p["delmal"]:
                    date = add_days(p["end"], -self.rng.randint(1, 5))
                    out.append(certificate(p, date, "Mini-CEX, CBD och handledarsamtal."))
        for p in self.placements:
            if p["bt"] or p["end"] >= self.today or self.rng.random() < 0.6 or not p["delmal"]:
                continue
            date = add_days(p["end"], -self.rng.randint(1, 10))
            out.append(certificate(p, date, "Bedömningar under placeringen."))
        return out

    def assessments(self):
        rng, today, placements = self.rng, self.today, self.placements
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
                ("delmal", " ".join(self.sort_codes(codes)) if kind != "Specialistkollegium" else None),
                ("assessor", p["supervisor"])])))
        out.sort(key=lambda x: x[0])
        return [o[1] for o in out]

    def action_plan(self):
        rng, today, placements = self.rng, self.today, self.placements
        st = [p for p in placements if not p["bt"] and p["start"] < add_months(today, -3) and p["delmal"]]
        if not st:
            return None
        p = self.pick(st)
        date = self.between(add_days(p["start"], 60), min(add_months(today, -1), p["end"]))
        level = 1 if rng.random() < 0.8 else 2
        track = "support" if rng.random() < 0.8 else "advanced"
        codes = self.sort_codes(rng.sample(p["delmal"], min(2, len(p["delmal"]))))
        first = add_days(date, rng.randint(42, 84))
        children = []
        children.append(element("background", text=(
            "Under placeringen nådde ST-läkaren inte godkänd nivå i de delmål som anges."
            if track == "support" else
            "ST-läkaren har mycket goda kunskaper och behöver ett utökat ansvar.")))
        children.append(element("gaps", text="Se delmålen: strukturerad bedömning och dokumentation."
                            if track == "support" else "Delmålen kan fördjupas snabbare än planerat."))
        children.append(element("analysis", text="Hög arbetsbelastning har gett lite handledning vid nybesök."))
        for text, resp, due in [
                ("Medsittning vid fem patientbesök med återkoppling.", p["supervisor"], add_days(date, 45)),
                ("Riktad kurs eller litteraturstudier inom området.", "ST-läkaren", add_days(date, 75)),
                ("Uppföljande bedömning med Mini-CEX.", self.main, add_days(date, 80))]:
            children.append(element("action", [("responsible", resp), ("due", iso(due))], text=text))
        children.append(element("time-plan", text="Åtgärderna genomförs inom tre månader."))
        children.append(element("follow-up", [("date", iso(first))]))
        children.append(element("follow-up", [("date", iso(add_months(first, 3)))]))
        return element("action-plan", [
            ("id", "hp-%s" % iso(date)), ("date", iso(date)), ("level", level), ("track", track),
            ("delmal", " ".join(codes)), ("chef", self.w.head[self.home]),
            ("overall-director", self.w.overall_director if level == 2 else None)],
            children=children)
