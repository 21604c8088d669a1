// normalize_expr: canonical text of a SQL expression, token based. PostgreSQL
// prints stored expressions with casts on every literal and parentheses around
// every operator expression; users write neither. The rewrites below remove
// exactly the differences that cannot change the expression's meaning.
#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "base/quote.hpp"
#include "ir/normalize.hpp"
#include "ir/sql_lexer.hpp"
#include "ir/types.hpp"

namespace schemac::ir {
namespace {

using Tokens = std::vector<SqlToken>;
using K = SqlTokenKind;

// ends_operand: after such a token a '-' is binary.
bool ends_operand(const SqlToken& t) {
  if (t.kind == K::Word) return !is_operator_word(t);
  return t.kind == K::QuotedIdent || t.kind == K::Number || t.kind == K::String ||
         t.kind == K::Param || is_punct(t, ")") || is_punct(t, "]");
}

// "QuotedName" that PostgreSQL would print bare becomes a plain word.
void unquote_plain_names(Tokens& tokens) {
  for (SqlToken& t : tokens) {
    if (t.kind == K::QuotedIdent && base::quote_ident(t.text) == t.text) t.kind = K::Word;
  }
}

// cast_type_end returns the index after the type name starting at i (just after "::").
std::size_t cast_type_end(const Tokens& tokens, std::size_t i) {
  static constexpr std::string_view kContinuations[] = {"varying", "precision", "with",
                                                        "without", "time",      "zone"};
  if (i >= tokens.size() || !is_name(tokens[i])) return i;
  ++i;
  if (i + 1 < tokens.size() && is_punct(tokens[i], ".") && is_name(tokens[i + 1])) i += 2;
  while (i < tokens.size() && tokens[i].kind == K::Word &&
         std::find(std::begin(kContinuations), std::end(kContinuations), tokens[i].text) !=
             std::end(kContinuations)) {
    ++i;
  }
  if (i < tokens.size() && is_punct(tokens[i], "(")) {
    std::size_t j = i + 1;
    while (j < tokens.size() && (tokens[j].kind == K::Number || is_punct(tokens[j], ","))) ++j;
    if (j < tokens.size() && is_punct(tokens[j], ")")) i = j + 1;
  }
  while (i + 1 < tokens.size() && is_punct(tokens[i], "[") && is_punct(tokens[i + 1], "]")) i += 2;
  return i;
}

// canonical_cast_type spells tokens[begin, end) as one type name: built-in
// aliases become format_type's name ("int" -> "integer").
std::string canonical_cast_type(const Tokens& tokens, std::size_t begin, std::size_t end) {
  std::string name;
  std::vector<std::string> mods;
  bool array = false;
  bool plain = true;
  for (std::size_t i = begin; i < end; ++i) {
    const SqlToken& t = tokens[i];
    if (t.kind == K::Number) {
      mods.push_back(t.text);
    } else if (is_punct(t, "[")) {
      array = true;
    } else if (t.kind == K::Word && mods.empty() && !array) {
      name += (name.empty() ? "" : " ") + t.text;
    } else if (!is_punct(t, "(") && !is_punct(t, ")") && !is_punct(t, ",") && !is_punct(t, "]")) {
      plain = false;
    }
  }
  std::optional<TypeRef> builtin = plain ? canonical_builtin_typeref(name, mods) : std::nullopt;
  if (builtin) {
    builtin->is_array = array;
    return type_sql(*builtin);
  }
  std::string out;
  for (std::size_t i = begin; i < end; ++i) {
    out += tokens[i].kind == K::QuotedIdent ? base::quote_ident(tokens[i].text) : tokens[i].text;
  }
  return out;
}

bool is_numeric_type(std::string_view type) {
  return type == "integer" || type == "bigint" || type == "smallint" || type == "numeric" ||
         type == "real" || type == "double precision";
}

bool looks_numeric(std::string_view lit) {
  if (lit.size() < 3 || lit.front() != '\'' || lit.back() != '\'') return false;
  std::string_view body = lit.substr(1, lit.size() - 2);
  if (!body.empty() && body.front() == '-') body.remove_prefix(1);
  if (body.empty() || body.front() == '.' || body.back() == '.') return false;
  if (std::count(body.begin(), body.end(), '.') > 1) return false;
  return std::all_of(body.begin(), body.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == '.';
  });
}

// in_function_args: the literal at [begin, end) is a whole argument of a call.
bool in_function_args(const Tokens& tokens, std::size_t begin, std::size_t end) {
  if (begin == 0 || end >= tokens.size()) return false;
  if (!is_punct(tokens[end], ")") && !is_punct(tokens[end], ",")) return false;
  int depth = 0;
  for (std::size_t i = begin; i-- > 0;) {
    if (is_punct(tokens[i], ")")) ++depth;
    if (is_punct(tokens[i], "(")) {
      if (depth-- > 0) continue;
      if (i + 1 != begin && !is_punct(tokens[begin - 1], ",")) return false;
      return i > 0 && is_name(tokens[i - 1]) && !is_operator_word(tokens[i - 1]);
    }
  }
  return false;
}

bool operand_boundary(const Tokens& tokens, std::size_t i, bool before) {
  if (before ? i == 0 : i >= tokens.size()) return true;
  const SqlToken& t = tokens[before ? i - 1 : i];
  return is_punct(t, before ? "(" : ")") || is_punct(t, ",") || is_word(t, "and") ||
         is_word(t, "or") || (before && is_word(t, "not"));
}

// drop_literal_cast decides whether 'lit'::type at [begin, end) may lose its cast.
bool drop_literal_cast(const Tokens& tokens, std::size_t begin, std::size_t end,
                       const std::string& type) {
  if (type == "text" || type == "character varying" || type == "bpchar" || type == "unknown")
    return true;
  if (begin == 0 && end == tokens.size()) return true;
  if (in_function_args(tokens, begin, end)) return true;
  bool cmp_before = begin > 0 && is_comparison(tokens[begin - 1]);
  bool cmp_after = end < tokens.size() && is_comparison(tokens[end]);
  return (cmp_before && operand_boundary(tokens, end, false)) ||
         (cmp_after && operand_boundary(tokens, begin, true));
}

void rewrite_casts(Tokens& tokens) {
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (!is_punct(tokens[i + 1], "::")) continue;
    std::size_t type_end = cast_type_end(tokens, i + 2);
    if (type_end == i + 2) continue;
    std::string type = canonical_cast_type(tokens, i + 2, type_end);
    tokens.erase(tokens.begin() + i + 3, tokens.begin() + type_end);
    tokens[i + 2] = {K::Word, type};
    if (tokens[i].kind != K::String && !is_word(tokens[i], "null")) continue;
    bool numeric = is_numeric_type(type) && looks_numeric(tokens[i].text);
    if (numeric || drop_literal_cast(tokens, i, i + 3, type)) {
      if (numeric) tokens[i] = {K::Number, tokens[i].text.substr(1, tokens[i].text.size() - 2)};
      tokens.erase(tokens.begin() + i + 1, tokens.begin() + i + 3);
    }
  }
}

