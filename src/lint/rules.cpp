// The rule table: stable codes, names and default levels. Codes are never
// renumbered or reused; docs/lint.md gives each rule's reason and fix.
#include <cctype>

#include "lint/lint.hpp"

namespace schemac::lint {

using base::DiagKind;

const std::vector<Rule>& rules() {
  static const std::vector<Rule> kRules = {
      {DiagKind::LintTableWithoutPrimaryKey, "table-without-primary-key", Level::Warning},
      {DiagKind::LintForeignKeyWithoutIndex, "foreign-key-without-index", Level::Warning},
      {DiagKind::LintSpatialColumnWithoutIndex, "spatial-column-without-index", Level::Warning},
      {DiagKind::LintGeometryWithoutSrid, "geometry-without-srid", Level::Warning},
      {DiagKind::LintVarcharLength, "varchar-length", Level::Warning},
      {DiagKind::LintVolatileDefaultOnAddedColumn, "volatile-default-on-added-column",
       Level::Warning},
  };
  return kRules;
}

const Rule* find_rule(std::string_view code_or_name) {
  for (const Rule& rule : rules())
    if (base::code(rule.kind) == code_or_name || rule.name == code_or_name) return &rule;
  return nullptr;
}

std::optional<Level> parse_level(std::string_view text) {
  if (text == "error") return Level::Error;
  if (text == "warning") return Level::Warning;
  if (text == "off") return Level::Off;
  return std::nullopt;
}

namespace {

std::string_view skip_blanks(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  return text;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// next_code reads one rule code or name: letters, digits and '-'.
std::string_view next_code(std::string_view& text) {
  std::size_t n = 0;
  while (n < text.size() && (std::isalnum(static_cast<unsigned char>(text[n])) || text[n] == '-'))
    ++n;
  std::string_view code = text.substr(0, n);
  text.remove_prefix(n);
  return code;
}

}  // namespace

std::optional<std::vector<DiagKind>> parse_suppression(std::string_view comment_text,
                                                       std::vector<std::string>& unknown) {
  std::string_view text = comment_text;
  if (starts_with(text, "///")) return std::nullopt;  // a doc comment is documentation
  if (!starts_with(text, "//") && !starts_with(text, "--")) return std::nullopt;
  text = skip_blanks(text.substr(2));
  if (!starts_with(text, "lint:")) return std::nullopt;
  text = skip_blanks(text.substr(5));
  if (!starts_with(text, "allow")) return std::nullopt;
  text = skip_blanks(text.substr(5));
  std::vector<DiagKind> found;
  std::size_t unknown_before = unknown.size();
  for (;;) {
    std::string_view code = next_code(text);
    if (code.empty()) break;
    if (const Rule* rule = find_rule(code))
      found.push_back(rule->kind);
    else
      unknown.emplace_back(code);
    text = skip_blanks(text);
    if (text.empty() || text.front() != ',') break;
    text = skip_blanks(text.substr(1));
  }
  if (found.empty() && unknown.size() == unknown_before) return std::nullopt;
  return found;
}

}  // namespace schemac::lint
