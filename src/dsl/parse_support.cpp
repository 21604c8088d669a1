#include "dsl/parse_support.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include "base/quote.hpp"

namespace schemac::dsl {
namespace {

bool is_ident_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

}  // namespace

std::optional<std::uint32_t> first_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Schema files are mostly ASCII: skip eight such bytes at a time.
    std::uint64_t word;
    if (i + sizeof word <= text.size()) {
      std::memcpy(&word, text.data() + i, sizeof word);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += sizeof word;
        continue;
      }
    }
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xE  ? 3
                         : (byte >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || i + length > text.size()) return static_cast<std::uint32_t>(i);
    for (std::size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
        return static_cast<std::uint32_t>(i);
    // Reject overlong two-byte forms (C0, C1) and code points above U+10FFFF.
    if (byte == 0xC0 || byte == 0xC1 || byte > 0xF4) return static_cast<std::uint32_t>(i);
    i += length;
  }
  return std::nullopt;
}

std::size_t next_declaration_line(std::string_view text, std::size_t from) {
  // Declarations start in column 1 while table entries are indented, so the next
  // line that starts with a word (or a doc comment) is where the next one begins.
  std::size_t pos = text.find('\n', from);
  while (pos != std::string_view::npos) {
    char first = pos + 1 < text.size() ? text[pos + 1] : '\n';
    if (std::isalpha(static_cast<unsigned char>(first)) || first == '_' ||
        text.substr(pos + 1, 3) == "///")
      return pos + 1;
    pos = text.find('\n', pos + 1);
  }
  return std::string_view::npos;
}

std::string_view word_at(std::string_view text, std::size_t offset) {
  std::size_t end = offset;
  while (end < text.size() && is_ident_char(text[end])) ++end;
  return text.substr(offset, end - offset);
}

void check_enum_label(const ast::StringLit& label, base::Diagnostics& diags) {
  if (label.value.size() <= base::kMaxIdentifierBytes) return;
  diags.error(base::DiagKind::NameTooLong, label.span,
              "enum value is " + std::to_string(label.value.size()) +
                  " bytes long; PostgreSQL accepts at most " +
                  std::to_string(base::kMaxIdentifierBytes) + " bytes");
}

void check_name(const ast::Ident& name, base::Diagnostics& diags) {
  // PostgreSQL cuts a longer name to its first 63 bytes with only a notice:
  // the database would then never match the file.
  if (name.text.size() > base::kMaxIdentifierBytes) {
    diags.error(base::DiagKind::NameTooLong, name.span,
                "name is " + std::to_string(name.text.size()) +
                    " bytes long; PostgreSQL keeps only the first " +
                    std::to_string(base::kMaxIdentifierBytes) +
                    " bytes of a name, so the database would never match: shorten it");
    return;
  }
  if (name.quoted) {
    if (name.text.empty())
      diags.error(base::DiagKind::EmptyQuotedIdentifier, name.span, "empty quoted identifier");
    return;
  }
  // Bare names are ASCII (the grammar's bare_ident), so only A-Z fold.
  bool upper =
      std::any_of(name.text.begin(), name.text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  if (upper) {
    std::string lower = name.text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    diags.error(base::DiagKind::UppercaseIdentifier, name.span,
                "'" + name.text +
                    "' has upper-case letters, which PostgreSQL folds to lower case; "
                    "write " +
                    lower + ", or \"" + name.text + "\" to keep the case");
  } else if (base::is_sql_keyword_needing_quotes(name.text)) {
    diags.error(
        base::DiagKind::ReservedWordAsName, name.span,
        "'" + name.text + "' is a reserved word; write \"" + name.text + "\" to use it as a name");
  }
}

ast::Ident make_ident(std::string_view source_text, base::SourceSpan span) {
  ast::Ident ident;
  ident.span = span;
  if (source_text.size() >= 2 && source_text.front() == '"') {
    ident.quoted = true;
    std::string_view inner = source_text.substr(1, source_text.size() - 2);
    for (std::size_t i = 0; i < inner.size(); ++i) {
      ident.text += inner[i];
      if (inner[i] == '"') ++i;  // "" stands for one "
    }
  } else {
    ident.text = std::string(source_text);
  }
  return ident;
}

std::string unquote_string(std::string_view literal) {
  std::string out;
  std::string_view inner = literal.substr(1, literal.size() >= 2 ? literal.size() - 2 : 0);
  for (std::size_t i = 0; i < inner.size(); ++i) {
    out += inner[i];
    if (inner[i] == '\'') ++i;  // '' stands for one '
  }
  return out;
}

std::string_view trim(std::string_view text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin]))) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  return text.substr(begin, end - begin);
}

}  // namespace schemac::dsl
