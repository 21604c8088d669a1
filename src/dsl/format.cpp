// dsl/format: the layout. Comments are kept beside the AST (ast::File::comments,
// with spans); before printing a block, each comment of the block is attached
// to one of its entries by position: on the entry's last line (trailing), on
// lines before it (leading), inside a one-line entry (moved before it), or after
// the last entry (kept at the end of the block). Blank lines between entries
// are kept (at most one); blocks get one blank line around them.
#include "dsl/format.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <type_traits>
#include <variant>

#include "dsl/format_text.hpp"
#include "dsl/parse.hpp"

namespace schemac::dsl {
namespace {

constexpr std::size_t kMaxWidth = 100;  // a one-line enum longer than this is split
constexpr std::uint32_t kNone = 0xffffffff;

/// Slot is one entry of a block as the source has it: where it starts, where its
/// code ends (before any trailing comment, separator or newline), and the
/// braces of the nested block it opens, if any (comments between them belong
/// to that block).
struct Slot {
  std::uint32_t begin = 0;
  std::uint32_t code_end = 0;
  std::uint32_t open = kNone;
  std::uint32_t close = kNone;
};

/// Attached: the comments that go with one entry.
struct Attached {
  std::vector<const ast::Comment*> leading;   // own lines before the entry
  std::vector<bool> leading_blank;            // a blank line before each
  bool blank_before = false;                  // a blank line right before the entry
  std::vector<const ast::Comment*> trailing;  // at the end of the entry's line
};

/// Block: the comments of a block, by entry.
struct Block {
  std::vector<Attached> entries;
  std::vector<const ast::Comment*> header;    // after the opening brace, on its line
  std::vector<const ast::Comment*> dangling;  // after the last entry
  std::vector<bool> dangling_blank;
  bool empty() const { return entries.empty() && header.empty() && dangling.empty(); }
};

/// Line is one output line: code and an optional trailing comment, aligned with
/// those of the lines around it.
struct Line {
  std::string code;
  std::string trailing;
};

std::size_t width(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::string pad(std::string text, std::size_t to) {
  std::size_t w = width(text);
  if (w < to) text.append(to - w, ' ');
  return text;
}

std::string comment_text(const ast::Comment& comment) {
  std::string text = comment.text;
  if (comment.kind != ast::Comment::Kind::Block)
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
      text.pop_back();
  return text;
}

std::string join_comments(const std::vector<const ast::Comment*>& comments) {
  std::string out;
  for (const ast::Comment* c : comments) out += (out.empty() ? "" : " ") + comment_text(*c);
  return out;
}

// needs_verbatim: a newline inside a string, a quoted name or a dollar quote,
// which re-indenting would change.
bool needs_verbatim(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\'' || c == '"') {
      std::size_t close = text.find(c, i + 1);
      if (close == std::string_view::npos) return true;
      if (text.substr(i, close - i).find('\n') != std::string_view::npos) return true;
      i = close;
    } else if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') {
      i = text.find('\n', i);
      if (i == std::string_view::npos) return false;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      i = text.find("*/", i + 2);
      if (i == std::string_view::npos) return true;
      ++i;
    } else if (c == '$') {
      std::size_t end = i + 1;
      while (end < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_'))
        ++end;
      if (end >= text.size() || text[end] != '$') continue;
      if (end > i + 1 && std::isdigit(static_cast<unsigned char>(text[i + 1]))) continue;  // $1
      std::string_view tag = text.substr(i, end - i + 1);
      std::size_t close = text.find(tag, end + 1);
      if (close == std::string_view::npos) return true;
      if (text.substr(i, close - i).find('\n') != std::string_view::npos) return true;
      i = close + tag.size() - 1;
    }
  }
  return false;
}

class Formatter {
 public:
  Formatter(const ast::File& file, std::string_view source) : source_(source), text_(source) {
    for (const ast::Comment& c : file.comments) comments_.push_back(&c);
    std::sort(comments_.begin(), comments_.end(), [](const ast::Comment* a, const ast::Comment* b) {
      return a->span.begin < b->span.begin;
    });
    for (std::size_t i = 0; i < comments_.size(); ++i) {
      by_begin_[comments_[i]->span.begin] = i;
      by_end_[comments_[i]->span.end] = i;
    }
  }

