#include "serve/zip_archive.h"

#include <zip.h>

namespace stdok {

bool MakeZip(const std::map<std::string, std::string>& files, std::string* zip, std::string* error) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &ze);
  if (!buffer) {
    *error = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    return false;
  }
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &ze);
  if (!archive) {
    *error = zip_error_strerror(&ze);
    zip_error_fini(&ze);
    zip_source_free(buffer);
    return false;
  }
  zip_error_fini(&ze);
  zip_source_keep(buffer);  // read back after zip_close
  auto fail = [&](const char* what) {
    *error = std::string(what) + ": " + zip_strerror(archive);
    zip_discard(archive);
    zip_source_free(buffer);
    return false;
  };
  for (const auto& [path, bytes] : files) {
    zip_source_t* data = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    if (!data) return fail("zip_source_buffer");
    const zip_int64_t index = zip_file_add(archive, path.c_str(), data, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(data);
      return fail("zip_file_add");
    }
    const bool pdf = path.size() > 4 && path.compare(path.size() - 4, 4, ".pdf") == 0;
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), pdf ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), 315532800, 0);  // 1980-01-01: repeatable
  }
  if (zip_close(archive) != 0) return fail("zip_close");
  zip_stat_t stat;
  if (zip_source_stat(buffer, &stat) != 0 || zip_source_open(buffer) != 0) {
    *error = "cannot read the archive back";
    zip_source_free(buffer);
    return false;
  }
  zip->resize(stat.size);
  const zip_int64_t read = zip_source_read(buffer, zip->data(), stat.size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
    *error = "cannot read the archive back";
    return false;
  }
  return true;
}

}  // namespace stdok
