// ir/sql_lexer: splits SQL expression text into tokens. schemac does not parse
// SQL; the tokens are what normalize_expr and the lowerer's implicit naming
// (which columns a check references, what an index expression is called) need.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace schemac::ir {

/// SqlTokenKind classifies one token of SQL expression text.
enum class SqlTokenKind {
  Word,         // bare identifier or keyword, lower-cased (PostgreSQL folds them)
  QuotedIdent,  // "Name": text holds the unescaped name
  String,       // '...', E'...', B'...', X'...', $$...$$: text holds the literal as written
  Number,       // 42, 1.5, 1e10, .5
  Operator,     // + - * / < > = ~ ! @ # % ^ & | ` ? and their combinations
  Punct,        // ( ) [ ] , ; . : ::
  Param,        // $1
};

/// SqlToken is one token; text is canonical for Word (lower case) and
/// QuotedIdent (unescaped), verbatim otherwise.
struct SqlToken {
  SqlTokenKind kind;
  std::string text;
  friend bool operator==(const SqlToken&, const SqlToken&) = default;
};

/// lex_sql tokenizes expr, dropping whitespace and comments (-- and /* */).
/// Never fails: a stray character becomes an Operator token of its own, and an
/// unterminated literal runs to the end of the text.
std::vector<SqlToken> lex_sql(std::string_view expr);

/// SqlRawToken is a token as written: raw views the lexed text (a Word not yet
/// lower-cased, a QuotedIdent with its quotes). Scans that only compare tokens
/// use it to lex without allocating.
struct SqlRawToken {
  SqlTokenKind kind;
  std::string_view raw;
};

/// SqlRawLexer yields lex_sql's tokens one at a time, as SqlRawTokens.
class SqlRawLexer {
 public:
  explicit SqlRawLexer(std::string_view text) : s_(text) {}
  /// next stores the next token in token; false at the end of the text.
  bool next(SqlRawToken& token);

 private:
  bool skip_space_and_comments();
  char peek(std::size_t ahead) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }
  SqlTokenKind string(bool escapes);
  SqlTokenKind quoted_ident();
  SqlTokenKind dollar();
  SqlTokenKind number();
  SqlTokenKind word();
  SqlTokenKind op();
  SqlTokenKind punct();

  std::string_view s_;
  std::size_t i_ = 0;
};

/// token_text is the text lex_sql gives a raw token (see SqlToken).
std::string token_text(const SqlRawToken& token);
/// is_name / is_punct: as for SqlToken (punctuation is never rewritten).
inline bool is_name(const SqlRawToken& token) {
  return token.kind == SqlTokenKind::Word || token.kind == SqlTokenKind::QuotedIdent;
}
inline bool is_punct(const SqlRawToken& token, std::string_view p) {
  return token.kind == SqlTokenKind::Punct && token.raw == p;
}

/// is_operator_word: a keyword that acts as an operator (and, or, not, in, any,
/// is, between, ...): a '(' after it is not a function call, '-' after it is unary.
bool is_operator_word(const SqlToken& token);
/// is_comparison: = <> != < > <= >=.
bool is_comparison(const SqlToken& token);
/// is_name: a bare word or a quoted identifier.
inline bool is_name(const SqlToken& token) {
  return token.kind == SqlTokenKind::Word || token.kind == SqlTokenKind::QuotedIdent;
}

/// strip_redundant_parens removes parentheses that cannot change the meaning,
/// judged by PostgreSQL's operator precedence: around the whole text or a whole
/// argument, around a primary, around an operand whose loosest operator binds
/// tighter than its neighbours' (or as tight, left-associatively). PostgreSQL's
/// deparser adds exactly such parentheses, so user text and pg_get_expr meet.
void strip_redundant_parens(std::vector<SqlToken>& tokens);

/// print_tokens joins tokens with PostgreSQL's deparse spacing: one space
/// around binary operators and after commas, none inside brackets, around
/// `::` and `.`, or between a function name and its '('.
std::string print_tokens(const std::vector<SqlToken>& tokens);

/// is_word reports whether token is the bare word w (already lower-case).
inline bool is_word(const SqlToken& token, std::string_view w) {
  return token.kind == SqlTokenKind::Word && token.text == w;
}

/// is_punct reports whether token is the punctuation p.
inline bool is_punct(const SqlToken& token, std::string_view p) {
  return token.kind == SqlTokenKind::Punct && token.text == p;
}

}  // namespace schemac::ir