  std::string run(const ast::File& file) {
    std::vector<Slot> slots;
    for (const ast::Decl& d : file.decls) slots.push_back(decl_slot(d));
    Block block = attach(0, static_cast<std::uint32_t>(source_.size()), false, slots);
    decls(file.decls, block, "");
    return render();
  }

 private:
  // ---- Source positions -----------------------------------------------------

  bool has_newline(std::uint32_t from, std::uint32_t to) const {
    return from < to && source_.substr(from, to - from).find('\n') != std::string_view::npos;
  }

  // has_blank_line: an empty line between from and to.
  bool has_blank_line(std::uint32_t from, std::uint32_t to) const {
    if (from >= to) return false;
    std::string_view gap = source_.substr(from, to - from);
    std::size_t nl = gap.find('\n');
    while (nl != std::string_view::npos) {
      std::size_t next = gap.find('\n', nl + 1);
      if (next == std::string_view::npos) return false;
      if (gap.substr(nl + 1, next - nl - 1).find_first_not_of(" \t\r") == std::string_view::npos)
        return true;
      nl = next;
    }
    return false;
  }

  // code_end: the end of the code of [begin, end), before trailing blanks,
  // separators and comments.
  std::uint32_t code_end(std::uint32_t begin, std::uint32_t end) const {
    std::uint32_t pos = end;
    while (pos > begin) {
      char c = source_[pos - 1];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',') {
        --pos;
        continue;
      }
      auto comment = by_end_.find(pos);
      if (comment != by_end_.end() && comments_[comment->second]->span.begin >= begin) {
        pos = comments_[comment->second]->span.begin;
        continue;
      }
      break;
    }
    return pos;
  }

  // open_brace: the first '{' at or after from that is not inside a comment.
  std::uint32_t open_brace(std::uint32_t from) const {
    for (std::uint32_t i = from; i < source_.size(); ++i) {
      auto comment = by_begin_.find(i);
      if (comment != by_begin_.end()) {
        i = comments_[comment->second]->span.end - 1;
        continue;
      }
      if (source_[i] == '{') return i;
    }
    return kNone;
  }

  // ---- Attaching comments -----------------------------------------------------

  Slot decl_slot(const ast::Decl& decl) const {
    return std::visit(
        [&](const auto& d) {
          Slot slot{d.span.begin, code_end(d.span.begin, d.span.end)};
          using T = std::decay_t<decltype(d)>;
          if constexpr (std::is_same_v<T, ast::TableDecl> || std::is_same_v<T, ast::EnumDecl> ||
                        std::is_same_v<T, ast::SchemaDecl>) {
            slot.open = open_brace(d.name.span.end);
            slot.close = d.span.end - 1;
          }
          return slot;
        },
        decl.node);
  }

  Slot item_slot(const ast::TableItem& item) const {
    return std::visit(
        [&](const auto& d) {
          std::uint32_t begin = d.span.begin;
          using T = std::decay_t<decltype(d)>;
          if constexpr (std::is_same_v<T, ast::PrimaryKeyDef> ||
                        std::is_same_v<T, ast::UniqueDef> ||
                        std::is_same_v<T, ast::ForeignKeyDef> || std::is_same_v<T, ast::CheckDef>) {
            // `constraint name` stands before the item: start at the keyword.
            if (d.name) begin = constraint_keyword(d.name->span.begin);
          }
          return Slot{begin, code_end(begin, d.span.end)};
        },
        item);
  }

  // constraint_keyword: the start of the `constraint` word before a constraint name.
  std::uint32_t constraint_keyword(std::uint32_t name_begin) const {
    if (name_begin == 0) return name_begin;
    std::size_t at = source_.rfind("constraint", name_begin - 1);
    return at == std::string_view::npos ? name_begin : static_cast<std::uint32_t>(at);
  }

