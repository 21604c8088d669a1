// dsl/format: AST -> .schema text in the one canonical layout, used by
// `schemac fmt` and by `schemac inspect` (whose text is formatted by it). Every
// comment of the file is kept, next to the construct it belongs to.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "dsl/ast.hpp"

namespace schemac::dsl {

/// format prints a parsed file in canonical layout. source is the file's text
/// (the AST's spans point into it); comments come from file.comments.
///
/// The layout: one declaration per line (blocks across lines), two-space
/// indentation, declarations in their written order with one blank line
/// around every block; inside a table, columns (names and types aligned),
/// then primary key and unique, then checks and foreign keys, then indexes,
/// then the comment, each group in its written order. Comments on the line of
/// a construct stay at its end (aligned when on consecutive lines); comments
/// on their own lines stay before the construct that follows them; comments
/// inside a one-line construct move to the line before it. Expressions and
/// view queries keep their text (a multi-line view query is re-indented as a
/// block). Formatting its own output changes nothing.
std::string format(const ast::File& file, std::string_view source);

/// format_source parses a file registered in sources and formats it; nullopt
/// when it has syntax errors (reported to diags: a file that does not parse is
/// never formatted).
std::optional<std::string> format_source(const base::SourceManager& sources, base::FileId file,
                                         base::Diagnostics& diags);

}  // namespace schemac::dsl
