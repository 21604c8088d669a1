#include "base/quote.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace schemac::base {
namespace {

// PostgreSQL 15 keywords that are not UNRESERVED_KEYWORD (src/include/parser/kwlist.h):
// reserved, type_func_name and col_name keywords (and six of PostgreSQL 16's).
// clang-format off
constexpr std::string_view kQuotedKeywords[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
    "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast",
    "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently",
    "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
    "current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal",
    "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "exists",
    "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from", "full", "grant",
    "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout",
    "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "json",
    "json_array", "json_arrayagg", "json_object", "json_objectagg", "lateral", "leading",
    "least", "left", "like", "limit", "localtime", "localtimestamp", "national", "natural",
    "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric", "offset", "on",
    "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position",
    "precision", "primary", "real", "references", "returning", "right", "row", "select",
    "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric",
    "system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing",
    "treat", "trim", "true", "union", "unique", "user", "using", "values", "varchar",
    "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat",
    "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
    "xmlserialize", "xmltable"};
// clang-format on

// LetterMasks: for each word length, a bit per letter that some keyword of
// that length starts (first) or ends (last) with. Most names fail one of the
// two tests, which costs less than a look-up in the table below.
struct LetterMasks {
  static constexpr std::size_t kMaxLength = 32;
  std::uint32_t first[kMaxLength] = {};
  std::uint32_t last[kMaxLength] = {};
};

constexpr std::uint32_t letter_bit(char c) {
  return c >= 'a' && c <= 'z' ? std::uint32_t{1} << (c - 'a') : 0;
}

constexpr LetterMasks make_letter_masks() {
  LetterMasks masks;
  for (std::string_view word : kQuotedKeywords) {
    masks.first[word.size()] |= letter_bit(word.front());
    masks.last[word.size()] |= letter_bit(word.back());
  }
  return masks;
}

constexpr LetterMasks kLetterMasks = make_letter_masks();

// The keywords in a hashed table (linear probing, at most a third full),
// built at compile time: a name is found or ruled out in a probe or two.
constexpr std::size_t kKeywordSlots = 512;
static_assert(std::size(kQuotedKeywords) * 3 <= kKeywordSlots && std::size(kQuotedKeywords) < 255);

constexpr std::size_t keyword_hash(std::string_view word) {
  std::uint32_t hash = 2166136261u;  // FNV-1a
  for (char c : word) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  return hash & (kKeywordSlots - 1);
}

struct KeywordTable {
  std::uint8_t slots[kKeywordSlots] = {};  // 1 + index into kQuotedKeywords; 0: free
};

constexpr KeywordTable make_keyword_table() {
  KeywordTable table;
  for (std::size_t k = 0; k < std::size(kQuotedKeywords); ++k) {
    std::size_t i = keyword_hash(kQuotedKeywords[k]);
    while (table.slots[i] != 0) i = (i + 1) & (kKeywordSlots - 1);
    table.slots[i] = static_cast<std::uint8_t>(k + 1);
  }
  return table;
}

constexpr KeywordTable kKeywordTable = make_keyword_table();

bool is_bare_identifier(std::string_view name) {
  if (name.empty()) return false;
  char first = name.front();
  if (!((first >= 'a' && first <= 'z') || first == '_')) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
  });
}

}  // namespace

bool is_sql_keyword_needing_quotes(std::string_view word) {
  if (word.empty() || word.size() >= LetterMasks::kMaxLength) return false;
  if (!(kLetterMasks.first[word.size()] & letter_bit(word.front())) ||
      !(kLetterMasks.last[word.size()] & letter_bit(word.back())))
    return false;
  for (std::size_t i = keyword_hash(word);; i = (i + 1) & (kKeywordSlots - 1)) {
    std::uint8_t slot = kKeywordTable.slots[i];
    if (slot == 0) return false;
    if (kQuotedKeywords[slot - 1] == word) return true;
  }
}

std::span<const std::string_view> sql_keywords_needing_quotes() {
  return kQuotedKeywords;
}

std::string quote_ident(std::string_view name) {
  if (is_bare_identifier(name) && !is_sql_keyword_needing_quotes(name)) return std::string(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string quote_qualified(std::string_view schema, std::string_view name) {
  if (schema.empty()) return quote_ident(name);
  return quote_ident(schema) + "." + quote_ident(name);
}

std::string quote_literal(std::string_view value) {
  bool has_backslash = value.find('\\') != std::string_view::npos;
  std::string out = has_backslash ? "E'" : "'";
  for (char c : value) {
    if (c == '\'') out += '\'';
    if (c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

}  // namespace schemac::base