  /// attach gives each comment in [from, to) to an entry of the block.
  Block attach(std::uint32_t from, std::uint32_t to, bool braced,
               const std::vector<Slot>& slots) const {
    Block block;
    block.entries.resize(slots.size());
    std::vector<std::uint32_t> last_end;
    for (const Slot& s : slots) last_end.push_back(s.code_end);
    std::vector<std::vector<const ast::Comment*>> interior(slots.size());
    std::uint32_t header_end = from;
    auto first = std::lower_bound(
        comments_.begin(), comments_.end(), from,
        [](const ast::Comment* c, std::uint32_t at) { return c->span.begin < at; });
    for (auto it = first; it != comments_.end() && (*it)->span.begin < to; ++it) {
      const ast::Comment* c = *it;
      std::uint32_t at = c->span.begin;
      auto after = std::upper_bound(slots.begin(), slots.end(), at,
                                    [](std::uint32_t pos, const Slot& s) { return pos < s.begin; });
      std::ptrdiff_t prev = (after - slots.begin()) - 1;
      if (prev >= 0 && at < slots[prev].code_end) {
        const Slot& s = slots[prev];
        if (s.open != kNone && at > s.open && at < s.close) continue;  // the nested block's
        interior[prev].push_back(c);
      } else if (prev >= 0 && !has_newline(last_end[prev], at)) {
        block.entries[prev].trailing.push_back(c);
        last_end[prev] = c->span.end;
      } else if (prev < 0 && braced && !has_newline(header_end, at)) {
        block.header.push_back(c);
        header_end = c->span.end;
      } else if (static_cast<std::size_t>(prev + 1) < slots.size()) {
        block.entries[prev + 1].leading.push_back(c);
      } else {
        block.dangling.push_back(c);
      }
    }
    for (std::size_t i = 0; i < slots.size(); ++i) {
      Attached& entry = block.entries[i];
      std::uint32_t cursor = i == 0 ? header_end : last_end[i - 1];
      for (const ast::Comment* c : entry.leading) {
        entry.leading_blank.push_back(has_blank_line(cursor, c->span.begin));
        cursor = c->span.end;
      }
      entry.blank_before = has_blank_line(cursor, slots[i].begin);
      for (const ast::Comment* c : interior[i]) {
        entry.leading.push_back(c);
        entry.leading_blank.push_back(false);
      }
    }
    std::uint32_t cursor = slots.empty() ? header_end : last_end.back();
    for (const ast::Comment* c : block.dangling) {
      block.dangling_blank.push_back(has_blank_line(cursor, c->span.begin));
      cursor = c->span.end;
    }
    return block;
  }

  // ---- Output -------------------------------------------------------------------

  void line(std::string code) { lines_.push_back({std::move(code), ""}); }

  void blank() {
    if (!lines_.empty() && !lines_.back().code.empty()) lines_.push_back({});
  }

  void trailing(const std::vector<const ast::Comment*>& comments) {
    if (comments.empty()) return;
    std::string text = join_comments(comments);
    Line& last = lines_.back();
    last.trailing += (last.trailing.empty() ? "" : " ") + text;
  }

  /// leading prints the comments before an entry; first: nothing printed yet in
  /// the block (no blank line then); force_blank: the entry needs one before it.
  void leading(const Attached& entry, const std::string& indent, bool force_blank, bool& first) {
    bool pending = force_blank;
    for (std::size_t i = 0; i < entry.leading.size(); ++i) {
      if ((entry.leading_blank[i] || pending) && !first) blank();
      pending = false;
      line(indent + comment_text(*entry.leading[i]));
      first = false;
    }
    if ((entry.blank_before || pending) && !first) blank();
    first = false;
  }

  void dangling(const Block& block, const std::string& indent, bool first) {
    for (std::size_t i = 0; i < block.dangling.size(); ++i) {
      if (block.dangling_blank[i] && !first) blank();
      line(indent + comment_text(*block.dangling[i]));
      first = false;
    }
  }

