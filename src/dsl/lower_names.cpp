#include "dsl/lower_names.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>
#include <utility>

#include "ir/normalize.hpp"
#include "ir/sql_lexer.hpp"

namespace schemac::dsl {
namespace {

using ir::SqlToken;
using ir::SqlTokenKind;

// clip_utf8 is pg_mbcliplen: the longest prefix of at most n bytes that does not
// split a multi-byte character.
std::size_t clip_utf8(std::string_view s, std::size_t n) {
  while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

// SQLValueFunction keywords: FigureColname names them after themselves.
constexpr std::string_view kValueFunctions[] = {
    "current_catalog", "current_date",      "current_role", "current_schema",
    "current_time",    "current_timestamp", "current_user", "localtime",
    "localtimestamp",  "session_user",      "user"};

std::size_t matching_close(const std::vector<SqlToken>& t, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < t.size(); ++i) {
    if (ir::is_punct(t[i], "(") || ir::is_punct(t[i], "[")) ++depth;
    if ((ir::is_punct(t[i], ")") || ir::is_punct(t[i], "]")) && --depth == 0) return i;
  }
  return t.size();
}

// figure_colname follows FigureColnameInternal on the tokens [begin, end).
std::string figure_colname(const std::vector<SqlToken>& t, std::size_t begin, std::size_t end) {
  if (begin >= end) return "";
  std::size_t i = begin;
  while (i + 2 < end && ir::is_name(t[i]) && ir::is_punct(t[i + 1], ".")) i += 2;  // qualifiers
  const SqlToken& head = t[i];
  if (ir::is_word(head, "case")) return "case";
  if (ir::is_word(head, "array")) return "array";
  if (ir::is_word(head, "exists")) return "exists";
  if (ir::is_word(head, "row") && i + 1 < end && ir::is_punct(t[i + 1], "(")) return "row";
  bool name = ir::is_name(head) && !ir::is_operator_word(head);
  std::size_t operand_end = i + 1;
  if (name && i + 1 < end && ir::is_punct(t[i + 1], "("))
    operand_end = matching_close(t, i + 1) + 1;
  if (!name && ir::is_punct(head, "(")) operand_end = matching_close(t, i) + 1;
  if (operand_end == end) {
    if (name) return head.text;
    if (ir::is_punct(head, "(")) return figure_colname(t, i + 1, end - 1);
    return "";
  }
  // expr::type: the operand's name, else the type's (last word).
  if (operand_end < end && ir::is_punct(t[operand_end], "::")) {
    bool only_cast = true;
    for (std::size_t j = operand_end + 1; j < end; ++j) {
      only_cast &= t[j].kind == SqlTokenKind::Word || ir::is_punct(t[j], ".") ||
                   t[j].kind == SqlTokenKind::QuotedIdent || t[j].kind == SqlTokenKind::Number ||
                   ir::is_punct(t[j], "(") || ir::is_punct(t[j], ")") || ir::is_punct(t[j], ",") ||
                   ir::is_punct(t[j], "[") || ir::is_punct(t[j], "]");
    }
    if (!only_cast) return "";
    std::string inner = (name || ir::is_punct(head, "(")) ? figure_colname(t, i, operand_end) : "";
    return inner.empty() ? t[operand_end + 1].text : inner;
  }
  return "";
}

}  // namespace

std::string make_object_name(std::string_view name1, std::string_view name2,
                             std::string_view label) {
  std::size_t overhead = 0;
  std::size_t name1_chars = name1.size();
  std::size_t name2_chars = name2.size();
  if (!name2.empty()) overhead++;
  if (!label.empty()) overhead += label.size() + 1;
  std::size_t avail = kMaxIdentifierBytes - std::min(overhead, kMaxIdentifierBytes);
  while (name1_chars + name2_chars > avail) {
    if (name1_chars > name2_chars) {
      --name1_chars;
    } else {
      --name2_chars;
    }
  }
  // Appended in place: one allocation at most (names fit the small-string
  // buffer or one reserve), no temporary per part.
  std::string result;
  result.reserve(name1_chars + name2_chars + overhead);
  result.append(name1.substr(0, clip_utf8(name1, name1_chars)));
  if (!name2.empty()) result.append(1, '_').append(name2.substr(0, clip_utf8(name2, name2_chars)));
  if (!label.empty()) result.append(1, '_').append(label);
  return result;
}

std::string_view NameScope::TextArena::store(std::string_view text) {
  if (text.empty()) return {};
  if (text.size() > capacity_ - used_) {
    capacity_ = std::max(kBlockBytes, text.size());
    blocks_.push_back(std::make_unique<char[]>(capacity_));
    used_ = 0;
  }
  char* begin = blocks_.back().get() + used_;
  std::copy(text.begin(), text.end(), begin);
  used_ += text.size();
  return {begin, text.size()};
}

std::size_t NameScope::find(std::string_view name, std::size_t hash) const {
  std::size_t mask = names_.size() - 1;
  std::uint16_t tag = tag_of(hash);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = names_[i];
    if (slot.kinds == 0 || (slot.tag == tag && slot.name() == name)) return i;
  }
}

