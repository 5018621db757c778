#include "workbook/record_sheets.h"

#include <unicode/unistr.h>

#include <map>

namespace stdok {
namespace {

using T = ColumnType;

const char* kRegulations = "HSLF-FS 2021:8|SOSFS 2015:8";
const char* kFlagNote = "ja eller nej";

std::vector<ColumnSpec> Period(const std::string& start_note = "", const std::string& end_note = "") {
  return {{"Start", "@start", T::kDate, "", start_note}, {"Slut", "@end", T::kDate, "", end_note}};
}

std::vector<ColumnSpec> Join(std::vector<std::vector<ColumnSpec>> parts) {
  std::vector<ColumnSpec> all;
  for (auto& part : parts) all.insert(all.end(), part.begin(), part.end());
  return all;
}

std::vector<SheetSpec> MakeSheets() {
  std::vector<SheetSpec> s;
  s.push_back({"Region", "region", -1, "", false,
               {{"Profil", "@id", T::kText, "", "regionprofil: vasternorrland, ostergotland, jonkoping, orebro"},
                {"Namn", "@name", T::kText, "", "t.ex. Region Västernorrland"},
                {"Utfärdande enhet", "@issuing-unit", T::kText, "", "skrivs som PDF-filernas upphovsman"}},
               "en rad: regionen och dess profil"});
  s.push_back({"Enheter", "unit", -1, "", false,
               {{"Id", "@id", T::kText, "", "kort id som övriga blad hänvisar till, t.ex. med-sundsvall"},
                {"Namn", "@name", T::kText, "", "fullständigt namn som det skrivs ut"},
                {"Typ", "@kind", T::kText, "", "t.ex. primärvård, akut sjukvård, psykiatri, sluten vård"},
                {"Ort", "@town", T::kText, "", ""},
                {"Adress", "@address", T::kText, "", ""}},
               "en rad per vårdenhet, klinik eller vårdcentral"});
  s.push_back({"Personer", "person", -1, "", false,
               {{"Id", "@id", T::kText, "", "kort id, t.ex. karin-sjodin"},
                {"Förnamn", "@given-name", T::kText, "", ""},
                {"Efternamn", "@family-name", T::kText, "", ""},
                {"Titel", "@title", T::kText, "", "t.ex. Överläkare, Verksamhetschef"},
                {"Specialitet", "@specialty", T::kText, "", "tomt för den som inte är specialist"},
                {"Enhet", "@unit", T::kText, "", "tjänsteställe: id på bladet Enheter"},
                {"Arbetsplats", "@workplace", T::kText, "", "tjänsteställe i fritext när det inte är en enhet"},
                {"E-post", "@email", T::kText, "", ""},
                {"Telefon", "@phone", T::kText, "", ""},
                {"Personnummer", "@personnummer", T::kPersonnummer, "", "bara för handledare som intygar på Socialstyrelsens blanketter"},
                {"Handledarutbildning år", "@supervisor-training", T::kYear, "", "år för handledarutbildning"}},
               "en rad per handledare, chef, studierektor, kursledare och annan person"});
  s.push_back({"Tjänstgöring", "service", 2, "Person", false,
               Join({{{"Enhet", "@unit", T::kText, "", "id på bladet Enheter"}},
                     Period("", "tomt: pågår")}),
               "var och när en person har arbetat (regeln om extern bedömare)"});
  s.push_back({"ST-läkare", "trainee", -1, "", false,
               {{"Id", "@id", T::kText, "", "ert id för ST-läkaren (inte personnumret)"},
                {"Förnamn", "name/@given", T::kText, "", ""},
                {"Efternamn", "name/@family", T::kText, "", ""},
                {"Personnummer", "personnummer", T::kPersonnummer, "", "ÅÅÅÅMMDD-NNNN; behövs bara för Socialstyrelsens intyg"},
                {"E-post", "contact/@email", T::kText, "", ""},
                {"Mobiltelefon", "contact/@phone", T::kText, "", ""},
                {"Telefon arbetet", "contact/@work-phone", T::kText, "", ""},
                {"Utdelningsadress", "contact/@address", T::kText, "", ""},
                {"Postnummer", "contact/@postcode", T::kText, "", ""},
                {"Postort", "contact/@town", T::kText, "", ""},
                {"Arbetsplats", "contact/@workplace", T::kText, "", ""},
                {"Svensk AT", "education/@swedish-at", T::kFlag, "", kFlagNote},
                {"Läkarexamen land", "education/@degree-country", T::kText, "", ""},
                {"Läkarexamen datum", "education/@degree-date", T::kDate, "", ""},
                {"Intyg om godkänd BT", "education/@bt-certificate", T::kDate, "", "datum för Socialstyrelsens BT-intyg"},
                {"Specialist från tredjeland", "education/@third-country", T::kFlag, "", kFlagNote},
                {"Utbildning", "programme/@kind", T::kChoice, "BT|ST|BT+ST", "BT, ST eller BT+ST"},
                {"Specialitet", "programme/@specialty", T::kText, "", "som i målbeskrivningen, t.ex. Internmedicin"},
                {"ST påbörjas", "programme/@start", T::kDate, "", "ST-start (BT-start för enbart BT)"},
                {"BT påbörjas", "programme/@bt-start", T::kDate, "", "när BT ingår i ST"},
                {"Beräknat slut", "programme/@planned-end", T::kDate, "", "tomt: stdok räknar ut det"},
                {"Tjänstgöringsgrad", "programme/@rate", T::kPercent, "", "procent av heltid; tomt: 100"},
                {"Författning", "programme/@regulation", T::kChoice, kRegulations, "tomt: stdok avgör"},
                {"Huvudsaklig placering", "programme/@home-unit", T::kText, "", "id på bladet Enheter"},
                {"Huvudhandledare", "roles/@huvudhandledare", T::kText, "", "id på bladet Personer"},
                {"Verksamhetschef", "roles/@verksamhetschef", T::kText, "", "id på bladet Personer"},
                {"Studierektor", "roles/@studierektor", T::kText, "", "id på bladet Personer"},
                {"BT-chef", "roles/@bt-chef", T::kText, "", "id på bladet Personer"},
                {"Extern bedömare", "roles/@extern-bedomare", T::kText, "", "id på bladet Personer"},
                {"Specialist utöver huvudhandledaren", "roles/@specialist", T::kText, "", "id på bladet Personer"},
                {"Doktorsexamen", "doctorate", T::kPresence, "", "ja om ST-läkaren har doktorsexamen"},
                {"Doktorsexamen land", "doctorate/@country", T::kText, "", "tomt: Sverige"},
                {"Doktorsexamen datum", "doctorate/@date", T::kDate, "", ""},
                {"Kontraktsdatum", "contract/@date", T::kDate, "", "när ST-kontraktet skrevs under"},
                {"Kontraktsort", "contract/@place", T::kText, "", ""},
                {"Handledning tim/vecka", "contract/@supervision-hours", T::kNumber, "", "tomt: regionens värde"},
                {"Egen studietid tim/vecka", "contract/@self-study-hours", T::kNumber, "", "tomt: regionens värde"},
                {"Kontraktsvariant", "contract/@variant", T::kText, "", "sluten-vard eller allmanmedicin; tomt: regionens val"},
                {"IUP upprättad", "contract/@iup-date", T::kDate, "", ""},
                {"IUP reviderad", "contract/@iup-revised", T::kDate, "", ""},
                {"Pedagogisk verksamhet", "contract/teaching", T::kLongText, "", ""},
                {"Forskarutbildning", "contract/research", T::kLongText, "", ""},
                {"Utlandstjänstgöring", "contract/abroad", T::kLongText, "", ""},
                {"Specialisttentamen", "contract/specialist-exam", T::kLongText, "", ""},
                {"Utvecklingssamtal", "contract/appraisals", T::kLongText, "", ""},
                {"Övriga överenskommelser", "contract/other", T::kLongText, "", ""}},
               "en rad per ST- eller BT-läkare: utbildning, roller och kontraktets villkor"});
  const int trainee = kTraineeSheet;
  const std::string k = "ST-läkare";
  s.push_back({"Legitimationer", "education/licence", trainee, k, false,
               {{"Land", "@country", T::kText, "", ""}, {"Datum", "@date", T::kDate, "", ""}},
               "legitimation eller motsvarande, en rad per land"});
  s.push_back({"Placeringar", "placement", trainee, k, false,
               Join({{{"Enhet", "@unit", T::kText, "", "id på bladet Enheter"},
                      {"Enhet (fritext)", "@unit-name", T::kText, "", "när stället inte är en enhet"}},
                     Period("", "tomt: inte bestämt"),
                     {{"Omfattning", "@rate", T::kPercent, "", "procent av heltid; tomt: 100"},
                      {"Typ", "@kind", T::kText, "", "primärvård, akut sjukvård, psykiatri eller annat"},
                      {"Handledare", "@supervisor", T::kText, "", "id på bladet Personer"},
                      {"Delmål", "@delmal", T::kText, "", "t.ex. STc1 STc2"},
                      {"Ingår i BT", "@bt", T::kFlag, "", kFlagNote},
                      {"Intyg", "@certificate", T::kFlag, "", "nej: inget intyg om klinisk tjänstgöring"},
                      {"Beskrivning", ".", T::kLongText, "", ""}}}),
               "klinisk tjänstgöring under handledning"});
  s.push_back({"Sidotjänstgöringar", "side-placement", trainee, k, true,
               Join({{{"Id", "@id", T::kText, "", ""},
                      {"Enhet", "@unit", T::kText, "", "mottagande enhet: id på bladet Enheter"},
                      {"Enhet (fritext)", "@unit-name", T::kText, "", ""},
                      {"Kontaktperson", "@contact", T::kText, "", "utbildningsansvarig: id på bladet Personer"},
                      {"Handledare", "@supervisor", T::kText, "", "id på bladet Personer"}},
                     Period(),
                     {{"Omfattning", "@rate", T::kPercent, "", "procent av heltid; tomt: 100"},
                      {"Kontraktsdatum", "@contract-date", T::kDate, "", "före start"},
                      {"Kontraktsort", "@contract-place", T::kText, "", ""},
                      {"Delmål", "@delmal", T::kText, "", ""},
                      {"Nedsatt tjänst", "reduced-time", T::kLongText, "", ""},
                      {"Förväntningar", "expectations", T::kLongText, "", ""},
                      {"Jour", "on-call", T::kLongText, "", ""},
                      {"Seminariedagar", "seminar-days", T::kLongText, "", ""},
                      {"Inbokade kurser", "booked-courses", T::kLongText, "", ""},
                      {"Ledigheter", "absences", T::kLongText, "", ""},
                      {"Tjänstgöring på mottagande enhet", "receiving-duties", T::kLongText, "", ""},
                      {"ST-läkarens omdöme", "trainee-evaluation", T::kLongText, "", ""},
                      {"Klinikens omdöme", "clinic-assessment", T::kLongText, "", ""},
                      {"Bedömningsinstrument", "clinic-assessment/@instruments", T::kText, "", ""},
                      {"Styrkor", "strengths", T::kLongText, "", ""},
                      {"Kan förbättras", "improvements", T::kLongText, "", ""}}}),
               "sidotjänstgöringar med kontrakt; Nr räknas per ST-läkare"});
  s.push_back({"Sidoplaner", "plan", 7, k, false,
               {{"Delmål", "@delmal", T::kText, "", "ett delmål per rad"},
                {"Plan", ".", T::kLongText, "", "klinikens utbildningsplan för delmålet"}},
               "mottagande kliniks plan per delmål; Nr är sidotjänstgöringens Nr"});
  s.push_back({"Ledigheter", "absence", trainee, k, false,
               Join({{{"Typ", "@kind", T::kChoice,
                       "föräldraledighet|sjukfrånvaro|tjänstledighet|semester|kompledighet", ""}},
                     Period(),
                     {{"Omfattning", "@rate", T::kPercent, "", "andel av heltid; tomt: 100"}}}),
               "frånvaro"});
  s.push_back({"Tidigare tjänstgöring", "prior-service", trainee, k, false,
               Join({{{"Beskrivning", ".", T::kLongText, "", ""},
                      {"Tjänstgöringsställe", "@unit-name", T::kText, "", ""}},
                     Period(),
                     {{"Omfattning", "@rate", T::kPercent, "", ""},
                      {"Månader", "@months", T::kNumber, "", "tillgodoräknade heltidsmånader"},
                      {"Före legitimation", "@before-licence", T::kFlag, "", kFlagNote},
                      {"Land", "@country", T::kText, "", "tomt: Sverige"}}}),
               "tjänstgöring som kan tillgodoräknas"});
  s.push_back({"Kurser", "course", trainee, k, false,
               Join({{{"Ämne", "@subject", T::kText, "", ""},
                      {"Delmål", "@delmal", T::kText, "", ""},
                      {"Kursledare", "@leader", T::kText, "", "id på bladet Personer"},
                      {"Kursledare (fritext)", "@leader-name", T::kText, "", ""},
                      {"Intygsutfärdare", "@signer", T::kChoice, "kursledare|handledare", ""}},
                     Period(),
                     {{"Status", "@status", T::kChoice, "genomförd=done|planerad=planned", "tomt: genomförd"},
                      {"Beskrivning", ".", T::kLongText, "", ""}}}),
               "kurser"});
  s.push_back({"Auskultationer", "auskultation", trainee, k, false,
               Join({{{"Enhet", "@unit", T::kText, "", "id på bladet Enheter"},
                      {"Enhet (fritext)", "@unit-name", T::kText, "", ""}},
                     Period(),
                     {{"Handledare", "@supervisor", T::kText, "", ""},
                      {"Delmål", "@delmal", T::kText, "", ""},
                      {"Beskrivning", ".", T::kLongText, "", ""}}}),
               "auskultationer"});
  s.push_back({"Utvecklingsarbeten", "development-work", trainee, k, false,
               Join({{{"Ämne", "@subject", T::kText, "", ""},
                      {"Delmål", "@delmal", T::kText, "", ""},
                      {"Handledare", "@supervisor", T::kText, "", ""}},
                     Period(),
                     {{"Beskrivning", ".", T::kLongText, "", ""}}}),
               "utvecklingsarbeten"});
  s.push_back({"Vetenskapliga arbeten", "scientific-work", trainee, k, false,
               Join({{{"Ämne", "@subject", T::kText, "", ""},
                      {"Delmål", "@delmal", T::kText, "", ""},
                      {"Handledare", "@supervisor", T::kText, "", ""}},
                     Period("", "dagen arbetet godkändes"),
                     {{"Utbildningsaktiviteter", "activities", T::kLongText, "", ""},
                      {"Hur det kontrollerats", "verification", T::kLongText, "", ""}}}),
               "vetenskapligt arbete (STa3, a5)"});
  s.push_back({"Delmålsintyg", "delmal-certificate", trainee, k, false,
               {{"Delmål", "@codes", T::kText, "", "delmålen som intyget avser"},
                {"Intygsutfärdare", "@signer", T::kText, "", "id på bladet Personer"},
                {"Datum", "@date", T::kDate, "", ""},
                {"Utbildningsaktiviteter", "activities", T::kLongText, "", ""},
                {"Hur det kontrollerats", "verification", T::kLongText, "", ""}},
               "intyg om delmål, ett per grupp av delmål"});
  s.push_back({"Bedömningar", "assessment", trainee, k, false,
               {{"Instrument", "@kind", T::kText, "", "Mini-CEX, DOPS, CBD, 360 …"},
                {"Datum", "@date", T::kDate, "", ""},
                {"Delmål", "@delmal", T::kText, "", ""},
                {"Bedömare", "@assessor", T::kText, "", "id på bladet Personer"},
                {"Anteckning", ".", T::kLongText, "", ""}},
               "kompetensbedömningar"});
  s.push_back({"Handlingsplaner", "action-plan", trainee, k, true,
               {{"Id", "@id", T::kText, "", ""},
                {"Datum", "@date", T::kDate, "", ""},
                {"Nivå", "@level", T::kYear, "", "1, 2 eller 3"},
                {"Inriktning", "@track", T::kChoice, "stöd=support|avancerad=advanced", ""},
                {"Delmål", "@delmal", T::kText, "", ""},
                {"Chef", "@chef", T::kText, "", "id på bladet Personer"},
                {"Övergripande studierektor", "@overall-director", T::kText, "", ""},
                {"HR-kontakt", "@hr-contact", T::kText, "", ""},
                {"Bakgrund", "background", T::kLongText, "", ""},
                {"Brister", "gaps", T::kLongText, "", ""},
                {"Analys", "analysis", T::kLongText, "", ""},
                {"Tidsplan", "time-plan", T::kLongText, "", ""}},
               "handlingsplaner; Nr räknas per ST-läkare"});
  s.push_back({"Åtgärder", "action", 17, k, false,
               {{"Åtgärd", ".", T::kLongText, "", ""},
                {"Ansvarig", "@responsible", T::kText, "", "id eller fritext"},
                {"Klart senast", "@due", T::kDate, "", ""}},
               "handlingsplanernas åtgärder; Nr är handlingsplanens Nr"});
  s.push_back({"Uppföljningar", "follow-up", 17, k, false,
               {{"Datum", "@date", T::kDate, "", ""}},
               "handlingsplanernas uppföljningar; Nr är handlingsplanens Nr"});
  s.push_back({"Studierektorskontrakt", "director-contract", -1, "", false,
               Join({{{"Studierektor", "@person", T::kText, "", "id på bladet Personer"},
                      {"Verksamhetschef", "@head-of-unit", T::kText, "", ""},
                      {"Typ", "@kind", T::kText, "", ""},
                      {"Författning", "@regulation", T::kText, "", "skrivs ut som det står"},
                      {"Kontraktsform", "@form", T::kText, "", ""}},
                     Period(),
                     {{"Andel", "@share", T::kPercent, "", "procent av heltid"},
                      {"Ersättning kr/mån", "@compensation", T::kNumber, "", ""},
                      {"Enheter", "@units", T::kText, "", "id på bladet Enheter"},
                      {"Datum", "@date", T::kDate, "", ""},
                      {"Ort", "@place", T::kText, "", ""}}}),
               "studierektorskontrakt"});
  return s;
}

std::vector<std::pair<std::string, std::string>> Choices(const ColumnSpec& column) {
  std::vector<std::pair<std::string, std::string>> choices;
  std::size_t start = 0;
  while (start <= column.choices.size() && !column.choices.empty()) {
    std::size_t bar = column.choices.find('|', start);
    if (bar == std::string::npos) bar = column.choices.size();
    const std::string item = column.choices.substr(start, bar - start);
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos) choices.push_back({item, item});
    else choices.push_back({item.substr(0, eq), item.substr(eq + 1)});
    start = bar + 1;
  }
  return choices;
}

std::string Fold(const std::string& text) {
  std::string out;
  icu::UnicodeString::fromUTF8(text).foldCase().toUTF8String(out);
  return out;
}

}  // namespace

