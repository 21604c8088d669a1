#include <catch2/catch.hpp>

#include <set>

#include "base/render.hpp"

using namespace schemac::base;

TEST_CASE("render: file:line:col, message, code, source line and caret") {
  SourceManager sources;
  FileId id = sources.add("schema/app.schema", "table users {\n  age intgr not null\n}\n");
  Diagnostics diags;
  diags.error(DiagKind::SyntaxError, SourceSpan{id, 20, 25}, "unknown column type \"intgr\"");
  CHECK(render_text(sources, diags) ==
        "schema/app.schema:2:7: error: unknown column type \"intgr\" [E0101]\n"
        "  age intgr not null\n"
        "      ^~~~~\n");
}

TEST_CASE("render: tabs are kept so the caret lines up; UTF-8 counts once") {
  SourceManager sources;
  FileId id = sources.add("a.schema", "\tcolonne\u00e9 x\n");
  Diagnostics diags;
  // the caret points at 'x', after a two-byte character
  diags.error(DiagKind::SyntaxError, SourceSpan{id, 11, 12}, "bad");
  CHECK(render_text(sources, diags) ==
        "a.schema:1:12: error: bad [E0101]\n"
        "\tcolonne\u00e9 x\n"
        "\t         ^\n");
}

TEST_CASE("render: span-less diagnostics and notes; sorted by position") {
  SourceManager sources;
  FileId id = sources.add("b.schema", "table a {}\ntable a {}\n");
  Diagnostics diags;
  auto& dup = diags.error(DiagKind::SyntaxError, SourceSpan{id, 17, 18}, "duplicate table \"a\"");
  dup.notes.push_back({SourceSpan{id, 6, 7}, "previous declaration is here"});
  diags.error(DiagKind::DatabaseUnreachable, std::nullopt, "cannot connect");
  diags.warning(DiagKind::EmptyFile, SourceSpan{id, 0, 0}, "first");
  std::string text = render_text(sources, diags);
  CHECK(text ==
        "schemac: error: cannot connect [E0401]\n"
        "b.schema:1:1: warning: first [W0005]\n"
        "table a {}\n"
        "^\n"
        "b.schema:2:7: error: duplicate table \"a\" [E0101]\n"
        "table a {}\n"
        "      ^\n"
        "b.schema:1:7: note: previous declaration is here\n"
        "table a {}\n"
        "      ^\n");
  CHECK(diags.error_count() == 2);
  CHECK(diags.warning_count() == 1);
}

TEST_CASE("render: a span at the end of the file") {
  SourceManager sources;
  FileId id = sources.add("c.schema", "table a {\n");
  Diagnostics diags;
  diags.error(DiagKind::SyntaxError, SourceSpan{id, 10, 10}, "expected '}'");
  CHECK(render_text(sources, diags) == "c.schema:2:1: error: expected '}' [E0101]\n\n^\n");
}

TEST_CASE("source: line and column lookup") {
  SourceManager sources;
  FileId id = sources.add("d", "ab\ncd\r\nef");
  CHECK(sources.line_col(id, 0).line == 1);
  CHECK(sources.line_col(id, 3).line == 2);
  CHECK(sources.line_col(id, 4).col == 2);
  CHECK(sources.line_text(id, 2) == "cd");
  CHECK(sources.line_text(id, 3) == "ef");
  CHECK(sources.line_text(id, 4).empty());
  FileId trailing = sources.add("e", "x\n\n");  // a newline at the very end starts line 3
  CHECK(sources.line_col(trailing, 2).line == 2);
  CHECK(sources.line_col(trailing, 3).line == 3);
  CHECK(sources.line_text(trailing, 1) == "x");
  CHECK(sources.line_col(sources.add("f", ""), 0).line == 1);
}

TEST_CASE("diagnostic codes are unique") {
  std::set<std::string_view> seen;
  for (DiagKind kind : all_kinds()) CHECK(seen.insert(code(kind)).second);
}