void NameScope::grow() {
  rebuild(std::max<std::size_t>(64, names_.size() * 2));
}

void NameScope::reserve(std::size_t n) {
  std::size_t size = 64;
  while (size < 2 * n) size *= 2;
  if (size > names_.size()) rebuild(size);
}

void NameScope::rebuild(std::size_t size) {
  std::vector<Slot> old = std::exchange(names_, std::vector<Slot>(size));
  for (const Slot& slot : old)
    if (slot.kinds != 0) names_[find(slot.name(), hash(slot.name()))] = slot;
}

bool NameScope::take(std::string_view name, std::size_t hash, unsigned char kinds) {
  if (2 * (count_ + 1) > names_.size()) grow();
  Slot& slot = names_[find(name, hash)];
  if (slot.kinds & kinds) return false;
  if (slot.kinds == 0) {
    std::string_view stored = text_.store(name);
    slot.data = stored.data();
    slot.size = static_cast<std::uint32_t>(stored.size());
    slot.tag = tag_of(hash);
    ++count_;
  }
  slot.kinds |= kinds;
  return true;
}

std::string NameScope::choose(std::string_view name1, std::string_view name2,
                              std::string_view label, Namespace where) {
  std::string name = make_object_name(name1, name2, label);
  if (take_first(name, hash(name), where)) return name;
  return choose_after(name1, name2, label, where);
}

std::string NameScope::choose_after(std::string_view name1, std::string_view name2,
                                    std::string_view label, Namespace where) {
  for (int pass = 1;; ++pass) {
    std::string name = make_object_name(name1, name2, std::string(label) + std::to_string(pass));
    if (take_first(name, hash(name), where)) return name;
  }
}

std::string NameScope::choose_relation_name(std::string_view name1, std::string_view name2,
                                            std::string_view label, bool is_constraint) {
  return choose(name1, name2, label, is_constraint ? Namespace::Both : Namespace::Relation);
}

std::string NameScope::choose_constraint_name(std::string_view name1, std::string_view name2,
                                              std::string_view label) {
  return choose(name1, name2, label, Namespace::Constraint);
}

std::string expression_column_name(std::string_view expr) {
  std::vector<SqlToken> tokens = ir::lex_sql(ir::normalize_expr(expr));
  if (tokens.size() == 1 && tokens[0].kind == SqlTokenKind::Word &&
      std::find(std::begin(kValueFunctions), std::end(kValueFunctions), tokens[0].text) !=
          std::end(kValueFunctions)) {
    return tokens[0].text;
  }
  std::string name = figure_colname(tokens, 0, tokens.size());
  return name.empty() ? "expr" : name;
}

std::vector<std::string> index_column_names(
    const std::vector<std::pair<std::string_view, std::string_view>>& elements) {
  std::vector<std::string> result;
  result.reserve(elements.size());
  for (const auto& [column, expr] : elements) {
    std::string name = column.empty() ? expression_column_name(expr) : std::string(column);
    // ChooseIndexColumnNames: a repeated name gets 1, 2, ... (fitted into 63 bytes).
    auto taken = [&] { return std::find(result.begin(), result.end(), name) != result.end(); };
    if (taken()) {
      const std::string base = std::move(name);
      int i = 0;
      do {
        std::string suffix = std::to_string(++i);
        name = base.substr(0, clip_utf8(base, kMaxIdentifierBytes - suffix.size())) + suffix;
      } while (taken());
    }
    result.push_back(std::move(name));
  }
  return result;
}

namespace {

// name_operands lists, in order, the names in expr that may be columns: names
// not preceded by '::' or '.' and not followed by '(' or '.' (a window of
// three raw tokens, no token vector).
std::vector<std::string> name_operands(std::string_view expr) {
  std::vector<std::string> names;
  ir::SqlRawLexer lexer(expr);
  ir::SqlRawToken prev{}, token{}, next{};
  bool has_prev = false;
  bool has_token = lexer.next(token);
  while (has_token) {
    bool has_next = lexer.next(next);
    bool counts = ir::is_name(token) &&
                  !(has_prev && (ir::is_punct(prev, "::") || ir::is_punct(prev, "."))) &&
                  !(has_next && (ir::is_punct(next, "(") || ir::is_punct(next, ".")));
    if (counts) names.push_back(ir::token_text(token));
    prev = token;
    has_prev = true;
    token = next;
    has_token = has_next;
  }
  return names;
}

}  // namespace

std::vector<std::string_view> referenced_columns(std::string_view expr,
                                                 const std::vector<std::string_view>& columns) {
  // Tables repeat their checks (`length(name) > 0` in table after table):
  // each text is lexed once per thread.
  thread_local std::unordered_map<std::string, std::vector<std::string>, TextHash, std::equal_to<>>
      operands_of;
  auto it = operands_of.find(expr);
  if (it == operands_of.end()) it = operands_of.emplace(expr, name_operands(expr)).first;
  std::vector<std::string_view> found;
  for (const std::string& name : it->second) {
    auto column = std::find(columns.begin(), columns.end(), name);
    if (column != columns.end() && std::find(found.begin(), found.end(), *column) == found.end())
      found.push_back(*column);
  }
  return found;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace schemac::dsl
