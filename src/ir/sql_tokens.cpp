// Token-level rewrites shared by normalize_expr: parentheses and printing.
// Precedence facts used (PostgreSQL >= 9.5, high to low): arithmetic and other
// operators; BETWEEN IN LIKE; comparisons; IS; NOT; AND; OR.
#include <algorithm>

#include "base/quote.hpp"
#include "ir/sql_lexer.hpp"

namespace schemac::ir {
namespace {

using Tokens = std::vector<SqlToken>;
using K = SqlTokenKind;

constexpr std::string_view kOperatorWords[] = {
    "all",     "and",  "any",     "array", "between", "case",   "distinct", "else",
    "exists",  "from", "ilike",   "in",    "is",      "isnull", "like",     "not",
    "notnull", "or",   "similar", "some",  "then",    "to",     "values",   "when"};

constexpr std::string_view kComparisons[] = {"=", "<>", "!=", "<", ">", "<=", ">="};

// Binding strength of binary operators (higher binds tighter), as in
// PostgreSQL's grammar. kOperand: no binary operator at all.
constexpr int kBoundary = 0;
constexpr int kOperand = 100;
constexpr int kUnknown = -1;

int word_level(const SqlToken& t) {
  if (is_word(t, "or")) return 1;
  if (is_word(t, "and")) return 2;
  if (is_word(t, "not")) return 3;
  for (std::string_view w : {"is", "isnull", "notnull"}) {
    if (is_word(t, w)) return 4;
  }
  for (std::string_view w : {"between", "in", "like", "ilike", "similar"}) {
    if (is_word(t, w)) return 6;
  }
  return kUnknown;
}

int operator_level(const SqlToken& t) {
  if (is_comparison(t)) return 5;
  if (t.text == "+" || t.text == "-") return 8;
  if (t.text == "*" || t.text == "/" || t.text == "%") return 9;
  if (t.text == "^") return 10;
  return 7;  // any other operator
}

// Levels 5, 4 and 6 do not associate (a < b < c is an error); the rest are left-associative.
bool left_associative(int level) {
  return level != 4 && level != 5 && level != 6;
}

bool ends_operand(const SqlToken& t) {
  if (t.kind == K::Word) return !is_operator_word(t);
  return t.kind != K::Operator && t.kind != K::Punct ? true : is_punct(t, ")") || is_punct(t, "]");
}

// neighbour_level: the level of the operator next to a parenthesised group.
int neighbour_level(const Tokens& tokens, std::size_t i, bool before) {
  if (before ? i == 0 : i >= tokens.size()) return kBoundary;
  std::size_t at = before ? i - 1 : i;
  const SqlToken& t = tokens[at];
  if (is_punct(t, ",") || is_punct(t, before ? "(" : ")")) return kBoundary;
  if (t.kind == K::Word) return (before && word_level(t) == 4) ? kUnknown : word_level(t);
  if (t.kind != K::Operator) return kUnknown;
  if (before && (at == 0 || !ends_operand(tokens[at - 1]))) return kUnknown;  // unary
  return operator_level(t);
}

bool has_depth0_comma(const Tokens& tokens, std::size_t open, std::size_t close) {
  int depth = 0;
  for (std::size_t i = open + 1; i < close; ++i) {
    if (is_punct(tokens[i], "(") || is_punct(tokens[i], "[")) ++depth;
    if (is_punct(tokens[i], ")") || is_punct(tokens[i], "]")) --depth;
    if (depth == 0 && is_punct(tokens[i], ",")) return true;
  }
  return false;
}

// content_level: the loosest binary operator at depth 0 in (open, close);
// kUnknown for constructs this does not model (CASE, EXISTS, rows, ...).
int content_level(const Tokens& tokens, std::size_t open, std::size_t close) {
  int level = kOperand;
  int depth = 0;
  for (std::size_t i = open + 1; i < close; ++i) {
    const SqlToken& t = tokens[i];
    if (is_punct(t, "(") || is_punct(t, "[")) ++depth;
    if (is_punct(t, ")") || is_punct(t, "]")) --depth;
    if (depth != 0) continue;
    if (is_punct(t, ",")) return kUnknown;
    int l = kOperand;
    if (t.kind == K::Word && is_operator_word(t)) {
      bool neutral = is_word(t, "any") || is_word(t, "all") || is_word(t, "some") ||
                     is_word(t, "array") || (is_word(t, "not") && i > open + 1);
      l = neutral ? kOperand : word_level(t);
      if (l == kUnknown) return kUnknown;
    } else if (t.kind == K::Operator && i > open + 1 && ends_operand(tokens[i - 1])) {
      l = operator_level(t);
    }
    level = std::min(level, l);
  }
  return level;
}

bool removable(const Tokens& tokens, std::size_t open, std::size_t close) {
  if (close == open + 1) return false;
  if (open > 0) {
    const SqlToken& prev = tokens[open - 1];
    bool call_or_keyword =
        is_name(prev) && !is_word(prev, "and") && !is_word(prev, "or") && !is_word(prev, "not");
    if (call_or_keyword || is_punct(prev, ")") || is_punct(prev, "]") || is_punct(prev, "::"))
      return false;
  }
  // (row).field selects a field; row.field would name a table's column.
  if (close + 1 < tokens.size() && is_punct(tokens[close + 1], ".")) return false;
  int inner = content_level(tokens, open, close);
  if (inner == kOperand) {
    // A primary: a name, literal, call or cast. A leading sign binds looser
    // than :: and [], so (-1)::text keeps its parentheses.
    const SqlToken& first = tokens[open + 1];
    bool signed_first =
        first.kind == K::Operator || (first.kind == K::Number && first.text.starts_with('-'));
    bool postfix = close + 1 < tokens.size() &&
                   (is_punct(tokens[close + 1], "::") || is_punct(tokens[close + 1], "["));
    return !(signed_first && postfix);
  }
  int before = neighbour_level(tokens, open, true);
  int after = neighbour_level(tokens, close + 1, false);
  // Around a whole argument or the whole text, only a row constructor needs them.
  if (before == kBoundary && after == kBoundary) return !has_depth0_comma(tokens, open, close);
  if (inner == kUnknown || before == kUnknown || after == kUnknown) return false;
  return inner > before && (inner > after || (inner == after && left_associative(inner)));
}

std::size_t matching_close(const Tokens& tokens, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < tokens.size(); ++i) {
    if (is_punct(tokens[i], "(")) ++depth;
    if (is_punct(tokens[i], ")") && --depth == 0) return i;
  }
  return tokens.size();
}

bool space_between(const SqlToken& a, const SqlToken& b) {
  for (std::string_view p : {")", "]", ",", ".", "::", "["}) {
    if (is_punct(b, p)) return false;
  }
  for (std::string_view p : {"(", "[", ".", "::"}) {
    if (is_punct(a, p)) return false;
  }
  if (is_punct(b, "(")) return !is_name(a) || is_operator_word(a);
  return true;
}

}  // namespace

bool is_operator_word(const SqlToken& token) {
  return token.kind == K::Word && std::find(std::begin(kOperatorWords), std::end(kOperatorWords),
                                            token.text) != std::end(kOperatorWords);
}

bool is_comparison(const SqlToken& token) {
  return token.kind == K::Operator && std::find(std::begin(kComparisons), std::end(kComparisons),
                                                token.text) != std::end(kComparisons);
}

void strip_redundant_parens(Tokens& tokens) {
  for (bool changed = true; changed;) {
    changed = false;
    for (std::size_t i = 0; i < tokens.size() && !changed; ++i) {
      if (!is_punct(tokens[i], "(")) continue;
      std::size_t close = matching_close(tokens, i);
      if (close == tokens.size() || !removable(tokens, i, close)) continue;
      tokens.erase(tokens.begin() + close);
      tokens.erase(tokens.begin() + i);
      changed = true;
    }
  }
}

std::string print_tokens(const Tokens& tokens) {
  std::string out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i > 0 && space_between(tokens[i - 1], tokens[i])) out += ' ';
    const SqlToken& t = tokens[i];
    out += t.kind == K::QuotedIdent ? base::quote_ident(t.text) : t.text;
  }
  return out;
}

}  // namespace schemac::ir
