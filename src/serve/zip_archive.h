// A ZIP archive in memory (libzip), for /api/zip.
#pragma once

#include <map>
#include <string>

namespace stdok {

// The files (path inside the archive → bytes) as ZIP bytes; PDFs are stored, the rest
// deflated. False with *error when libzip fails.
bool MakeZip(const std::map<std::string, std::string>& files, std::string* zip, std::string* error);

}  // namespace stdok
