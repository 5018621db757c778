#include "serve_testing.h"

#include <gtest/gtest.h>

#include "core/date.h"
#include "test_support.h"

namespace stdok::testing {

ServeFixture::ServeFixture(const std::string& records_path) {
  ServeOptions options;
  options.records_path = records_path;
  options.render.templates_dir = SourceDir() + "/templates";
  options.render.fonts_dir = SourceDir() + "/fonts";
  options.render.forms_dir = SourceDir() + "/forms";
  options.render.icc_profile_path = SourceDir() + "/color/srgb-v2-compact.icc";
  options.render.today = *ParseIsoDate("2026-12-05");
  options.render.creation_time = 1764892800;
  options.render.jobs = 2;
  options.port = 0;
  options.log = [this](const std::string& line) {
    std::lock_guard lock(log_mutex_);
    log_.push_back(line);
  };
  server_ = std::make_unique<WebServer>(std::move(options));
  std::string error;
  EXPECT_TRUE(server_->Bind(&error)) << error;
  thread_ = std::thread([this] { server_->Run(); });
  // Stop() is only safe once the server runs: wait for its first answer.
  auto client = Client();
  for (int i = 0; i < 500 && !client.Get("/api/vocabulary"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
}

ServeFixture::~ServeFixture() {
  server_->Stop();
  thread_.join();
}

httplib::Client ServeFixture::Client() const {
  httplib::Client client("127.0.0.1", port());
  client.set_default_headers(TokenHeader());
  client.set_read_timeout(60, 0);
  return client;
}

std::string ServeFixture::Log() const {
  std::lock_guard lock(log_mutex_);
  std::string all;
  for (const std::string& line : log_) all += line + "\n";
  return all;
}

}  // namespace stdok::testing