// rewrite_typed_literals: `interval '1 day'` is how PostgreSQL reads
// '1 day'::interval, and the latter is how it prints it.
void rewrite_typed_literals(Tokens& tokens) {
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].kind != K::Word || tokens[i + 1].kind != K::String) continue;
    if (i > 0 && (is_punct(tokens[i - 1], "::") || is_punct(tokens[i - 1], "."))) continue;
    std::optional<std::string> type = canonical_builtin_type(tokens[i].text);
    if (!type) continue;
    SqlToken literal = tokens[i + 1];
    tokens[i] = literal;
    tokens[i + 1] = {K::Punct, "::"};
    tokens.insert(tokens.begin() + i + 2, {K::Word, *type});
  }
}

// in_position_call: tokens[i] sits directly inside position( ... ), whose IN
// separates its two arguments rather than starting a list.
bool in_position_call(const Tokens& tokens, std::size_t i) {
  int depth = 0;
  for (std::size_t k = i; k-- > 0;) {
    if (is_punct(tokens[k], ")")) ++depth;
    if (is_punct(tokens[k], "(") && depth-- == 0)
      return k > 0 && is_word(tokens[k - 1], "position");
  }
  return false;
}

// strip_position_parens: PostgreSQL prints position(a in b) as
// POSITION((a) IN (b)); the parentheses around the whole of b go (those
// around a, strip_redundant_parens removes).
void strip_position_parens(Tokens& tokens) {
  for (std::size_t i = 0; i + 3 < tokens.size(); ++i) {
    if (!is_word(tokens[i], "in") || !is_punct(tokens[i + 1], "(") || !in_position_call(tokens, i))
      continue;
    int depth = 0;
    std::size_t close = i + 1;
    for (; close < tokens.size(); ++close) {
      if (is_punct(tokens[close], "(")) ++depth;
      if (is_punct(tokens[close], ")") && --depth == 0) break;
    }
    if (close + 1 >= tokens.size() || !is_punct(tokens[close + 1], ")")) continue;
    tokens.erase(tokens.begin() + close);
    tokens.erase(tokens.begin() + i + 1);
  }
}

// rewrite_not_equals: PostgreSQL's lexer reads != as <>.
void rewrite_not_equals(Tokens& tokens) {
  for (SqlToken& token : tokens)
    if (token.kind == K::Operator && token.text == "!=") token.text = "<>";
}

