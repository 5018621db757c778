// stdok command line: flags -> library calls (app/). Exit codes: 0 ok, 1 some records or
// documents failed, 2 usage or I/O error.
#include <malloc.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>

#include "app/bench_job.h"
#include "app/catalog.h"
#include "app/check_job.h"
#include "app/render_job.h"
#include "app/status_job.h"
#include "core/date.h"

namespace {

using namespace stdok;

// Where templates/ and fonts/ live: $STDOK_DATA_DIR, else beside the binary's parent
// (build/stdok -> ./), else the source tree the binary was built from.
std::string DataDir() {
  if (const char* env = std::getenv("STDOK_DATA_DIR")) return env;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (auto dir : {exe.parent_path().parent_path(), exe.parent_path().parent_path() / "share/stdok"})
      if (std::filesystem::is_directory(dir / "templates") && std::filesystem::is_directory(dir / "fonts"))
        return dir.string();
  }
  return STDOK_SOURCE_DIR;
}

std::optional<std::time_t> SourceDateEpoch() {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (!env || !*env) return std::nullopt;
  char* end = nullptr;
  long long value = std::strtoll(env, &end, 10);
  if (*end != '\0' || value < 0) return std::nullopt;
  return static_cast<std::time_t>(value);
}

Date DateOf(std::time_t t) {
  std::tm local{};
  localtime_r(&t, &local);
  return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

void PrintDiagnostics(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics) std::cerr << d.ToString() << "\n";
}

}  // namespace