  // render aligns the trailing comments of consecutive one-line entries.
  std::string render() {
    std::string out;
    for (std::size_t i = 0; i < lines_.size();) {
      std::size_t end = i;
      std::size_t column = 0;
      auto alignable = [&](const Line& l) {
        return !l.trailing.empty() && l.code.find('\n') == std::string::npos;
      };
      while (end < lines_.size() && alignable(lines_[end]))
        column = std::max(column, width(lines_[end].code)), ++end;
      if (end == i) {
        const Line& l = lines_[i];
        out += l.code + (l.trailing.empty() ? "" : (l.code.empty() ? "" : "  ") + l.trailing);
        out += "\n";
        ++i;
        continue;
      }
      for (; i < end; ++i) {
        const Line& l = lines_[i];
        out += (l.code.empty() ? l.trailing : pad(l.code, column) + "  " + l.trailing) + "\n";
      }
    }
    while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n')
      out.pop_back();
    return out;
  }

  // ---- Declarations ---------------------------------------------------------

  bool multiline(const ast::Decl& decl) const {
    if (std::holds_alternative<ast::TableDecl>(decl.node) ||
        std::holds_alternative<ast::SchemaDecl>(decl.node))
      return true;
    if (const auto* view = std::get_if<ast::ViewDecl>(&decl.node))
      return view->query.text.find('\n') != std::string::npos;
    if (const auto* e = std::get_if<ast::EnumDecl>(&decl.node)) return enum_multiline(*e);
    return false;
  }

  void decls(const std::vector<ast::Decl>& decls, const Block& block, const std::string& indent) {
    bool first = true;
    for (std::size_t i = 0; i < decls.size(); ++i) {
      bool force = i > 0 && (multiline(decls[i]) || multiline(decls[i - 1]) ||
                             decls[i].node.index() != decls[i - 1].node.index());
      leading(block.entries[i], indent, force, first);
      decl(decls[i], indent);
      trailing(block.entries[i].trailing);
    }
    dangling(block, indent, first);
  }

  void decl(const ast::Decl& decl, const std::string& indent) {
    std::visit(
        [&](const auto& d) {
          using T = std::decay_t<decltype(d)>;
          if constexpr (std::is_same_v<T, ast::ExtensionDecl>)
            line(indent + text_.extension(d));
          else if constexpr (std::is_same_v<T, ast::SequenceDecl>)
            line(indent + text_.sequence(d));
          else if constexpr (std::is_same_v<T, ast::DomainDecl>)
            line(indent + text_.domain(d));
          else if constexpr (std::is_same_v<T, ast::EnumDecl>)
            enum_decl(d, indent);
          else if constexpr (std::is_same_v<T, ast::ViewDecl>)
            view(d, indent);
          else if constexpr (std::is_same_v<T, ast::TableDecl>)
            table(d, indent);
          else if constexpr (std::is_same_v<T, ast::SchemaDecl>)
            schema(d, indent);
        },
        decl.node);
  }

  void schema(const ast::SchemaDecl& s, const std::string& indent) {
    std::vector<Slot> slots;
    for (const ast::Decl& d : s.decls) slots.push_back(decl_slot(d));
    std::uint32_t open = open_brace(s.name.span.end);
    Block block = attach(open + 1, s.span.end - 1, true, slots);
    std::string head = indent + "schema " + text_.ident(s.name) + " {";
    if (block.empty()) return line(head + "}");
    line(head);
    trailing(block.header);
    decls(s.decls, block, indent + "  ");
    line(indent + "}");
  }

  std::string enum_head(const ast::EnumDecl& e) const {
    return "enum " + text_.ident(e.name) + " {";
  }

  Block enum_block(const ast::EnumDecl& e) const {
    std::vector<Slot> slots;
    for (const ast::StringLit& v : e.values) slots.push_back({v.span.begin, v.span.end});
    std::uint32_t open = open_brace(e.name.span.end);
    return attach(open + 1, e.span.end - 1, true, slots);
  }