// rewrite_like_and_in spells LIKE and IN (list) the way PostgreSQL stores them:
// a like b -> a ~~ b, not ilike -> !~~*, a in (1, 2) -> a = any (array[1, 2]),
// a not in (...) -> a <> all (array[...]). Subqueries (IN (SELECT ...)) stay.
void rewrite_like_and_in(Tokens& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    bool negated = i + 1 < tokens.size() && is_word(tokens[i], "not");
    const SqlToken& word = tokens[negated ? i + 1 : i];
    if (is_word(word, "like") || is_word(word, "ilike")) {
      std::string op = std::string(negated ? "!" : "") + "~~" + (is_word(word, "ilike") ? "*" : "");
      if (negated) tokens.erase(tokens.begin() + i);
      tokens[i] = {K::Operator, op};
      continue;
    }
    std::size_t open = i + (negated ? 2 : 1);
    if (!is_word(word, "in") || open >= tokens.size() || !is_punct(tokens[open], "(")) continue;
    if (in_position_call(tokens, i)) continue;
    if (open + 1 < tokens.size() && is_word(tokens[open + 1], "select")) continue;
    int depth = 0;
    std::size_t close = open;
    for (; close < tokens.size(); ++close) {
      if (is_punct(tokens[close], "(")) ++depth;
      if (is_punct(tokens[close], ")") && --depth == 0) break;
    }
    if (close == tokens.size()) continue;
    tokens[close] = {K::Punct, "]"};
    tokens[open] = {K::Punct, "["};
    Tokens head = {{K::Operator, negated ? "<>" : "="},
                   {K::Word, negated ? "all" : "any"},
                   {K::Punct, "("},
                   {K::Word, "array"}};
    tokens.insert(tokens.begin() + close + 1, {K::Punct, ")"});
    tokens.erase(tokens.begin() + i, tokens.begin() + open);
    tokens.insert(tokens.begin() + i, head.begin(), head.end());
  }
}

// is_simple_operand: one name, number or string: the BETWEEN bounds rewritten.
bool is_simple_operand(const SqlToken& t) {
  return (is_name(t) && !is_operator_word(t)) || t.kind == K::Number || t.kind == K::String;
}

// rewrite_between expands `a [not] between b and c` on simple operands the way
// PostgreSQL stores it: (a >= b and a <= c), not: (a < b or a > c). The
// parentheses keep the expansion one operand; strip_redundant_parens drops them
// where precedence allows.
// between_subject_start: where the operand that ends just before `end` starts,
// when it is one simple token or a function call f(...); npos otherwise.
std::size_t between_subject_start(const Tokens& tokens, std::size_t end) {
  if (end == 0) return std::string::npos;
  if (is_simple_operand(tokens[end - 1])) return end - 1;
  if (!is_punct(tokens[end - 1], ")")) return std::string::npos;
  int depth = 0;
  for (std::size_t k = end; k-- > 0;) {
    if (is_punct(tokens[k], ")")) ++depth;
    if (is_punct(tokens[k], "(") && --depth == 0)
      return k > 0 && is_name(tokens[k - 1]) && !is_operator_word(tokens[k - 1])
                 ? k - 1
                 : std::string::npos;
  }
  return std::string::npos;
}

void rewrite_between(Tokens& tokens) {
  for (std::size_t i = 1; i < tokens.size(); ++i) {
    bool negated = is_word(tokens[i], "not");
    std::size_t kw = i + (negated ? 1 : 0);
    if (kw + 3 >= tokens.size() || !is_word(tokens[kw], "between")) continue;
    std::size_t b = kw + 1, c = kw + 3;
    if (!is_word(tokens[kw + 2], "and")) continue;
    std::size_t start = between_subject_start(tokens, i);
    if (start == std::string::npos || !is_simple_operand(tokens[b]) ||
        !is_simple_operand(tokens[c]))
      continue;
    if (!operand_boundary(tokens, start, true) || !operand_boundary(tokens, c + 1, false) ||
        (c + 1 < tokens.size() && is_punct(tokens[c + 1], ",")))
      continue;
    const Tokens a(tokens.begin() + start, tokens.begin() + i);
    Tokens out = {{K::Punct, "("}};
    out.insert(out.end(), a.begin(), a.end());
    out.insert(out.end(),
               {{K::Operator, negated ? "<" : ">="}, tokens[b], {K::Word, negated ? "or" : "and"}});
    out.insert(out.end(), a.begin(), a.end());
    out.insert(out.end(), {{K::Operator, negated ? ">" : "<="}, tokens[c], {K::Punct, ")"}});
    tokens.erase(tokens.begin() + start, tokens.begin() + c + 1);
    tokens.insert(tokens.begin() + start, out.begin(), out.end());
    i = start + out.size() - 1;
  }
}

