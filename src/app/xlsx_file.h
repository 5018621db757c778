// libxlsxwriter writes a file itself, never into memory: this gives it a private temporary
// folder and moves the finished workbook into place through FileSystem::WriteAtomically, so a
// workbook is written durably and whole, like every other file stdok writes.
#pragma once

#include <functional>
#include <string>

#include "output/file_system.h"

namespace stdok {

// Calls write(temporary path, error) and reads that file into *bytes. The temporary folder is
// removed either way. False with *error when either step fails.
bool MakeXlsx(FileSystem* fs, const std::function<bool(const std::string&, std::string*)>& write, std::string* bytes,
              std::string* error);

// MakeXlsx, then puts the bytes at `path` atomically. False with *error when a step fails.
bool WriteXlsxAtomically(const std::string& path, FileSystem* fs,
                         const std::function<bool(const std::string&, std::string*)>& write, std::string* error);

}  // namespace stdok
