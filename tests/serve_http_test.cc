// `stdok serve`'s HTTP handlers, in process, with httplib's client (no browser): status codes,
// the Host, Origin and token checks, limits, save with its version, check, documents.
#include <gtest/gtest.h>
#include <zip.h>

#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>

#include "serve/web_server.h"
#include "serve_testing.h"
#include "test_support.h"

namespace stdok::testing::serve_http_test {
namespace {

using Json = nlohmann::ordered_json;

class ServeHttp : public ::testing::Test {
 protected:
  ServeHttp() : dir_(MakeTempDir()), path_(dir_ + "/st-stefan-balan.xml") {
    WriteText(path_, ReadText(SourceDir() + "/samples/st-stefan-balan.xml"));
    serve_ = std::make_unique<ServeFixture>(path_);
  }

  Json GetJson(const std::string& path, int expected_status = 200) {
    auto client = serve_->Client();
    auto res = client.Get(path);
    EXPECT_TRUE(res) << path;
    if (!res) return {};
    EXPECT_EQ(res->status, expected_status) << path << ": " << res->body;
    return Json::parse(res->body);
  }
  httplib::Result Post(const std::string& path, const Json& body) {
    return serve_->Client().Post(path, body.dump(), "application/json");
  }
  Json Records() { return GetJson("/api/records"); }

