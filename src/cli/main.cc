// stdok command line: flags -> library calls (app/), whose own functions format every report.
// Exit codes: 0 ok, 1 some records or documents failed, 2 usage or I/O error (README).
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>

#include "app/bench_job.h"
#include "app/check_job.h"
#include "app/docs_job.h"
#include "app/import_job.h"
#include "app/manifest_merge.h"
#include "app/workbook_input.h"
#include "app/render_job.h"
#include "app/status_job.h"
#include "app/status_workbook.h"
#include "core/date.h"
#include "serve/serve_job.h"

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

void AddAsOf(CLI::App* cmd, std::string* as_of) {
  cmd->add_option("--as-of", *as_of, "Date the rules use as today (ÅÅÅÅ-MM-DD)");
}

// What `check` and `status` share: one records file, read as of a date, reported as text or
// JSON. `Options` is CheckOptions or StatusOptions.
template <class Options>
CLI::App* AddReportCommand(CLI::App* app, const char* name, const char* description,
                           const std::string& data_dir, Options* options, std::string* format,
                           std::string* as_of) {
  options->templates_dir = data_dir + "/templates";
  auto* cmd = app->add_subcommand(name, description);
  cmd->add_option("records", options->input, "Records file (XML), or a workbook (.xlsx, .csv, folder of .csv)")->required();
  cmd->add_option("--trainee", options->trainee_ids, "Only these trainee ids");
  cmd->add_option("--format", *format, "text or json")->check(CLI::IsMember({"text", "json"}));
  AddAsOf(cmd, as_of);
  cmd->add_option("--templates", options->templates_dir, "Templates folder (for region profiles)");
  return cmd;
}

// `render` flags that are not fields of RenderOptions themselves.
struct RenderFlags {
  std::string pack = "all";
  std::string shard;  // "K/N"
  bool pdfa = false, no_pdfa = false, sign = false, no_sign = false;
};

CLI::App* AddRenderCommand(CLI::App* app, RenderOptions* render, RenderFlags* flags, std::string* as_of) {
  auto* cmd = app->add_subcommand("render", "Write the PDFs for every trainee in a records file");
  cmd->add_option("records", render->input, "Records file (XML)")->required();
  cmd->add_option("-o,--output", render->output_dir, "Output folder")->required();
  cmd->add_option("--doc", render->doc_ids, "Only these document ids (see `stdok docs`)");
  cmd->add_option("--trainee", render->trainee_ids, "Only these trainee ids");
  cmd->add_option("--pack", flags->pack, "all, contracts or certificates")
      ->check(CLI::IsMember({"all", "contracts", "certificates"}));
  cmd->add_option("--templates", render->templates_dir, "Templates folder (a region's own set)");
  cmd->add_option("--forms", render->forms_dir, "Socialstyrelsen's forms folder");
  cmd->add_option("--fonts", render->fonts_dir, "Fonts folder");
  cmd->add_option("-j,--jobs", render->jobs, "Documents rendered in parallel")->check(CLI::Range(1, 256));
  AddAsOf(cmd, as_of);
  cmd->add_flag("-q,--quiet", render->quiet,
                "No progress or summary; warnings and infos counted by rule id (errors in full)");
  cmd->add_flag("-v,--verbose", render->verbose, "Every diagnostic in full, even with --quiet");
  cmd->add_flag("--drafts", render->drafts,
                "Also make certificates and applications that are not yet true as of the date, "
                "marked 'UTKAST – ej för underskrift'");
  cmd->add_flag("--print-pack", render->print_pack,
                "Also one combined PDF per document type, by family name (OUT/utskriftspaket/)");
  cmd->add_flag("--pdfa", flags->pdfa, "PDF/A-1b for every document (default: contracts only)");
  cmd->add_flag("--no-pdfa", flags->no_pdfa, "No PDF/A for any document");
  cmd->add_flag("--sign-fields", flags->sign, "Signature fields in every document (default: contracts only)");
  cmd->add_flag("--no-sign-fields", flags->no_sign, "No signature fields in any document");
  cmd->add_option("--icc", render->icc_profile_path, "sRGB ICC profile for PDF/A");
  cmd->add_option("--shard", flags->shard,
                  "K/N: only the K-th of N parts of the trainees, for a run split across machines "
                  "(joined by `stdok manifest merge`)")
      ->check(CLI::Validator(
          [](std::string& value) -> std::string {
            int k = 0, n = 0;
            char slash = 0, extra = 0;
            if (std::sscanf(value.c_str(), "%d%c%d%c", &k, &slash, &n, &extra) != 3 || slash != '/' || n < 1 ||
                n > 100000 || k < 1 || k > n)
              return "--shard must be K/N with 1 <= K <= N (e.g. 2/4), not '" + value + "'";
            return "";
          },
          "K/N"))
      ->excludes("--print-pack");
  return cmd;
}

