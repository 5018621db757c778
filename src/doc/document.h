// The document tree: what a filled template says, before any position is known.
// Produced by fill (template + record), consumed by layout.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "image/raster_image.h"

namespace stdok {

enum class TextStyle { kNormal, kBold, kSmall, kSmallBold };

struct Heading {
  int level = 1;  // 0 title, 1 section, 2 subsection, 3 the level below, 4 subtitle
  std::string text;
};

enum class Align { kLeft, kRight, kCenter, kJustify };  // kJustify: paragraphs only

// A piece of a paragraph's text set in bold (<b>, <run-in>), italic (<i>), both, or in the
// paragraph's own face.
struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
};

struct Paragraph {
  std::string text;  // may hold "\n\n" paragraph breaks and "\n" line breaks
  TextStyle style = TextStyle::kNormal;
  Align align = Align::kLeft;  // kJustify: every line but a part's last fills the width
  // The text in pieces when part of it is bold or italic: their texts joined equal `text`. Empty: the
  // whole text is set in the style's face.
  std::vector<Span> spans;
  // kJustify: a word may be hyphenated where a line would otherwise be stretched badly.
  bool hyphenate = false;
};

// A label with its value below or beside it; an empty value leaves room to write by hand.
struct Field {
  std::string label;
  std::string value;
  double width = 1.0;        // share of the row's width when in a FieldRow
  double blank_height = 7;   // mm of writing room when value is empty
  bool boxed = false;        // draw a box around the value area (forms, free-text areas)
};

struct FieldRow {
  std::vector<Field> fields;
};

struct CheckOption {
  std::string text;
  bool checked = false;
};

struct Checkboxes {
  std::string label;
  std::vector<CheckOption> options;
};

struct BulletList {
  std::vector<std::string> items;
};

struct TableColumn {
  std::string title;
  double width = 1;  // relative
  Align align = Align::kLeft;
};

// How one cell is set: in bold, on a grey ground (shade: percent of black, 0 for none).
struct CellStyle {
  bool bold = false;
  double shade = 0;
};

struct Table {
  std::vector<TableColumn> columns;
  std::vector<std::vector<std::string>> rows;
  // styles[r][c] for rows[r][c]; a missing row or cell is plain.
  std::vector<std::vector<CellStyle>> styles;
  std::vector<std::string> footer;  // e.g. a "Summa" row; empty for none (always bold)
  std::string empty_text;           // printed when there are no rows
  bool header = true;               // false: no header row (nor on later pages)
};

struct Signer {
  std::string role;        // "ST-läkare"
  std::string name;        // printed name under the line
  std::string field_name;  // PDF signature field name, unique in the document
};

// Place/date line and signature lines, never split across pages.
struct SignatureBlock {
  bool with_place_and_date = true;
  std::string place;
  std::string date;
  // A free line printed instead of the Ort and Datum fields ("Ort och datum: Sundsvall, ____").
  std::string place_line;
  int per_row = 2;  // signers side by side, 1 to 4
  std::vector<Signer> signers;
};

struct Spacer {
  double height_mm = 4;
};

struct PageBreak {};

// An image in the flow (a logo, a stamp), read once when its template was loaded.
struct Picture {
  std::shared_ptr<const RasterImage> image;
  double width_mm = 0;  // 0: its natural size at 150 pixels per inch; never wider than the text
  Align align = Align::kLeft;
};

struct Block {
  enum class Kind { kHeading, kParagraph, kField, kFieldRow, kCheckboxes, kList, kTable,
                    kSignatures, kSpacer, kPageBreak, kPicture };
  Kind kind;
  Heading heading;
  Paragraph paragraph;
  FieldRow fields;  // kField uses fields.fields[0]
  Checkboxes checkboxes;
  BulletList list;
  Table table;
  SignatureBlock signatures;
  Spacer spacer;
  Picture picture;
  bool keep_with_next = false;
};

// Page setup a template asks for; 0 keeps the layout's default.
struct PageSetup {
  double margin_top_mm = 0, margin_right_mm = 0, margin_bottom_mm = 0, margin_left_mm = 0;
  double body_size = 0;  // points
  double leading = 0;    // line height as a multiple of the font size
  // Sizes in points per role (the template's `sizes`).
  double title_size = 0, subtitle_size = 0, heading_size[3] = {0, 0, 0}, table_size = 0,
         small_size = 0, label_size = 0, running_size = 0;  // running: header and footer
  double header_offset_mm = 0;  // from the top edge to the top of the header text
  double footer_offset_mm = 0;  // from the bottom edge to the footer's baseline
};

// In header and footer texts: the page's number and the document's page count.
inline constexpr const char* kPageMark = "\uE000";
inline constexpr const char* kPagesMark = "\uE001";

// Where "Sid X (Y)" stands in the footer.
enum class PageNumber { kRight, kCenter, kNone };

struct DocumentInfo {
  std::string doc_id;     // "st-kontrakt"
  std::string title;      // PDF title
  std::string subject;
  std::string author;     // issuing unit
  std::string keywords;
  // Text at the top and bottom of every page (left, centre, right), holding kPageMark and
  // kPagesMark where the page's number and count go; "Sid X (Y)" goes where page_number says
  // unless that place has its own text.
  std::string footer, footer_center, footer_right;
  std::string header, header_center, header_right;
  // A logo at the top right of every page, above the body (the template's `logo`): as wide as
  // width_mm, lower if the top margin has no room for that.
  Picture logo;
  bool signature_fields = true;  // AcroForm /Sig fields for signers
  PageSetup page;
  PageNumber page_number = PageNumber::kRight;
};

struct Document {
  DocumentInfo info;
  std::vector<Block> blocks;
};

}  // namespace stdok