// drop_column_text_casts: PostgreSQL casts a varchar column to text wherever a
// text operator or function takes it ("(code)::text ~~ 'A%'"); users do not
// write that cast. It goes only on the named text/varchar columns: on any other
// column it carries meaning (length(n::text) of an integer n).
void drop_column_text_casts(Tokens& tokens, const std::vector<std::string>& text_columns) {
  for (std::size_t i = 0; i + 2 < tokens.size(); ++i) {
    if (!is_name(tokens[i])) continue;
    if (std::find(text_columns.begin(), text_columns.end(), tokens[i].text) == text_columns.end())
      continue;
    if (!is_punct(tokens[i + 1], "::") || !is_word(tokens[i + 2], "text")) continue;
    if (i > 0 && (is_punct(tokens[i - 1], "::") || is_punct(tokens[i - 1], "."))) continue;
    if (i + 3 < tokens.size() && is_punct(tokens[i + 3], "[")) continue;  // text[]
    tokens.erase(tokens.begin() + i + 1, tokens.begin() + i + 3);
  }
}

// drop_number_casts: `(0)::numeric` is how PostgreSQL stores the 0 of
// `price >= 0` on a numeric column. A number's cast to a numeric type goes
// where drop_literal_cast allows it for strings (comparison side, whole
// argument, whole expression); in arithmetic it may carry meaning (1::numeric / 3).
void drop_number_casts(Tokens& tokens) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    bool wrapped = i + 2 < tokens.size() && is_punct(tokens[i], "(") &&
                   tokens[i + 1].kind == K::Number && is_punct(tokens[i + 2], ")");
    std::size_t cast = wrapped ? i + 3 : i + 1;
    if (!wrapped && tokens[i].kind != K::Number) continue;
    if (cast + 1 >= tokens.size() || !is_punct(tokens[cast], "::")) continue;
    if (!is_numeric_type(tokens[cast + 1].text)) continue;
    if (cast + 2 < tokens.size() && is_punct(tokens[cast + 2], "[")) continue;
    if (!drop_literal_cast(tokens, i, cast + 2, tokens[cast + 1].text)) continue;
    SqlToken number = tokens[wrapped ? i + 1 : i];
    tokens.erase(tokens.begin() + i + 1, tokens.begin() + cast + 2);
    tokens[i] = number;
  }
}

void merge_unary_minus(Tokens& tokens) {
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    if (tokens[i].kind != K::Operator || tokens[i].text != "-" || tokens[i + 1].kind != K::Number)
      continue;
    if (i > 0 && ends_operand(tokens[i - 1])) continue;
    if (tokens[i + 1].text.starts_with('-')) continue;
    tokens[i + 1].text = "-" + tokens[i + 1].text;
    tokens.erase(tokens.begin() + i);
  }
}

}  // namespace

namespace {

std::string normalize_expr_uncached(std::string_view expr,
                                    const std::vector<std::string>& text_columns) {
  Tokens tokens = lex_sql(expr);
  unquote_plain_names(tokens);
  merge_unary_minus(tokens);
  rewrite_typed_literals(tokens);
  rewrite_not_equals(tokens);
  rewrite_like_and_in(tokens);
  rewrite_between(tokens);
  strip_redundant_parens(tokens);
  rewrite_casts(tokens);
  merge_unary_minus(tokens);
  strip_redundant_parens(tokens);
  drop_column_text_casts(tokens, text_columns);
  drop_number_casts(tokens);
  strip_position_parens(tokens);
  strip_redundant_parens(tokens);
  return print_tokens(tokens);
}

}  // namespace

// normalize_expr is a pure function, and the same texts come back many times
// (`now()`, `length(name) > 0` in table after table; each one again for both
// sides and for every comparison), so its results are kept per thread: at
// 10,000 tables this was a third of diff+plan. The cache holds one entry per
// distinct text and column list; the key is built in a reused buffer, so a
// lookup allocates nothing.
namespace {

const std::string& cached_normalize_expr(std::string_view expr,
                                         const std::vector<std::string>& text_columns) {
  thread_local std::unordered_map<std::string, std::string> cache;
  thread_local std::string key;
  key = std::to_string(expr.size());  // the length keeps keys unambiguous
  key += ':';
  key += expr;
  for (const std::string& column : text_columns) {
    key += '\0';
    key += column;
  }
  auto found = cache.find(key);
  if (found == cache.end())
    found = cache.emplace(key, normalize_expr_uncached(expr, text_columns)).first;
  return found->second;  // map nodes are stable
}

}  // namespace

std::string normalize_expr(std::string_view expr, const std::vector<std::string>& text_columns) {
  return cached_normalize_expr(expr, text_columns);
}

void normalize_expr_in_place(std::string& expr, const std::vector<std::string>& text_columns) {
  const std::string& normalized = cached_normalize_expr(expr, text_columns);
  if (normalized != expr) expr = normalized;
}

}  // namespace schemac::ir
