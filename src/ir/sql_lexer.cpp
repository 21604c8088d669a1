#include "ir/sql_lexer.hpp"

#include <algorithm>
#include <cctype>

namespace schemac::ir {
namespace {

// Character classes of the "C" locale (schemac never sets another), inline
// rather than through <cctype>'s table lookups: the lexer runs per character.
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

bool is_ident_start(char c) {
  return is_alpha(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

bool is_ident_char(char c) {
  return is_ident_start(c) || is_digit(c) || c == '$';
}

bool is_op_char(char c) {
  return std::string_view("+-*/<>=~!@#%^&|`?").find(c) != std::string_view::npos;
}

char fold(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// for_each_unquoted calls f with each character of a QuotedIdent's name: the
// text after the opening quote up to the closing one, "" standing for ".
// Unterminated, the name runs to the end (as the lexer scanned it).
template <typename F>
void for_each_unquoted(std::string_view raw, F f) {
  for (std::size_t i = 1; i < raw.size(); ++i) {
    if (raw[i] == '"') {
      if (i + 1 >= raw.size() || raw[i + 1] != '"') break;
      ++i;
    }
    f(raw[i]);
  }
}

}  // namespace

bool SqlRawLexer::next(SqlRawToken& token) {
  if (!skip_space_and_comments()) return false;
  std::size_t begin = i_;
  char c = s_[i_];
  if (c == '\'') {
    token.kind = string(false);
  } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
    token.kind = string(true);
  } else if ((c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') &&
             peek(1) == '\'') {
    token.kind = string(false);
  } else if (c == '"') {
    token.kind = quoted_ident();
  } else if (c == '$') {
    token.kind = dollar();
  } else if (is_digit(c) || (c == '.' && is_digit(peek(1)))) {
    token.kind = number();
  } else if (is_ident_start(c)) {
    token.kind = word();
  } else if (is_op_char(c)) {
    token.kind = op();
  } else {
    token.kind = punct();
  }
  token.raw = s_.substr(begin, i_ - begin);
  return true;
}

// skip_space_and_comments returns false at the end of the text.
bool SqlRawLexer::skip_space_and_comments() {
  while (i_ < s_.size()) {
    if (is_space(s_[i_])) {
      ++i_;
    } else if (s_.substr(i_, 2) == "--") {
      while (i_ < s_.size() && s_[i_] != '\n') ++i_;
    } else if (s_.substr(i_, 2) == "/*") {
      std::size_t end = s_.find("*/", i_ + 2);
      i_ = end == std::string_view::npos ? s_.size() : end + 2;
    } else {
      return true;
    }
  }
  return false;
}

SqlTokenKind SqlRawLexer::string(bool escapes) {
  i_ = s_.find('\'', i_) + 1;
  while (i_ < s_.size()) {
    if (escapes && s_[i_] == '\\') {
      i_ += 2;
    } else if (s_[i_] == '\'') {
      if (peek(1) != '\'') break;
      i_ += 2;
    } else {
      ++i_;
    }
  }
  i_ = std::min(i_ + 1, s_.size());
  return SqlTokenKind::String;
}

SqlTokenKind SqlRawLexer::quoted_ident() {
  ++i_;
  while (i_ < s_.size()) {
    if (s_[i_] == '"') {
      if (peek(1) != '"') break;
      ++i_;
    }
    ++i_;
  }
  i_ = std::min(i_ + 1, s_.size());
  return SqlTokenKind::QuotedIdent;
}

SqlTokenKind SqlRawLexer::dollar() {
  if (is_digit(peek(1))) {
    ++i_;
    while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
    return SqlTokenKind::Param;
  }
  std::size_t tag_end = s_.find('$', i_ + 1);
  if (tag_end == std::string_view::npos) {
    ++i_;
    return SqlTokenKind::Operator;
  }
  std::string_view tag = s_.substr(i_, tag_end - i_ + 1);
  std::size_t close = s_.find(tag, tag_end + 1);
  i_ = close == std::string_view::npos ? s_.size() : close + tag.size();
  return SqlTokenKind::String;
}

SqlTokenKind SqlRawLexer::number() {
  auto digits = [&] {
    while (i_ < s_.size() && is_digit(s_[i_])) ++i_;
  };
  digits();
  if (peek(0) == '.' && peek(1) != '.') {
    ++i_;
    digits();
  }
  if ((peek(0) == 'e' || peek(0) == 'E') &&
      (is_digit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && is_digit(peek(2))))) {
    i_ += 2;
    digits();
  }
  return SqlTokenKind::Number;
}

SqlTokenKind SqlRawLexer::word() {
  while (i_ < s_.size() && is_ident_char(s_[i_])) ++i_;
  return SqlTokenKind::Word;
}

// op follows PostgreSQL's lexer: the longest run of operator characters that
// does not start a comment, minus trailing + and - unless it holds one of ~!@#%^&|`?.
SqlTokenKind SqlRawLexer::op() {
  std::size_t begin = i_;
  while (i_ < s_.size() && is_op_char(s_[i_])) {
    if (i_ > begin && (s_.substr(i_, 2) == "--" || s_.substr(i_, 2) == "/*")) break;
    ++i_;
  }
  std::string_view text = s_.substr(begin, i_ - begin);
  if (text.size() > 1 && text.find_first_of("~!@#%^&|`?") == std::string_view::npos) {
    while (text.size() > 1 && (text.back() == '+' || text.back() == '-')) {
      text.remove_suffix(1);
      --i_;
    }
  }
  return SqlTokenKind::Operator;
}

SqlTokenKind SqlRawLexer::punct() {
  i_ += (s_[i_] == ':' && peek(1) == ':') ? 2 : 1;
  return SqlTokenKind::Punct;
}

std::string token_text(const SqlRawToken& token) {
  std::string text;
  if (token.kind == SqlTokenKind::Word) {
    text.resize(token.raw.size());
    std::transform(token.raw.begin(), token.raw.end(), text.begin(), fold);
  } else if (token.kind == SqlTokenKind::QuotedIdent) {
    for_each_unquoted(token.raw, [&](char c) { text += c; });
  } else {
    text = token.raw;
  }
  return text;
}

std::vector<SqlToken> lex_sql(std::string_view expr) {
  std::vector<SqlToken> out;
  SqlRawLexer lexer(expr);
  SqlRawToken raw;
  while (lexer.next(raw)) out.push_back({raw.kind, token_text(raw)});
  return out;
}

}  // namespace schemac::ir