// Flags -> RenderOptions, after parsing.
void ApplyRenderFlags(const RenderFlags& flags, RenderOptions* render) {
  if (flags.pdfa || flags.no_pdfa) render->pdfa = flags.pdfa && !flags.no_pdfa;
  if (flags.sign || flags.no_sign) render->signature_fields = flags.sign && !flags.no_sign;
  if (!flags.shard.empty()) std::sscanf(flags.shard.c_str(), "%d/%d", &render->shard_index, &render->shard_count);
  render->pack = flags.pack == "contracts"      ? Pack::kContracts
                 : flags.pack == "certificates" ? Pack::kCertificates
                                                : Pack::kAll;
}

// On a terminal: records done/total, records/s and time left on one line of stderr.
std::function<void(size_t, size_t)> ProgressLine() {
  auto started = std::chrono::steady_clock::now();
  return [started](size_t done, size_t total) {
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (done != total && done % 25 != 0) return;
    double rate = elapsed > 0 ? done / elapsed : 0;
    double left = rate > 0 ? (total - done) / rate : 0;
    std::fprintf(stderr, "\r%zu/%zu records, %.0f records/s, %.0f s left   ", done, total, rate, left);
    if (done == total) std::fprintf(stderr, "\n");
  };
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
  const std::string data_dir = DataDir();
  std::string as_of;

  RenderOptions render;
  render.templates_dir = data_dir + "/templates";
  render.fonts_dir = data_dir + "/fonts";
  render.forms_dir = data_dir + "/forms";
  render.icc_profile_path = data_dir + "/color/srgb-v2-compact.icc";  // scripts/make-srgb-icc.py
  render.jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  RenderFlags render_flags;
  auto* render_cmd = AddRenderCommand(&app, &render, &render_flags, &as_of);

  CheckOptions check;
  std::string check_format = "text";
  auto* check_cmd = AddReportCommand(&app, "check", "Check records against the rules; no PDFs", data_dir,
                                     &check, &check_format, &as_of);
  StatusOptions status;
  std::string status_format = "text";
  auto* status_cmd = AddReportCommand(&app, "status",
                                      "The studierektor's overview: one line per trainee, most at risk first",
                                      data_dir, &status, &status_format, &as_of);

  std::string status_output;  // --format xlsx writes the overview here
  status_cmd->remove_option(status_cmd->get_option("--format"));  // status also writes a workbook
  status_cmd->add_option("--format", status_format, "text, json or xlsx (with -o)")
      ->check(CLI::IsMember({"text", "json", "xlsx"}));
  status_cmd->add_option("-o,--output", status_output, "With --format xlsx: the workbook to write");

  RenderOptions bench = render;
  int bench_repeat = 1;
  auto* bench_cmd = app.add_subcommand("bench", "Time the pipeline against the PDF writer alone (no files written)");
  bench_cmd->add_option("records", bench.input, "Records file (XML)")->required();
  bench_cmd->add_option("--doc", bench.doc_ids, "Only these document ids");
  bench_cmd->add_option("--repeat", bench_repeat, "Run the whole set this many times")->check(CLI::Range(1, 1000));

  std::string docs_templates = data_dir + "/templates";
  std::string docs_forms = data_dir + "/forms";
  auto* manifest_cmd = app.add_subcommand("manifest", "Work with render's manifests");
  manifest_cmd->require_subcommand(1);
  ManifestMergeOptions merge_options;
  auto* merge_cmd = manifest_cmd->add_subcommand(
      "merge", "Join the parts of a split run (render --shard K/N): check, copy into OUT, one manifest");
  merge_cmd->add_option("parts", merge_options.parts, "The parts' output folders, each with its manifest.json")
      ->required();
  merge_cmd->add_option("-o,--output", merge_options.output_dir, "Folder for every document and the merged manifest")
      ->required();
  auto* docs_cmd = app.add_subcommand("docs", "List the document types: id, title, regulation, source file");
  docs_cmd->add_option("--templates", docs_templates, "Templates folder");
  docs_cmd->add_option("--forms", docs_forms, "Socialstyrelsen's forms folder");

  ImportOptions import_options;
  auto* import_cmd = app.add_subcommand("import", "Convert a workbook (.xlsx, .csv or a folder of .csv) to a records file");
  import_cmd->add_option("workbook", import_options.input, "Workbook (docs/workbook.md)")->required();
  import_cmd->add_option("-o,--output", import_options.output, "Records file to write (XML)")->required();
  ExportJobOptions export_options;
  auto* export_cmd = app.add_subcommand("export", "Write a records file as a workbook (.xlsx), or the empty template");
  export_cmd->add_option("records", export_options.input, "Records file (XML)");
  export_cmd->add_option("-o,--output", export_options.output, "Workbook to write (.xlsx)")->required();
  export_cmd->add_flag("--empty", export_options.empty, "Every sheet and column, no rows: the template to fill in");

  ServeOptions serve;
  std::string serve_new;
  auto* serve_cmd = app.add_subcommand("serve", "The web app: edit a records file, see findings and documents, in the browser");
  serve_cmd->add_option("records", serve.records_path, "Records file (XML) to edit; none: a new one (--new)");
  serve_cmd->add_option("--new", serve_new, "Where a new records file is saved (default: stdok-records.xml here)");
  serve_cmd->add_option("--port", serve.port, "Port (0: any free port)")->check(CLI::Range(0, 65535));
  serve_cmd->add_option("--templates", render.templates_dir, "Templates folder (a region's own set)");
  serve_cmd->add_option("--listen", serve.listen,
                        "Address to listen on (default 127.0.0.1: this computer only)");
  AddAsOf(serve_cmd, &as_of);

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
    ApplyRenderFlags(render_flags, &render);
    if (!render.quiet && isatty(STDERR_FILENO)) render.on_progress = ProgressLine();
    Diagnostics diagnostics;
    // A workbook is converted first and read under its own name; trainees whose rows have
    // errors are left out, as the records reader's errors leave them out.
    ImportedRecords workbook;
    if (IsWorkbookInput(render.input) && !ReadWorkbookInput(render.input, &fs, &workbook, &diagnostics)) {
      PrintDiagnostics(diagnostics);
      return 2;
    }
    OverlayFileSystem workbook_fs(&fs, render.input, workbook.xml);
    if (!workbook.workbook_path.empty())
      if (const auto stopped = TraineesWithErrors(diagnostics); !stopped.empty())
        render.trainee_ids = TraineesWithout(workbook.xml, render.trainee_ids, stopped);
    RenderSummary summary = RunRender(render, workbook.workbook_path.empty() ? static_cast<FileSystem*>(&fs) : &workbook_fs, &diagnostics);
    LocateInWorkbook(workbook, render.input, &diagnostics);
    std::cerr << FormatRenderDiagnostics(diagnostics, render.quiet, render.verbose, summary.counted);
    if (!render.quiet) std::cerr << FormatRenderSummary(summary, render.output_dir, render.today);
    return ExitCode(summary);
  }
  if (*bench_cmd) {
    bench.today = today;
    bench.creation_time = epoch;
    Diagnostics diagnostics;
    BenchFigures figures;
    if (!RunBench(bench, bench_repeat, &fs, &figures, &diagnostics)) {
      PrintDiagnostics(diagnostics);
      return 2;
    }
    std::cout << FormatBenchFigures(figures);
    return 0;
  }
  if (*check_cmd) {
    check.today = today;
    CheckReport report = RunCheck(check, &fs);
    std::cout << (check_format == "json" ? FormatCheckJson(report) : FormatCheckText(report));
    return CheckExitCode(report);
  }
  if (*status_cmd) {
    status.as_of = today;
    StatusReport report = RunStatus(status, &fs);
    PrintDiagnostics(report.diagnostics);
    if (status_format == "xlsx") {
      std::string error;
      if (status_output.empty() || report.io_error ||
          !WriteStatusWorkbook(report.trainees, report.as_of, status_output, &fs, &error)) {
        if (!report.io_error) std::cerr << "stdok status: " << (status_output.empty() ? "--format xlsx needs -o FILE.xlsx" : error) << "\n";
        return 2;
      }
      return StatusExitCode(report);
    }
    std::cout << (status_format == "json" ? FormatStatusJson(report.trainees, report.as_of)
                                          : FormatStatusText(report.trainees, report.as_of, report.region_name));
    return StatusExitCode(report);
  }
  if (*import_cmd) {
    import_options.today = today;
    Diagnostics diagnostics;
    const int code = RunImport(import_options, &fs, &diagnostics);
    PrintDiagnostics(diagnostics);
    return code;
  }
  if (*export_cmd) {
    if (export_options.input.empty() != export_options.empty) {
      std::cerr << "stdok export: give a records file, or --empty for the template\n";
      return 2;
    }
    export_options.today = today;
    Diagnostics diagnostics;
    const int code = RunExport(export_options, &fs, &diagnostics);
    PrintDiagnostics(diagnostics);
    return code;
  }
  if (*merge_cmd) {
    Diagnostics diagnostics;
    const ManifestMergeSummary summary = RunManifestMerge(merge_options, &fs, &diagnostics);
    PrintDiagnostics(diagnostics);
    std::cerr << FormatManifestMergeSummary(summary, merge_options.output_dir);
    return ManifestMergeExitCode(summary);
  }
  if (*serve_cmd) {
    if (!serve.records_path.empty() && !serve_new.empty()) {
      std::cerr << "stdok serve: give a records file or --new PATH, not both\n";
      return 2;
    }
    if (serve.records_path.empty()) {
      serve.records_path = serve_new.empty() ? "stdok-records.xml" : serve_new;
      if (std::filesystem::exists(serve.records_path)) {
        std::cerr << "stdok serve: " << serve.records_path << " already exists; open it with stdok serve "
                  << serve.records_path << "\n";
        return 2;
      }
    } else if (!std::filesystem::is_regular_file(serve.records_path)) {
      std::cerr << "stdok serve: " << serve.records_path << ": no such file (without a file, a new one is made)\n";
      return 2;
    }
    // A long-running server: give freed memory back (not render's batch settings above), and
    // keep the pool's threads to a few malloc arenas.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    mallopt(M_TRIM_THRESHOLD, 4 << 20);
    mallopt(M_ARENA_MAX, 2);
    render.today = today;
    render.creation_time = epoch;
    serve.render = render;
    return RunServe(serve, std::cout, std::cerr);
  }
  if (*docs_cmd) {
    DocsReport report = RunDocs(docs_templates, docs_forms, &fs);
    PrintDiagnostics(report.diagnostics);
    if (!report.io_error) std::cout << FormatDocsTable(report.catalog);
    return DocsExitCode(report);
  }
  return 2;
}