  std::string dir_, path_;
  std::unique_ptr<ServeFixture> serve_;
};

TEST_F(ServeHttp, SessionDescribesTheFile) {
  const Json session = GetJson("/api/session");
  EXPECT_EQ(session["file"], "st-stefan-balan.xml");
  EXPECT_EQ(session["version"].get<std::string>().size(), 64u);
  EXPECT_EQ(session["as_of"], "2026-12-05");
  EXPECT_EQ(session["kind"], "trainee");
  ASSERT_EQ(session["trainees"].size(), 1u);
  EXPECT_EQ(session["trainees"][0]["id"], "ST-IM-2023-03");
  EXPECT_EQ(session["trainees"][0]["name"], "Ștefan Bălan");
}

TEST_F(ServeHttp, ApiWithoutTokenIs403) {
  httplib::Client client("127.0.0.1", serve_->port());
  auto res = client.Get("/api/session");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_TRUE(Json::parse(res->body).contains("error"));
  res = client.Post("/api/check", "{}", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
}

TEST_F(ServeHttp, ForeignHostIs421) {
  auto res = serve_->Client().Get("/", {{"Host", "evil.example:" + std::to_string(serve_->port())}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 421);
  EXPECT_NE(res->body.find("värdnamn"), std::string::npos) << res->body;
}

TEST_F(ServeHttp, ForeignOriginIs403EvenWithTheToken) {
  auto res = serve_->Client().Post("/api/check", {{"Origin", "http://evil.example"}}, "{}", "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  res = serve_->Client().Post("/api/check", {{"Origin", "http://" + serve_->Host()}}, R"({"records":{}})",
                              "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200) << "the page's own origin";
}

TEST_F(ServeHttp, OversizedBodyIs413) {
  const std::string big(9u << 20, ' ');
  auto res = Post("/api/check", Json::object());  // small: fine
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  res = serve_->Client().Post("/api/check", big, "application/json");
  ASSERT_TRUE(res) << "the server answers before reading the body";
  EXPECT_EQ(res->status, 413);
  EXPECT_TRUE(Json::parse(res->body).contains("error"));
}

TEST_F(ServeHttp, UnknownPathsAre404) {
  auto res = serve_->Client().Get("/nothing-here");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  EXPECT_NE(res->body.find("<html lang=\"sv\">"), std::string::npos);
  const Json error = GetJson("/api/nothing", 404);
  EXPECT_TRUE(error.contains("error"));
  res = serve_->Client().Get("/assets/../CMakeLists.txt");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404) << "nothing is read from the disk";
}

TEST_F(ServeHttp, PagesComeWithSecurityHeaders) {
  httplib::Client client("127.0.0.1", serve_->port());  // no token: pages do not need it
  auto res = client.Get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(res->get_header_value("Content-Security-Policy"),
            "default-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; object-src 'self' blob:");
  EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(res->body, ReadText(SourceDir() + "/web/index.html")) << "the embedded copy of web/index.html";
  EXPECT_EQ(res->get_header_value_count("X-Content-Type-Options"), 1u);
}

TEST_F(ServeHttp, RecordsAreTheFileAsJson) {
  const Json records = Records();
  EXPECT_EQ(records["version"], GetJson("/api/session")["version"]);
  EXPECT_EQ(records["records"]["trainee"][0]["name"][0]["@given"], "Ștefan");
}

TEST_F(ServeHttp, SaveWithTheVersionWritesAndKeepsABackup) {
  const std::string before = ReadText(path_);
  Json records = Records();
  records["records"]["trainee"][0]["name"][0]["@given"] = "Stefan";
  auto res = Post("/api/save", {{"version", records["version"]}, {"records", records["records"]}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const std::string version = Json::parse(res->body)["version"];
  EXPECT_EQ(ReadText(path_ + ".bak"), before);
  EXPECT_NE(ReadText(path_).find("given=\"Stefan\""), std::string::npos);
  EXPECT_EQ(GetJson("/api/session")["version"], version);
  // A second save from the old copy (another tab) is refused, and the file is left alone.
  res = Post("/api/save", {{"version", records["version"]}, {"records", records["records"]}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 409);
  EXPECT_EQ(Json::parse(res->body)["version"], version);
  EXPECT_NE(ReadText(path_).find("given=\"Stefan\""), std::string::npos);
}

TEST_F(ServeHttp, SaveRefusesWhatTheReaderRefuses) {
  const Json records = Records();
  auto res = Post("/api/save", {{"version", records["version"]}, {"records", {{"trainee", "x"}}}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422) << res->body;
  EXPECT_EQ(Json::parse(res->body)["path"], "/trainee");
  res = Post("/api/save", {{"version", records["version"]}, {"records", Json::array()}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 422);
  EXPECT_EQ(ReadText(path_), ReadText(SourceDir() + "/samples/st-stefan-balan.xml"));
}

TEST_F(ServeHttp, DownloadIsTheSavedFile) {
  auto res = serve_->Client().Get("/api/download");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, ReadText(path_));
  EXPECT_NE(res->get_header_value("Content-Disposition").find("attachment"), std::string::npos);
}

// The findings of one trainee whose path is `pointer`.
std::vector<Json> FindingsAt(const Json& check, const std::string& pointer) {
  std::vector<Json> out;
  for (const Json& f : check["findings"])
    if (f["path"] == pointer) out.push_back(f);
  return out;
}

TEST_F(ServeHttp, CheckPointsAtTheFieldAndForgetsItWhenFixed) {
  Json records = Records()["records"];
  const std::string start = records["trainee"][0]["placement"][2]["@start"];
  records["trainee"][0]["placement"][2]["@start"] = "2023-02-30";
  auto res = Post("/api/check", {{"records", records}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  Json check = Json::parse(res->body);
  auto found = FindingsAt(check, "/trainee/0/placement/2/@start");
  ASSERT_EQ(found.size(), 1u) << check["findings"].dump(2);
  EXPECT_EQ(found[0]["rule"], "records.date-invalid");
  EXPECT_EQ(found[0]["severity"], "error");
  EXPECT_EQ(found[0]["trainee"], "ST-IM-2023-03");

  records["trainee"][0]["placement"][2]["@start"] = start;
  res = Post("/api/check", {{"records", records}});
  ASSERT_TRUE(res);
  check = Json::parse(res->body);
  EXPECT_TRUE(FindingsAt(check, "/trainee/0/placement/2/@start").empty());
  // A finding of the rules (located at the element, about one attribute) points at it too.
  EXPECT_EQ(FindingsAt(check, "/trainee/0/side-placement/0/@contract-date").size(), 1u) << check["findings"].dump(2);
}

TEST_F(ServeHttp, CheckGivesTheFactsOfEachTrainee) {
  auto res = Post("/api/check", {{"records", Records()["records"]}, {"as_of", "2026-12-05"}});
  ASSERT_TRUE(res);
  const Json check = Json::parse(res->body);
  ASSERT_EQ(check["trainees"].size(), 1u);
  const Json& t = check["trainees"][0];
  EXPECT_EQ(t["id"], "ST-IM-2023-03");
  EXPECT_EQ(t["regulation"], "HSLF-FS 2021:8");
  EXPECT_EQ(t["earliest_completion"], "2028-06-01");  // as `stdok status` says
  EXPECT_EQ(t["months_required"], 66.0);
  EXPECT_FALSE(t["timeline"].empty());
  EXPECT_EQ(t["timeline"][0]["path"], "/trainee/0/placement/0");
  EXPECT_FALSE(t["delmal"].empty());
  EXPECT_FALSE(t["readiness"].empty());
}

TEST_F(ServeHttp, UnreadableRecordsGiveOneFindingAndNoTrainees) {
  auto res = Post("/api/check", {{"records", {{"trainee", "not a list"}}}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const Json check = Json::parse(res->body);
  ASSERT_EQ(check["findings"].size(), 1u);
  EXPECT_EQ(check["findings"][0]["rule"], "records.unreadable");
  EXPECT_EQ(check["findings"][0]["path"], "/trainee");
  EXPECT_TRUE(check["trainees"].empty());
}

TEST_F(ServeHttp, PreviewIsAPdfAndHeldBackDocumentsSayWhy) {
  const Json records = Records()["records"];
  auto res = Post("/api/documents", {{"records", records}, {"trainee", "ST-IM-2023-03"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const Json documents = Json::parse(res->body)["documents"];
  bool contract = false, held_back = false;
  for (const Json& d : documents) {
    if (d["id"] == "st-kontrakt") contract = d["state"] == "ready" && d["path"] == "stefan-balan/st-kontrakt.pdf";
    if (d["state"] == "held-back") held_back = !d["reason"].get<std::string>().empty();
  }
  EXPECT_TRUE(contract) << documents.dump(2);
  EXPECT_TRUE(held_back);
  res = Post("/api/preview", {{"records", records}, {"trainee", "ST-IM-2023-03"}, {"document", "st-kontrakt"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(res->body.substr(0, 5), "%PDF-");
  res = Post("/api/preview", {{"records", records}, {"trainee", "ST-IM-2023-03"}, {"document", "no-such"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
  res = Post("/api/preview", {{"records", records}, {"trainee", "nobody"}, {"document", "st-kontrakt"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 404);
}

// A ZIP the server sent, opened for reading.
class ZipReader {
 public:
  explicit ZipReader(const std::string& bytes) {
    zip_error_init(&error_);
    if (zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error_))
      archive_ = zip_open_from_source(source, ZIP_RDONLY, &error_);
  }
  ~ZipReader() {
    if (archive_) zip_discard(archive_);
    zip_error_fini(&error_);
  }
  bool ok() const { return archive_ != nullptr; }
  bool Has(const char* name) const { return zip_name_locate(archive_, name, 0) >= 0; }
  // The file's bytes; empty when it is missing or cannot be read.
  std::string Read(const char* name) const {
    std::string bytes;
    zip_stat_t st;
    if (zip_stat(archive_, name, 0, &st) != 0) return bytes;
    zip_file_t* f = zip_fopen(archive_, name, 0);
    if (!f) return bytes;
    bytes.resize(st.size);
    if (zip_fread(f, bytes.data(), st.size) != static_cast<zip_int64_t>(st.size)) bytes.clear();
    zip_fclose(f);
    return bytes;
  }

 private:
  zip_error_t error_;
  zip_t* archive_ = nullptr;
};

TEST_F(ServeHttp, ZipHoldsTheManifestAndTheDocuments) {
  auto res = Post("/api/zip", {{"records", Records()["records"]}, {"pack", "contracts"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(res->get_header_value("Content-Type"), "application/zip");
  const ZipReader zip(res->body);
  ASSERT_TRUE(zip.ok());
  EXPECT_TRUE(zip.Has("manifest.json"));
  EXPECT_TRUE(zip.Has("manifest.csv"));
  EXPECT_TRUE(zip.Has("stefan-balan/st-kontrakt.pdf"));
  EXPECT_FALSE(zip.Has("stefan-balan/hslf-2021-bilaga-9.pdf")) << "contracts only";
}

// The web app's "Utskriftspaket": the packs are made in memory (no scratch file, no file
// written in parts on a disk) and come in the ZIP beside the documents, listed in the manifest.
TEST_F(ServeHttp, ZipOfThePrintPackHoldsThePacks) {
  auto res = Post("/api/zip", {{"records", Records()["records"]}, {"pack", "print"}});
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  const ZipReader zip(res->body);
  ASSERT_TRUE(zip.ok());
  const std::string pack = zip.Read("utskriftspaket/st-kontrakt.pdf");
  EXPECT_EQ(pack.substr(0, 5), "%PDF-");
  EXPECT_NE(pack.find("%%EOF"), std::string::npos);
  EXPECT_TRUE(zip.Has("stefan-balan/st-kontrakt.pdf"));
  EXPECT_NE(zip.Read("manifest.json").find("\"file\": \"utskriftspaket/st-kontrakt.pdf\""), std::string::npos);
}

TEST_F(ServeHttp, VocabularyListsTheReferenceData) {
  const Json v = GetJson("/api/vocabulary");
  EXPECT_EQ(v["regulations"][0], "HSLF-FS 2021:8");
  EXPECT_FALSE(v["specialties"].empty());
  EXPECT_FALSE(v["delmal"]["HSLF-FS 2021:8"].empty());
  EXPECT_EQ(v["delmal"]["HSLF-FS 2021:8"][0]["code"], "BT1");
}

TEST_F(ServeHttp, LogHasNoPersonnummerTokenOrBody) {
  Json records = Records()["records"];
  Post("/api/check", {{"records", records}});
  Post("/api/documents", {{"records", records}, {"trainee", "ST-IM-2023-03"}});
  serve_->Client().Get("/assets/19890423-2710");
  serve_->Client().Get("/api/session?t=" + serve_->token());
  const std::string log = serve_->Log();
  EXPECT_NE(log.find("POST /api/check 200"), std::string::npos) << log;
  EXPECT_NE(log.find("GET /assets/19890423-**** 404"), std::string::npos) << log;
  for (const char* secret : {"19890423-2710", "198904232710", "8904232710", "2710 "})
    EXPECT_EQ(log.find(secret), std::string::npos) << secret << " in\n" << log;
  EXPECT_EQ(log.find(serve_->token()), std::string::npos);
  EXPECT_EQ(log.find("Ștefan"), std::string::npos);
}

TEST_F(ServeHttp, ParallelChecksGiveTheSameAnswer) {
  const Json body = {{"records", Records()["records"]}};
  const auto expected = Post("/api/check", body);
  ASSERT_TRUE(expected);
  std::vector<std::string> answers(8);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < answers.size(); ++i)
    threads.emplace_back([&, i] {
      auto res = serve_->Client().Post("/api/check", body.dump(), "application/json");
      if (res) answers[i] = res->body;
    });
  for (auto& t : threads) t.join();
  for (const std::string& answer : answers) EXPECT_EQ(answer, expected->body);
}

TEST(ServeNewFile, ANewFileIsCreatedByTheFirstSave) {
  const std::string path = MakeTempDir() + "/ny.xml";
  ServeFixture serve(path);
  auto client = serve.Client();
  auto res = client.Get("/api/session");
  ASSERT_TRUE(res);
  const Json session = Json::parse(res->body);
  EXPECT_TRUE(session["file"].is_null());
  EXPECT_EQ(session["version"], "new");
  EXPECT_TRUE(session["trainees"].empty());
  const Json records = {{"@version", "1"},
                        {"trainee", {{{"@id", "ST-1"}, {"name", {{{"@given", "Łucja"}, {"@family", "Nguyễn"}}}}}}}};
  res = client.Post("/api/save", Json{{"version", "new"}, {"records", records}}.dump(), "application/json");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_TRUE(std::filesystem::exists(path));
  EXPECT_FALSE(std::filesystem::exists(path + ".bak"));
  res = client.Get("/api/session");
  EXPECT_EQ(Json::parse(res->body)["trainees"][0]["name"], "Łucja Nguyễn");
}

}  // namespace
}  // namespace stdok::testing::serve_http_test