  std::string enum_values(const ast::EnumDecl& e) const {
    std::string values;
    for (const ast::StringLit& v : e.values)
      values += (values.empty() ? "" : ", ") + text_.string_lit(v);
    return values;
  }

  bool enum_multiline(const ast::EnumDecl& e) const {
    Block block = enum_block(e);
    bool has_comments = !block.header.empty() || !block.dangling.empty();
    for (const Attached& a : block.entries)
      has_comments = has_comments || !a.leading.empty() || !a.trailing.empty();
    return has_comments || enum_head(e).size() + enum_values(e).size() + 4 > kMaxWidth;
  }

  void enum_decl(const ast::EnumDecl& e, const std::string& indent) {
    if (!enum_multiline(e)) {
      std::string values = enum_values(e);
      line(indent + enum_head(e) + (values.empty() ? "}" : " " + values + " }"));
      return;
    }
    Block block = enum_block(e);
    line(indent + enum_head(e));
    trailing(block.header);
    bool first = true;
    for (std::size_t i = 0; i < e.values.size(); ++i) {
      leading(block.entries[i], indent + "  ", false, first);
      line(indent + "  " + text_.string_lit(e.values[i]) + (i + 1 < e.values.size() ? "," : ""));
      trailing(block.entries[i].trailing);
    }
    dangling(block, indent + "  ", first);
    line(indent + "}");
  }