int main(int argc, char** argv) {
  // Each document allocates and frees a few large buffers; keep them in the heap instead of
  // mapping and unmapping them every time (measured: ~10 % of render time in page faults).
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  CLI::App app{"stdok: contracts and certificates for Swedish BT/ST training, as signing-ready PDFs"};
  app.set_version_flag("--version", std::string("stdok ") + STDOK_VERSION);
  app.require_subcommand(1);
  std::string data_dir = DataDir();

  RenderOptions render;
  render.templates_dir = data_dir + "/templates";
  render.fonts_dir = data_dir + "/fonts";
  render.forms_dir = data_dir + "/forms";
  render.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::string pack = "all";
  std::string as_of;
  auto* render_cmd = app.add_subcommand("render", "Write the PDFs for every trainee in a records file");
  render_cmd->add_option("records", render.input, "Records file (XML)")->required();
  render_cmd->add_option("-o,--output", render.output_dir, "Output folder")->required();
  render_cmd->add_option("--doc", render.doc_ids, "Only these document ids (see `stdok docs`)");
  render_cmd->add_option("--trainee", render.trainee_ids, "Only these trainee ids");
  render_cmd->add_option("--pack", pack, "all, contracts or certificates")
      ->check(CLI::IsMember({"all", "contracts", "certificates"}));
  render_cmd->add_option("--templates", render.templates_dir, "Templates folder (a region's own set)");
  render_cmd->add_option("--forms", render.forms_dir, "Socialstyrelsen's forms folder");
  render_cmd->add_option("--fonts", render.fonts_dir, "Fonts folder");
  render_cmd->add_option("-j,--jobs", render.jobs, "Documents rendered in parallel")->check(CLI::Range(1, 256));
  render_cmd->add_option("--as-of", as_of, "Date the rules use as today (ÅÅÅÅ-MM-DD)");
  render_cmd->add_flag("-q,--quiet", render.quiet, "No progress or summary");
  render_cmd->add_flag("--drafts", render.drafts,
                       "Also make certificates and applications that are not yet true as of the date, "
                       "marked 'UTKAST – ej för underskrift'");
  render_cmd->add_flag("--print-pack", render.print_pack,
                       "Also one combined PDF per document type, by family name (OUT/utskriftspaket/)");
  bool pdfa = false, no_pdfa = false, sign = false, no_sign = false;
  render_cmd->add_flag("--pdfa", pdfa, "PDF/A-1b for every document (default: contracts only)");
  render_cmd->add_flag("--no-pdfa", no_pdfa, "No PDF/A for any document");
  render_cmd->add_flag("--sign-fields", sign, "Signature fields in every document (default: contracts only)");
  render_cmd->add_flag("--no-sign-fields", no_sign, "No signature fields in any document");
  render_cmd->add_option("--icc", render.icc_profile_path, "sRGB ICC profile for PDF/A");

  CheckOptions check;
  check.templates_dir = data_dir + "/templates";
  std::string format = "text";
  auto* check_cmd = app.add_subcommand("check", "Check records against the rules; no PDFs");
  check_cmd->add_option("records", check.input, "Records file (XML)")->required();
  check_cmd->add_option("--trainee", check.trainee_ids, "Only these trainee ids");
  check_cmd->add_option("--format", format, "text or json")->check(CLI::IsMember({"text", "json"}));
  check_cmd->add_option("--as-of", as_of, "Date the rules use as today (ÅÅÅÅ-MM-DD)");
  check_cmd->add_option("--templates", check.templates_dir, "Templates folder (for region profiles)");

  StatusOptions status;
  status.templates_dir = data_dir + "/templates";
  std::string status_format = "text";
  auto* status_cmd = app.add_subcommand("status", "The studierektor's overview: one line per trainee, most at risk first");
  status_cmd->add_option("records", status.input, "Records file (XML)")->required();
  status_cmd->add_option("--trainee", status.trainee_ids, "Only these trainee ids");
  status_cmd->add_option("--format", status_format, "text or json")->check(CLI::IsMember({"text", "json"}));
  status_cmd->add_option("--as-of", as_of, "Date the rules use as today (ÅÅÅÅ-MM-DD)");
  status_cmd->add_option("--templates", status.templates_dir, "Templates folder (for region profiles)");

  RenderOptions bench = render;
  int bench_repeat = 1;
  auto* bench_cmd = app.add_subcommand("bench", "Time the pipeline against the PDF writer alone (no files written)");
  bench_cmd->add_option("records", bench.input, "Records file (XML)")->required();
  bench_cmd->add_option("--doc", bench.doc_ids, "Only these document ids");
  bench_cmd->add_option("--repeat", bench_repeat, "Run the whole set this many times")->check(CLI::Range(1, 1000));

  std::string docs_templates = data_dir + "/templates";
  std::string docs_forms = data_dir + "/forms";
  auto* docs_cmd = app.add_subcommand("docs", "List the document types: id, title, regulation, source file");
  docs_cmd->add_option("--templates", docs_templates, "Templates folder");
  docs_cmd->add_option("--forms", docs_forms, "Socialstyrelsen's forms folder");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  auto epoch = SourceDateEpoch();
  Date today = DateOf(epoch ? *epoch : std::time(nullptr));
  if (!as_of.empty()) {
    auto parsed = ParseIsoDate(as_of);
    if (!parsed) {
      std::cerr << "stdok: --as-of '" << as_of << "' is not a date (ÅÅÅÅ-MM-DD)\n";
      return 2;
    }
    today = *parsed;
  }
  DiskFileSystem fs;

  if (*render_cmd) {
    render.today = today;
    render.creation_time = epoch;
    if (pdfa || no_pdfa) render.pdfa = pdfa && !no_pdfa;
    if (sign || no_sign) render.signature_fields = sign && !no_sign;
    render.pack = pack == "contracts" ? Pack::kContracts : pack == "certificates" ? Pack::kCertificates : Pack::kAll;
    if (!render.quiet && isatty(STDERR_FILENO)) {
      auto started = std::chrono::steady_clock::now();
      render.on_progress = [started](size_t done, size_t total) {
        double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (done != total && done % 25 != 0) return;
        double rate = elapsed > 0 ? done / elapsed : 0;
        double left = rate > 0 ? (total - done) / rate : 0;
        std::fprintf(stderr, "\r%zu/%zu documents, %.0f docs/s, %.0f s left   ", done, total, rate, left);
        if (done == total) std::fprintf(stderr, "\n");
      };
    }
    Diagnostics diagnostics;
    RenderSummary summary = RunRender(render, &fs, &diagnostics);
    PrintDiagnostics(diagnostics);
    if (!render.quiet) {
      std::cerr << "stdok: " << summary.written << " documents written to " << render.output_dir << "/";
      if (summary.drafts) std::cerr << " (" << summary.drafts << " drafts)";
      if (summary.failed) std::cerr << ", " << summary.failed << " failed";
      if (summary.held_back)
        std::cerr << ", " << summary.held_back << " held back (not true as of " << FormatIso(render.today)
                  << "; see the manifest, --drafts makes them)";
      if (summary.trainees_with_errors)
        std::cerr << ", " << summary.trainees_with_errors << " trainees with errors (run stdok check)";
      std::cerr << "; manifest: " << render.output_dir << "/manifest.json\n";
    }
    return ExitCode(summary);
  }
  if (*bench_cmd) {
    bench.today = today;
    bench.creation_time = epoch;
    Diagnostics diagnostics;
    BenchFigures f;
    if (!RunBench(bench, bench_repeat, &fs, &f, &diagnostics)) {
      PrintDiagnostics(diagnostics);
      return 2;
    }
    double pipeline_rate = f.documents / f.pipeline_seconds, writer_rate = f.documents / f.writer_seconds;
    std::printf("documents %zu\npipeline_docs_per_s %.1f\nwriter_only_docs_per_s %.1f\n"
                "pipeline_cost_over_writer_pct %.1f\nmean_kib_per_doc %.2f\n",
                f.documents, pipeline_rate, writer_rate,
                100.0 * (f.pipeline_seconds - f.writer_seconds) / f.writer_seconds, f.mean_bytes / 1024.0);
    return 0;
  }
  if (*check_cmd) {
    check.today = today;
    CheckReport report = RunCheck(check, &fs);
    std::cout << (format == "json" ? FormatCheckJson(report) : FormatCheckText(report));
    return CheckExitCode(report);
  }
  if (*status_cmd) {
    status.as_of = today;
    StatusReport report = RunStatus(status, &fs);
    PrintDiagnostics(report.diagnostics);
    std::cout << (status_format == "json" ? FormatStatusJson(report.trainees, report.as_of)
                                          : FormatStatusText(report.trainees, report.as_of, report.region_name));
    return StatusExitCode(report);
  }
  if (*docs_cmd) {
    Catalog catalog;
    Diagnostics diagnostics;
    if (!LoadCatalog(docs_templates, &fs, &catalog, &diagnostics) ||
        !LoadForms(docs_forms, &fs, &catalog, &diagnostics)) {
      PrintDiagnostics(diagnostics);
      return 2;
    }
    PrintDiagnostics(diagnostics);
    std::cout << "id\tvariant\ttitle\tregulation\tsource\tfile\n";
    for (const Template& t : catalog.templates) {
      std::cout << t.id << "\t" << (t.variant.empty() ? "-" : t.variant) << "\t" << t.title << "\t"
                << (t.regulation.empty() ? "båda" : t.regulation) << "\t" << t.source << "\t"
                << std::filesystem::path(t.path).filename().string() << "\n";
    }
    for (const FormDefinition& f : catalog.forms) {
      std::cout << f.id << "\t-\t" << f.title << "\t" << f.regulation << "\t" << f.source << "\t"
                << std::filesystem::path(f.path).filename().string() << "\n";
    }
    return diagnostics.empty() ? 0 : 1;
  }
  return 2;
}
