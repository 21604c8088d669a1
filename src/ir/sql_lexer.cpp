#include "ir/sql_lexer.hpp"

#include <cctype>

namespace schemac::ir {
namespace {

bool is_ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool is_ident_char(char c) {
  return is_ident_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$';
}

bool is_op_char(char c) {
  return std::string_view("+-*/<>=~!@#%^&|`?").find(c) != std::string_view::npos;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}

  std::vector<SqlToken> run() {
    while (skip_space_and_comments()) {
      char c = s_[i_];
      if (c == '\'') {
        string(i_, false);
      } else if ((c == 'e' || c == 'E') && peek(1) == '\'') {
        string(i_, true);
      } else if ((c == 'b' || c == 'B' || c == 'x' || c == 'X' || c == 'n' || c == 'N') &&
                 peek(1) == '\'') {
        string(i_, false);
      } else if (c == '"') {
        quoted_ident();
      } else if (c == '$') {
        dollar();
      } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                 (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))))) {
        number();
      } else if (is_ident_start(c)) {
        word();
      } else if (is_op_char(c)) {
        op();
      } else {
        punct();
      }
    }
    return std::move(out_);
  }

 private:
  char peek(std::size_t ahead) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : '\0'; }

  // skip_space_and_comments returns false at the end of the text.
  bool skip_space_and_comments() {
    while (i_ < s_.size()) {
      if (std::isspace(static_cast<unsigned char>(s_[i_]))) {
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

  void emit(SqlTokenKind kind, std::size_t begin) {
    out_.push_back({kind, std::string(s_.substr(begin, i_ - begin))});
  }

  void string(std::size_t begin, bool escapes) {
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
    emit(SqlTokenKind::String, begin);
  }

  void quoted_ident() {
    std::string name;
    ++i_;
    while (i_ < s_.size()) {
      if (s_[i_] == '"') {
        if (peek(1) != '"') break;
        ++i_;
      }
      name += s_[i_++];
    }
    i_ = std::min(i_ + 1, s_.size());
    out_.push_back({SqlTokenKind::QuotedIdent, std::move(name)});
  }

  void dollar() {
    std::size_t begin = i_;
    if (std::isdigit(static_cast<unsigned char>(peek(1)))) {
      ++i_;
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
      emit(SqlTokenKind::Param, begin);
      return;
    }
    std::size_t tag_end = s_.find('$', i_ + 1);
    if (tag_end == std::string_view::npos) {
      ++i_;
      emit(SqlTokenKind::Operator, begin);
      return;
    }
    std::string_view tag = s_.substr(i_, tag_end - i_ + 1);
    std::size_t close = s_.find(tag, tag_end + 1);
    i_ = close == std::string_view::npos ? s_.size() : close + tag.size();
    emit(SqlTokenKind::String, begin);
  }

  void number() {
    std::size_t begin = i_;
    auto digits = [&] {
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    };
    digits();
    if (peek(0) == '.' && peek(1) != '.') {
      ++i_;
      digits();
    }
    if ((peek(0) == 'e' || peek(0) == 'E') &&
        (std::isdigit(static_cast<unsigned char>(peek(1))) ||
         ((peek(1) == '+' || peek(1) == '-') &&
          std::isdigit(static_cast<unsigned char>(peek(2)))))) {
      i_ += 2;
      digits();
    }
    emit(SqlTokenKind::Number, begin);
  }

  void word() {
    std::size_t begin = i_;
    while (i_ < s_.size() && is_ident_char(s_[i_])) ++i_;
    std::string text(s_.substr(begin, i_ - begin));
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out_.push_back({SqlTokenKind::Word, std::move(text)});
  }

  // op follows PostgreSQL's lexer: the longest run of operator characters that
  // does not start a comment, minus trailing + and - unless it holds one of ~!@#%^&|`?.
  void op() {
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
    emit(SqlTokenKind::Operator, begin);
  }

  void punct() {
    std::size_t begin = i_;
    i_ += (s_[i_] == ':' && peek(1) == ':') ? 2 : 1;
    emit(SqlTokenKind::Punct, begin);
  }

  std::string_view s_;
  std::size_t i_ = 0;
  std::vector<SqlToken> out_;
};

}  // namespace

std::vector<SqlToken> lex_sql(std::string_view expr) {
  return Lexer(expr).run();
}

}  // namespace schemac::ir