  void view(const ast::ViewDecl& v, const std::string& indent) {
    std::string head =
        indent + (v.materialized ? "materialized view " : "view ") + text_.ident(v.name) +
        (v.renamed_from ? " renamed from " + text_.ident(*v.renamed_from) : "") + " as (";
    const std::string& query = v.query.text;
    if (query.find('\n') == std::string::npos) return line(head + query + ")");
    line(head);
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
      std::size_t nl = query.find('\n', start);
      lines.push_back(query.substr(start, nl == std::string::npos ? nl : nl - start));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    std::string inner = indent + "  ";
    if (needs_verbatim(query)) {
      // A line break inside a literal: the lines stay exactly as written.
      std::string body = inner + query;
      lines_.push_back({body, ""});
    } else {
      // Re-indent as a block, keeping the lines' indentation relative to each other;
      // the first line counts as indented as far as it stood in the source.
      std::uint32_t line_start = v.query.span.begin;
      while (line_start > 0 && source_[line_start - 1] != '\n') --line_start;
      std::vector<std::size_t> depth;
      std::size_t least = std::string::npos;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view l = lines[i];
        std::size_t d = i == 0 ? v.query.span.begin - line_start : l.find_first_not_of(" \t");
        depth.push_back(d);
        if (l.find_first_not_of(" \t\r") != std::string_view::npos) least = std::min(least, d);
      }
      for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string l = lines[i];
        while (!l.empty() && (l.back() == ' ' || l.back() == '\t' || l.back() == '\r'))
          l.pop_back();
        std::size_t text_at = l.find_first_not_of(" \t");
        if (text_at == std::string::npos) {
          line("");
          continue;
        }
        line(inner + std::string(depth[i] - least, ' ') + l.substr(text_at));
      }
    }
    line(indent + ")");
  }

  // ---- Tables ------------------------------------------------------------------

  static int category(const ast::TableItem& item) {
    if (std::holds_alternative<ast::ColumnDef>(item)) return 0;
    if (std::holds_alternative<ast::PrimaryKeyDef>(item) ||
        std::holds_alternative<ast::UniqueDef>(item))
      return 1;
    if (std::holds_alternative<ast::CheckDef>(item) ||
        std::holds_alternative<ast::ForeignKeyDef>(item))
      return 2;
    if (std::holds_alternative<ast::IndexDef>(item)) return 3;
    return 4;
  }

  // carry_docs: a `///` before a constraint documents the next column or index
  // (constraints carry no comment in the language). As fmt moves constraints
  // after the columns, such doc lines move to that column or index first.
  static void carry_docs(const ast::TableDecl& t, Block& block) {
    std::vector<const ast::Comment*> carried;
    for (std::size_t i = 0; i < t.items.size(); ++i) {
      Attached& entry = block.entries[i];
      int kind = category(t.items[i]);
      if (kind == 0 || kind == 3) {
        if (carried.empty()) continue;
        entry.leading.insert(entry.leading.begin(), carried.begin(), carried.end());
        entry.leading_blank.insert(entry.leading_blank.begin(), carried.size(), false);
        carried.clear();
        continue;
      }
      for (std::size_t k = 0; k < entry.leading.size();) {
        if (entry.leading[k]->kind != ast::Comment::Kind::Doc) {
          ++k;
          continue;
        }
        carried.push_back(entry.leading[k]);
        entry.leading.erase(entry.leading.begin() + static_cast<std::ptrdiff_t>(k));
        entry.leading_blank.erase(entry.leading_blank.begin() + static_cast<std::ptrdiff_t>(k));
      }
    }
    if (carried.empty()) return;
    // No column or index follows: the doc lines document nothing; they stay at the end.
    block.dangling.insert(block.dangling.end(), carried.begin(), carried.end());
    block.dangling_blank.insert(block.dangling_blank.end(), carried.size(), false);
  }

  void table(const ast::TableDecl& t, const std::string& indent) {
    std::vector<Slot> slots;
    for (const ast::TableItem& item : t.items) slots.push_back(item_slot(item));
    std::uint32_t after_name = t.renamed_from ? t.renamed_from->span.end : t.name.span.end;
    std::uint32_t open = open_brace(after_name);
    Block block = attach(open + 1, t.span.end - 1, true, slots);
    carry_docs(t, block);
    std::string head = indent + "table " + text_.ident(t.name) +
                       (t.renamed_from ? " renamed from " + text_.ident(*t.renamed_from) : "") +
                       " {";
    if (block.empty()) return line(head + "}");
    line(head);
    trailing(block.header);

    std::vector<std::size_t> order(t.items.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return category(t.items[a]) < category(t.items[b]);
    });
    std::size_t name_width = 0, type_width = 0;
    for (const ast::TableItem& item : t.items)
      if (const auto* c = std::get_if<ast::ColumnDef>(&item)) {
        name_width = std::max(name_width, width(text_.ident(c->name)));
        if (!c->modifiers.empty()) type_width = std::max(type_width, width(text_.type(c->type)));
      }

    const std::string inner = indent + "  ";
    bool first = true;
    for (std::size_t i : order) {
      leading(block.entries[i], inner, false, first);
      if (const auto* c = std::get_if<ast::ColumnDef>(&t.items[i])) {
        std::string code = pad(text_.ident(c->name), name_width) + " ";
        std::string mods = text_.modifiers(c->modifiers);
        code +=
            mods.empty() ? text_.type(c->type) : pad(text_.type(c->type), type_width) + " " + mods;
        line(inner + code);
      } else {
        line(inner + text_.table_item(t.items[i]));
      }
      trailing(block.entries[i].trailing);
    }
    dangling(block, inner, first);
    line(indent + "}");
  }

  std::string_view source_;
  format_text::Text text_;
  std::vector<const ast::Comment*> comments_;
  std::map<std::uint32_t, std::size_t> by_begin_;
  std::map<std::uint32_t, std::size_t> by_end_;
  std::vector<Line> lines_;
};

}  // namespace

std::string format(const ast::File& file, std::string_view source) {
  return Formatter(file, source).run(file);
}

std::optional<std::string> format_source(const base::SourceManager& sources, base::FileId file,
                                         base::Diagnostics& diags) {
  std::optional<ast::File> parsed = parse(sources, file, diags);
  if (!parsed) return std::nullopt;
  return format(*parsed, sources.text(file));
}

}  // namespace schemac::dsl
