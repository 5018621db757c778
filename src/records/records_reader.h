// Records reader: a records file (XML, UTF-8) -> RecordsFile plus diagnostics.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "records/model.h"

namespace stdok {

// Parses `text` (the whole file) as read from `path`. Never throws; every problem becomes a
// diagnostic with file:line:column, the trainee id (when inside a trainee) and the field.
// A file refused as a whole (RecordsFile::refused) yields no trainees and one error. Structural errors inside a trainee
// are reported with that trainee's id; the caller skips trainees with errors (HasErrorsFor).
// All text is NFC-normalized. `today` resolves the century of 10-digit personnummer.
RecordsFile ReadRecords(const std::string& path, std::string_view text, const Date& today,
                        Diagnostics* diagnostics);

namespace xml {
class ElementStream;
}

// What RecordsSource reads of each trainee while it reads the file: all of it (its findings are
// reported then), or only what identifies it (id, name, where; its findings are reported when
// it is read, RecordsSource::Read).
enum class TraineeReading { kWhole, kIdentity };

// A records file read for its findings that keeps the file's text instead of its trainees (the
// model of 10,000 trainees is 108 MiB, 2.4 times their text; docs/performance.md): file() holds
// the root's records (region, units, people, studierektor contracts) and no trainees, and each
// trainee is read again from the text by whoever needs it (Read), in any thread.
class RecordsSource {
 public:
  // Reads `text` (taken over), the whole file read from `path`, as ReadRecords does: the same
  // diagnostics in the same order, and the same trainees in the same order (size(), Read).
  // `visit`, when given, sees each trainee kept as it is read (for work that needs every
  // trainee once, without reading it again): its index (as for Read) and the root's records
  // read so far (all but the studierektor contracts, which come after the trainees). Should a
  // <trainee> be refused after others were visited, the reading starts over: a visit of index 0
  // means that everything visited before is to be dropped (and a refused file has no trainees).
  // `threads` read the trainees side by side (in batches; what they report and yield is
  // merged in file order, so the result is the same for any number). With
  // TraineeReading::kIdentity only the trainees' ids, names and places are read now: the file's
  // own findings (the root's records, a refused file, duplicate trainee ids) are reported here,
  // each trainee's when it is read (Read with `findings`), and `visit` sees identities only.
  using Visit = std::function<void(const RecordsFile& root, std::size_t index, const Trainee& trainee)>;
  RecordsSource(const std::string& path, std::string text, const Date& today, Diagnostics* diagnostics,
                const Visit& visit = nullptr, unsigned threads = 1, TraineeReading reading = TraineeReading::kWhole);
  ~RecordsSource();
  RecordsSource(const RecordsSource&) = delete;
  RecordsSource& operator=(const RecordsSource&) = delete;

  const RecordsFile& file() const { return file_; }  // with no trainees
  const std::string& text() const { return *text_; }
  std::size_t size() const { return trainees_.size(); }
  // What the serial parts of a run need of the index-th trainee without reading it again.
  const std::string& id(std::size_t index) const { return trainees_[index].id; }
  const std::string& given_name(std::size_t index) const { return trainees_[index].given_name; }
  const std::string& family_name(std::size_t index) const { return trainees_[index].family_name; }
  // The index-th trainee, equal to ReadRecords(...).trainees[index]. Thread-safe. Read with
  // TraineeReading::kIdentity, its findings (those ReadRecords reports for it) go to `findings`
  // when given; else they were reported by the constructor.
  Trainee Read(std::size_t index, Diagnostics* findings = nullptr) const;

 private:
  struct Kept {
    std::size_t element;  // which <trainee> of the file
    std::string id, given_name, family_name;
  };
  std::unique_ptr<const std::string> text_;  // the stream points into it
  std::unique_ptr<xml::ElementStream> stream_;
  Date today_;
  TraineeReading reading_;
  RecordsFile file_;
  std::vector<Kept> trainees_;
};

// The kinds of <absence> the reader accepts, in the order docs/records.md lists them.
const std::vector<std::string>& AbsenceKinds();

}  // namespace stdok
