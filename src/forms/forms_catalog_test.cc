// Every form under forms/: loads cleanly and prints every line of the official form.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "app/font_set.h"
#include "forms/form.h"
#include "forms/form_filler.h"
#include "output/file_system.h"

namespace stdok {
namespace {

struct LoadedForm {
  std::string file;
  FormDefinition form;
};

std::vector<LoadedForm> LoadAll(Diagnostics* d) {
  std::vector<LoadedForm> out;
  for (const auto& entry : std::filesystem::directory_iterator(STDOK_SOURCE_DIR "/forms")) {
    if (entry.path().extension() != ".xml") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    LoadedForm f;
    f.file = entry.path().filename().string();
    LoadForm(entry.path().string(), text.str(), &f.form, d);
    out.push_back(std::move(f));
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.file < b.file; });
  return out;
}

// The page's printed lines: runs on one baseline, in x order; touching runs join directly,
// others with a space.
std::vector<std::string> Lines(const Page& page, const TextMeasurer& m) {
  std::map<long, std::vector<const TextRun*>> by_baseline;
  for (const TextRun& run : page.texts) by_baseline[std::lround(run.baseline * 10)].push_back(&run);
  std::vector<std::string> lines;
  for (auto& [key, runs] : by_baseline) {
    std::sort(runs.begin(), runs.end(), [](auto* a, auto* b) { return a->x < b->x; });
    std::string line;
    double end = -1;
    for (const TextRun* run : runs) {
      if (!line.empty() && run->x - end > 0.5) line += ' ';
      line += run->text;
      end = run->x + m.Width(run->text, run->face, run->size);
    }
    lines.push_back(line);
  }
  return lines;
}

const FontSet& Fonts() {
  static FontSet* fonts = [] {
    auto* f = new FontSet;
    DiskFileSystem fs;
    std::string error;
    EXPECT_TRUE(f->Load(STDOK_SOURCE_DIR "/fonts", &fs, &error)) << error;
    return f;
  }();
  return *fonts;
}

TEST(FormsCatalog, TwentyTwoFormsLoadWithoutDiagnostics) {
  Diagnostics d;
  std::vector<LoadedForm> forms = LoadAll(&d);
  for (const Diagnostic& x : d) ADD_FAILURE() << x.ToString();
  ASSERT_EQ(forms.size(), 22u);
  std::set<std::string> ids;
  for (const LoadedForm& f : forms) {
    EXPECT_TRUE(ids.insert(f.form.id).second) << f.form.id;
    EXPECT_FALSE(f.form.official.empty()) << f.file;
    EXPECT_FALSE(f.form.group.empty()) << f.file;
    std::string prefix = f.form.regulation == "HSLF-FS 2021:8" ? "hslf-fs-2021-8-bilaga-"
                                                               : "sosfs-2015-8-bilaga-";
    EXPECT_EQ(f.file, prefix + f.form.annex + ".xml");
  }
}

TEST(FormsCatalog, EveryOfficialLineIsPrinted) {
  Diagnostics d;
  std::vector<LoadedForm> forms = LoadAll(&d);
  ASSERT_FALSE(forms.empty());
  Value root(ValueMap{});
  Scope scope(&root);
  for (const LoadedForm& f : forms) {
    Diagnostics fill;
    LaidOutDocument doc = FillForm(f.form, scope, Fonts(), &fill);
    for (const Diagnostic& x : fill) ADD_FAILURE() << x.ToString();
    ASSERT_EQ(doc.pages.size(), f.form.pages.size()) << f.file;
    std::vector<std::vector<std::string>> lines;
    for (const Page& page : doc.pages) lines.push_back(Lines(page, Fonts()));
    for (const OfficialLine& official : f.form.official) {
      const auto& page = lines[official.page];
      bool found = std::any_of(page.begin(), page.end(), [&](const std::string& line) {
        return line.find(official.text) != std::string::npos;
      });
      EXPECT_TRUE(found) << f.file << " page " << official.page + 1 << ": " << official.text;
    }
  }
}

// A record with every name the forms use, accents on capitals included.
Value FullRoot() {
  Value person(ValueMap{{"name", "Karin Lindqvist"}, {"given", "Karin"}, {"family", "Lindqvist"},
                        {"specialty", "Internmedicin"}, {"workplace", "Medicinkliniken"},
                        {"personnummer", "19700101-1234"}});
  Value period(ValueMap{{"start", Date{2024, 9, 1}}, {"end", Date{2025, 2, 28}}});
  Value placement(ValueMap{{"unit", Value(ValueMap{{"name", "Vårdcentralen Skönsberg"}})},
                           {"period", period}, {"rate", 75}, {"months", 4.5},
                           {"kind", "primärvård"}, {"bt", true}, {"supervisor", person}});
  ValueList service{placement, placement};
  Value trainee(ValueMap{
      {"name", "Anna Öberg"}, {"given", "Anna"}, {"family", "Öberg"},
      {"personnummer", "19900101-2389"}, {"degree_date", Date{2016, 6, 10}},
      {"programme", Value(ValueMap{{"specialty", "Allmänmedicin"}, {"is_bt", true}, {"is_st", true}})},
      {"huvudhandledare", person}, {"verksamhetschef", person}, {"studierektor", person},
      {"placements", Value(service)}, {"clinical_service", Value(service)},
      {"licences", Value(ValueList{Value(ValueMap{{"country", "Sverige"}, {"date", Date{2018, 1, 15}}})})}});
  Value item(ValueMap{{"unit", Value(ValueMap{{"name", "Medicinkliniken"}})}, {"period", period},
                      {"delmal", Value(ValueList{"STa1", "STc3"})}, {"codes", Value(ValueList{"BT1"})},
                      {"description", "Handläggning av akuta patienter."}, {"supervisor", person},
                      {"leader", person}, {"signer", person}, {"signer_role", "handledare"},
                      {"subject", "Kardiologi"}, {"activities", "Årlig placering. Övning."},
                      {"verification", "Mini-CEX. Återkoppling."},
                      {"bt", true}, {"done", true}});
  return Value(ValueMap{{"trainee", trainee}, {"item", item}, {"attachment", "3"},
                        {"attachments", Value(ValueMap{{"kurser", "7, 8"}})}});
}

TEST(FormsCatalog, FillWithARecordWithoutMistakes) {
  Diagnostics d;
  std::vector<LoadedForm> forms = LoadAll(&d);
  Value root = FullRoot();
  Scope scope(&root);
  for (const LoadedForm& f : forms) {
    Diagnostics fill;
    EXPECT_TRUE(FormApplies(f.form, scope, &fill) || f.form.id.find("bilaga-13") != std::string::npos ||
                f.form.id.find("bilaga-8") != std::string::npos || f.form.id.find("2021-bilaga-9") != std::string::npos)
        << f.file;
    LaidOutDocument doc = FillForm(f.form, scope, Fonts(), &fill);
    for (const Diagnostic& x : fill) ADD_FAILURE() << x.ToString();
    EXPECT_EQ(doc.pages.size(), f.form.pages.size()) << f.file;
  }
}

// Task: in every box of every form, a value sits clear of the box's borders and below every
// line of the label (labels of two and three lines included), accents and descenders counted
// with the font's ascender and descender.
TEST(FormsCatalog, ValuesSitClearOfBordersAndLabels) {
  Diagnostics d;
  std::vector<LoadedForm> forms = LoadAll(&d);
  Value root = FullRoot(), empty(ValueMap{});
  Scope scope(&root), no_values(&empty);
  const double ascent = 0.905, descent = 0.212, eps = 0.01;
  int values = 0, under_long_labels = 0;
  auto key = [](const TextRun& run) {
    return run.text + "@" + std::to_string(std::lround(run.x * 10)) + "," +
           std::to_string(std::lround(run.baseline * 10));
  };
  for (const LoadedForm& f : forms) {
    Diagnostics fill;
    LaidOutDocument doc = FillForm(f.form, scope, Fonts(), &fill);
    LaidOutDocument bare = FillForm(f.form, no_values, Fonts(), &fill);  // labels, no values
    for (size_t p = 0; p < f.form.pages.size() && p < doc.pages.size(); ++p) {
      std::set<std::string> printed_anyway;
      for (const TextRun& run : bare.pages[p].texts) printed_anyway.insert(key(run));
      for (const FormBox& box : f.form.pages[p].boxes) {
        const FormRect& r = box.rect;
        auto inside = [&](const TextRun& run) {
          return run.x >= r.x0 && run.x < r.x1 && run.baseline > r.y0 && run.baseline < r.y1;
        };
        double label_bottom = r.y1;
        for (const TextRun& run : bare.pages[p].texts)  // the label's lines (and hint)
          if (inside(run) && !box.label.empty() && run.size == box.label_size)
            label_bottom = std::min(label_bottom, run.baseline - descent * run.size);
        for (const TextRun& run : doc.pages[p].texts) {
          if (!inside(run) || printed_anyway.count(key(run))) continue;
          ++values;
          under_long_labels += box.label.size() >= 2;
          const std::string where = f.file + " page " + std::to_string(p + 1) + ": '" + run.text + "'";
          const double width = Fonts().Width(run.text, run.face, run.size);
          EXPECT_GE(run.x, r.x0 + 2.5 - eps) << where;
          EXPECT_LE(run.x + width, r.x1 - 2.5 + eps) << where;
          EXPECT_GE(run.baseline - descent * run.size, r.y0 + 2 - eps) << where;
          EXPECT_LE(run.baseline + ascent * run.size, label_bottom - 2 + eps) << where << " touches the label";
          EXPECT_LE(run.baseline + ascent * run.size, r.y1 - 2 + eps) << where;
        }
      }
    }
  }
  EXPECT_GT(values, 100);
  EXPECT_GE(under_long_labels, 5);
}

}  // namespace
}  // namespace stdok
