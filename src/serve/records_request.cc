#include "serve/records_request.h"

#include "app/workbook_input.h"

namespace stdok {

void ReadRecordsRequest(const ServeContext& context, const nlohmann::ordered_json& records, const Date& as_of,
                        RecordsRequest* out) {
  out->path = context.session->path();
  if (!RecordsJsonToXml(records, &out->xml, &out->problem, &out->problem_pointer)) return;
  OverlayFileSystem overlay(context.fs, out->path, out->xml.text());
  out->readable = ReadRecordsInput(out->path, context.options->render.templates_dir, as_of, &overlay, &out->input,
                                   &out->diagnostics);
  if (!out->readable) {
    out->problem = "posterna kan inte läsas";
    for (const Diagnostic& d : out->diagnostics)
      if (d.severity == Severity::kError) {
        out->problem = d.message;
        break;
      }
  }
}

}  // namespace stdok