const std::vector<SheetSpec>& RecordSheets() {
  static const std::vector<SheetSpec> sheets = MakeSheets();
  return sheets;
}

std::vector<std::string> SheetHeaders(int sheet) {
  const SheetSpec& spec = RecordSheets()[static_cast<std::size_t>(sheet)];
  std::vector<std::string> headers;
  if (!spec.key.empty()) headers.push_back(spec.key);
  if (spec.parent >= 0 && RecordSheets()[static_cast<std::size_t>(spec.parent)].numbered)
    headers.push_back(RecordSheets()[static_cast<std::size_t>(spec.parent)].name + " nr");
  if (spec.numbered) headers.push_back("Nr");
  for (const ColumnSpec& column : spec.columns) headers.push_back(column.header);
  return headers;
}

std::string SheetsReference() {
  static const std::map<ColumnType, std::string> kinds = {
      {ColumnType::kText, "text"}, {ColumnType::kLongText, "text (stycken)"}, {ColumnType::kDate, "datum"},
      {ColumnType::kPercent, "procent"}, {ColumnType::kNumber, "tal"}, {ColumnType::kYear, "heltal"},
      {ColumnType::kFlag, "ja/nej"}, {ColumnType::kPersonnummer, "personnummer"}, {ColumnType::kChoice, "val"},
      {ColumnType::kPresence, "ja/nej"}};
  std::string out;
  for (std::size_t i = 0; i < RecordSheets().size(); ++i) {
    const SheetSpec& spec = RecordSheets()[i];
    out += "### " + spec.name + "\n\n" + spec.about + ". Rows are `<" + spec.element.substr(spec.element.rfind('/') + 1) +
           ">` elements";
    if (spec.parent >= 0) out += " of the row named in " + spec.key;
    out += ".\n\n| column | kind | records file | note |\n|---|---|---|---|\n";
    const std::vector<std::string> headers = SheetHeaders(static_cast<int>(i));
    const std::size_t keys = headers.size() - spec.columns.size();
    for (std::size_t k = 0; k < keys; ++k)
      out += "| " + headers[k] + " | id | — | " +
             (headers[k] == "Nr" ? std::string("1, 2, … per ST-läkare; rows on child sheets refer to it")
                                 : "the parent row's Id (or Nr)") + " |\n";
    for (const ColumnSpec& c : spec.columns) {
      std::string note = c.note;
      if (c.type == ColumnType::kChoice) {
        std::string list;
        for (const std::string& shown : ShownChoices(c)) list += (list.empty() ? "" : ", ") + shown;
        note += (note.empty() ? "" : "; ") + std::string("one of: ") + list;
      }
      out += "| " + c.header + " | " + kinds.at(c.type) + " | `" + c.path + "` | " + note + " |\n";
    }
    out += "\n";
  }
  return out;
}

std::string ShownChoice(const ColumnSpec& column, const std::string& value) {
  for (const auto& [shown, stored] : Choices(column))
    if (stored == value) return shown;
  return value;
}

std::string ChoiceValue(const ColumnSpec& column, const std::string& typed) {
  const std::string folded = Fold(typed);
  for (const auto& [shown, stored] : Choices(column))
    if (Fold(shown) == folded || Fold(stored) == folded) return stored;
  return "";
}

std::vector<std::string> ShownChoices(const ColumnSpec& column) {
  std::vector<std::string> shown;
  for (const auto& choice : Choices(column)) shown.push_back(choice.first);
  return shown;
}

std::vector<std::string> SplitPath(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

}  // namespace stdok
