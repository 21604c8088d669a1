// base/quote: the one place where identifiers and literals are quoted for SQL.
// Every name or value that reaches a SQL statement goes through these functions.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace schemac::base {

/// kMaxIdentifierBytes is NAMEDATALEN - 1: PostgreSQL cuts a longer name short
/// (with only a notice) and refuses a longer enum label.
inline constexpr std::size_t kMaxIdentifierBytes = 63;

/// quote_ident returns name as PostgreSQL's quote_ident() would: bare when it is
/// a lower-case identifier that is not a keyword needing quotes, else in double
/// quotes with embedded quotes doubled.
std::string quote_ident(std::string_view name);
/// quote_qualified returns schema.name, each part quoted; an empty schema is omitted.
std::string quote_qualified(std::string_view schema, std::string_view name);
/// quote_literal returns value as a SQL string literal ('it''s'); values holding a
/// backslash use the E'' form so they mean the same whatever standard_conforming_strings says.
std::string quote_literal(std::string_view value);
/// is_sql_keyword_needing_quotes: reserved, type/function-name and column-name keywords.
bool is_sql_keyword_needing_quotes(std::string_view word);
/// sql_keywords_needing_quotes: every word is_sql_keyword_needing_quotes accepts.
std::span<const std::string_view> sql_keywords_needing_quotes();

}  // namespace schemac::base
