// dsl/parse_support: the parts of parsing that need no grammar: UTF-8
// validation, error recovery points, identifier checks. Kept apart from
// parse.cpp so PEGTL stays in one translation unit.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"
#include "dsl/ast.hpp"

namespace schemac::dsl {

/// first_invalid_utf8 is the offset of the first byte that is not valid UTF-8.
std::optional<std::uint32_t> first_invalid_utf8(std::string_view text);

/// next_declaration_line is the offset of the first line after `from` that starts,
/// in column 1, with a word or a doc comment; npos if there is none. Parsing
/// resumes there after an error.
std::size_t next_declaration_line(std::string_view text, std::size_t from);

/// word_at is the identifier-like word starting at offset (empty if none).
std::string_view word_at(std::string_view text, std::size_t offset);

/// check_name reports names PostgreSQL would not keep as written: names over
/// 63 bytes (cut short), bare names with upper-case letters (folded to lower
/// case) and bare reserved words.
void check_name(const ast::Ident& name, base::Diagnostics& diags);
/// check_enum_label reports an enum value over 63 bytes, which PostgreSQL refuses.
void check_enum_label(const ast::StringLit& label, base::Diagnostics& diags);

/// unquote_ident turns the source text of an identifier into an Ident.
ast::Ident make_ident(std::string_view source_text, base::SourceSpan span);

/// unquote_string turns 'it''s' into it's.
std::string unquote_string(std::string_view literal);

/// trim removes leading and trailing white space.
std::string_view trim(std::string_view text);

}  // namespace schemac::dsl
