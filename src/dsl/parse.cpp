// dsl/parse: runs the grammar with PEGTL's parse tree, then builds the AST from
// the tree. The only translation unit (with grammar/) that sees PEGTL; its
// parse_error never leaves this file.
#include "dsl/parse.hpp"

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include <cctype>
#include <cstdio>
#include <new>

#include "dsl/parse_support.hpp"
#include "grammar/error_messages.hpp"

namespace schemac::dsl {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar;
// Node is PEGTL's parse-tree node with its own allocator: PEGTL allocates a
// node for every attempt at a selected rule (most attempts fail: a comment at
// every run of blanks, each column modifier in turn) and frees it at once, so
// nodes are recycled through a free list instead of malloc and free. The list
// holds at most the nodes of one top-level declaration (parse() parses them one
// at a time) and lives as long as the thread.
struct Node : pegtl::parse_tree::basic_node<Node> {
  static void* operator new(std::size_t size);
  static void operator delete(void* node, std::size_t size) noexcept;
};

struct FreeNode {
  FreeNode* next;
};
thread_local FreeNode* free_nodes = nullptr;

void* Node::operator new(std::size_t size) {
  if (size == sizeof(Node) && free_nodes != nullptr) {
    FreeNode* node = free_nodes;
    free_nodes = node->next;
    return node;
  }
  return ::operator new(size);
}

void Node::operator delete(void* node, std::size_t size) noexcept {
  if (size != sizeof(Node)) return ::operator delete(node);  // clang: no sized delete by default
  free_nodes = new (node) FreeNode{free_nodes};
}

// clang-format off
template <typename Rule>
using selector = pegtl::parse_tree::selector<Rule, pegtl::parse_tree::store_content::on<
    g::doc_comment, g::line_comment, g::block_comment,
    g::name, g::schema_part, g::qualified_name, g::column_ref, g::column_list,
    g::string_literal, g::enum_value, g::version_text, g::expr_text, g::default_expr,
    g::column_type, g::type_base, g::type_generic_name, g::type_arg, g::array_suffix,
    g::fk_target, g::on_delete, g::on_update, g::fk_no_action, g::fk_restrict, g::fk_cascade,
    g::fk_set_null, g::fk_set_default, g::fk_deferrable, g::fk_not_deferrable,
    g::fk_initially_deferred, g::fk_initially_immediate,
    g::constraint_name, g::mod_not_null, g::mod_null, g::mod_default, g::mod_primary_key,
    g::mod_unique, g::mod_references, g::mod_check, g::mod_renamed_from, g::mod_collate,
    g::identity_always, g::identity_by_default, g::generated_stored, g::mod_comment,
    g::column_def, g::pk_def, g::unique_def, g::fk_def, g::check_def,
    g::index_def, g::index_func_call, g::index_unique, g::index_method, g::index_elem, g::opclass, g::elem_asc,
    g::elem_desc, g::nulls_first, g::nulls_last, g::index_include, g::index_where,
    g::table_comment, g::table_decl, g::table_renamed_from, g::enum_decl, g::extension_decl,
    g::extension_version, g::extension_schema, g::schema_decl,
    g::view_decl, g::view_materialized, g::view_renamed_from,
    g::integer_literal, g::sequence_type, g::seq_as, g::seq_start, g::seq_increment,
    g::seq_minvalue, g::seq_maxvalue, g::seq_no_minvalue, g::seq_no_maxvalue, g::seq_no_cycle,
    g::seq_cache, g::seq_cycle, g::owned_part, g::seq_owned_by, g::sequence_decl,
    g::domain_type, g::domain_decl>>;
// clang-format on

bool is_comment(const Node& node) {
  return node.is_type<g::doc_comment>() || node.is_type<g::line_comment>() ||
         node.is_type<g::block_comment>();
}

template <typename Rule>
const Node* first(const Node& node) {
  for (const auto& child : node.children)
    if (child->is_type<Rule>()) return child.get();
  return nullptr;
}

/// Builder turns a parse tree into AST nodes, checking names as it goes.
class Builder {
 public:
  Builder(base::FileId file, base::Diagnostics& diags) : file_(file), diags_(diags) {}

  void add_toplevel(const Node& root, ast::File& out) {
    collect_comments(root, out.comments);
    add_decls(root, out.decls);
  }

 private:
  base::SourceSpan span(const Node& node) const {
    return {file_, static_cast<std::uint32_t>(node.begin().byte),
            static_cast<std::uint32_t>(node.end().byte)};
  }

  ast::Ident ident(const Node& node) {
    ast::Ident result = make_ident(node.string_view(), span(node));
    check_name(result, diags_);
    return result;
  }

  ast::QualifiedIdent qualified(const Node& node) {
    ast::QualifiedIdent result;
    if (const Node* schema = first<g::schema_part>(node)) result.schema = ident(*schema);
    result.name = ident(*first<g::name>(node));
    result.span = span(node);
    return result;
  }

  std::vector<ast::Ident> columns(const Node* list) {
    std::vector<ast::Ident> result;
    if (!list) return result;
    for (const auto& child : list->children)
      if (child->is_type<g::column_ref>()) result.push_back(ident(*child));
    return result;
  }

  ast::StringLit string_lit(const Node& node) {
    return {unquote_string(node.string_view()), span(node)};
  }

  ast::Expr expr(const Node& node) {
    std::string_view text = node.string_view();
    std::string_view trimmed = trim(text);
    auto begin = static_cast<std::uint32_t>(node.begin().byte + (trimmed.data() - text.data()));
    return {std::string(trimmed),
            {file_, begin, begin + static_cast<std::uint32_t>(trimmed.size())}};
  }

  void collect_comments(const Node& node, std::vector<ast::Comment>& out) {
    for (const auto& child : node.children) {
      if (is_comment(*child)) {
        ast::Comment::Kind kind = child->is_type<g::doc_comment>()    ? ast::Comment::Kind::Doc
                                  : child->is_type<g::line_comment>() ? ast::Comment::Kind::Line
                                                                      : ast::Comment::Kind::Block;
        out.push_back({kind, child->string(), span(*child)});
      } else {
        collect_comments(*child, out);
      }
    }
  }

  /// DocCollector gathers consecutive /// lines for the next declaration.
  struct DocCollector {
    std::optional<ast::DocComment> pending;
    void add(const Node& node, base::SourceSpan where) {
      std::string_view line = node.string_view().substr(3);
      if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
      if (!pending)
        pending = ast::DocComment{std::string(trim(line)), where};
      else {
        pending->text += "\n" + std::string(trim(line));
        pending->span.end = where.end;
      }
    }
    std::optional<ast::DocComment> take() { return std::exchange(pending, std::nullopt); }
  };

  void add_decls(const Node& parent, std::vector<ast::Decl>& out) {
    DocCollector docs;
    for (const auto& child : parent.children) {
      const Node& node = *child;
      if (node.is_type<g::doc_comment>())
        docs.add(node, span(node));
      else if (node.is_type<g::extension_decl>())
        out.push_back({extension(node)});
      else if (node.is_type<g::enum_decl>())
        out.push_back({enum_decl(node, docs.take())});
      else if (node.is_type<g::table_decl>())
        out.push_back({table(node, docs.take())});
      else if (node.is_type<g::schema_decl>())
        out.push_back({schema(node, docs.take())});
      else if (node.is_type<g::view_decl>())
        out.push_back({view(node, docs.take())});
      else if (node.is_type<g::sequence_decl>())
        out.push_back({sequence(node, docs.take())});
      else if (node.is_type<g::domain_decl>())
        out.push_back({domain(node, docs.take())});
    }
  }

  ast::ExtensionDecl extension(const Node& node) {
    ast::ExtensionDecl result;
    result.name = ident(*first<g::name>(node));
    result.span = span(node);
    if (const Node* version = first<g::extension_version>(node)) {
      const Node& text = *first<g::version_text>(*version);
      std::string_view raw = text.string_view();
      std::string value =
          raw.front() == '"' ? make_ident(raw, span(text)).text : unquote_string(raw);
      result.version = ast::StringLit{value, span(text)};
    }
    if (const Node* schema = first<g::extension_schema>(node))
      result.schema = ident(*first<g::name>(*schema));
    return result;
  }

  ast::EnumDecl enum_decl(const Node& node, std::optional<ast::DocComment> doc) {
    ast::EnumDecl result;
    result.name = ident(*first<g::name>(node));
    for (const auto& child : node.children)
      if (child->is_type<g::enum_value>()) result.values.push_back(string_lit(*child));
    result.doc = std::move(doc);
    result.span = span(node);
    return result;
  }

  ast::SchemaDecl schema(const Node& node, std::optional<ast::DocComment> doc) {
    ast::SchemaDecl result;
    result.name = ident(*first<g::name>(node));
    add_decls(node, result.decls);
    result.doc = std::move(doc);
    result.span = span(node);
    return result;
  }

  ast::ViewDecl view(const Node& node, std::optional<ast::DocComment> doc) {
    ast::ViewDecl result;
    result.name = ident(*first<g::name>(node));
    result.materialized = first<g::view_materialized>(node) != nullptr;
    if (const Node* renamed = first<g::view_renamed_from>(node))
      result.renamed_from = ident(*first<g::name>(*renamed));
    result.query = expr(*first<g::expr_text>(node));
    result.doc = std::move(doc);
    result.span = span(node);
    return result;
  }

  ast::TableDecl table(const Node& node, std::optional<ast::DocComment> doc) {
    ast::TableDecl result;
    result.name = ident(*first<g::name>(node));
    if (const Node* renamed = first<g::table_renamed_from>(node))
      result.renamed_from = ident(*first<g::name>(*renamed));
    result.doc = std::move(doc);
    result.span = span(node);
    DocCollector docs;
    std::optional<ast::Ident> constraint;
    for (const auto& child : node.children) {
      const Node& item = *child;
      if (item.is_type<g::doc_comment>())
        docs.add(item, span(item));
      else if (item.is_type<g::constraint_name>())
        constraint = ident(*first<g::name>(item));
      else if (item.is_type<g::column_def>())
        result.items.push_back(column(item, docs.take()));
      else if (item.is_type<g::index_def>())
        result.items.push_back(index(item, docs.take()));
      else if (item.is_type<g::table_comment>())
        result.items.push_back(
            ast::TableCommentDef{string_lit(*first<g::string_literal>(item)), span(item)});
      else if (auto constraint_item = table_constraint(item, constraint))
        result.items.push_back(std::move(*constraint_item));
    }
    return result;
  }

  std::optional<ast::TableItem> table_constraint(const Node& item,
                                                 std::optional<ast::Ident>& constraint) {
    std::optional<ast::TableItem> result;
    if (item.is_type<g::pk_def>()) {
      result = ast::PrimaryKeyDef{constraint, columns(first<g::column_list>(item)), span(item)};
    } else if (item.is_type<g::unique_def>()) {
      result = ast::UniqueDef{constraint, columns(first<g::column_list>(item)), span(item)};
    } else if (item.is_type<g::check_def>()) {
      result = ast::CheckDef{constraint, expr(*first<g::expr_text>(item)), span(item)};
    } else if (item.is_type<g::fk_def>()) {
      ast::ForeignKeyDef fk;
      fk.name = constraint;
      fk.columns = columns(first<g::column_list>(item));
      fill_fk_target(*first<g::fk_target>(item), fk.table, fk.ref_columns, fk.options);
      fk.span = span(item);
      result = std::move(fk);
    } else {
      return std::nullopt;
    }
    constraint.reset();
    return result;
  }

  void fill_fk_target(const Node& target, ast::QualifiedIdent& table,
                      std::vector<ast::Ident>& ref_columns, ast::FkOptions& options) {
    table = qualified(*first<g::qualified_name>(target));
    ref_columns = columns(first<g::column_list>(target));
    for (const auto& child : target.children) {
      if (child->is_type<g::on_delete>())
        options.on_delete = fk_action(*child);
      else if (child->is_type<g::on_update>())
        options.on_update = fk_action(*child);
      else if (child->is_type<g::fk_deferrable>())
        options.deferrable = true;
      else if (child->is_type<g::fk_not_deferrable>())
        options.deferrable = false;
      else if (child->is_type<g::fk_initially_deferred>())
        options.initially_deferred = true;
      else if (child->is_type<g::fk_initially_immediate>())
        options.initially_deferred = false;
    }
  }

  static ir::FkAction fk_action(const Node& node) {
    const Node& action = *node.children.back();
    if (action.is_type<g::fk_restrict>()) return ir::FkAction::Restrict;
    if (action.is_type<g::fk_cascade>()) return ir::FkAction::Cascade;
    if (action.is_type<g::fk_set_null>()) return ir::FkAction::SetNull;
    if (action.is_type<g::fk_set_default>()) return ir::FkAction::SetDefault;
    return ir::FkAction::NoAction;
  }

  ast::TypeName type_name(const Node& node);
  ast::ColumnDef column(const Node& node, std::optional<ast::DocComment> doc);
  std::optional<ast::ColumnModifier> modifier(const Node& node,
                                              std::optional<ast::Ident>& constraint);
  ast::IndexDef index(const Node& node, std::optional<ast::DocComment> doc);
  ast::SequenceDecl sequence(const Node& node, std::optional<ast::DocComment> doc);
  std::optional<ast::SequenceOption> sequence_option(const Node& node);
  ast::DomainDecl domain(const Node& node, std::optional<ast::DocComment> doc);

  base::FileId file_;
  base::Diagnostics& diags_;
};

ast::TypeName Builder::type_name(const Node& node) {
  ast::TypeName result;
  result.span = span(node);
  const Node& base = *first<g::type_base>(node);
  if (const Node* schema = first<g::schema_part>(base)) result.schema = ident(*schema);
  if (const Node* generic = first<g::type_generic_name>(base)) {
    ast::Ident name = make_ident(generic->string_view(), span(*generic));
    result.quoted = name.quoted;
    result.name = name.text;
  } else {
    // A keyword type ("timestamp(3) with time zone"): its words outside the parentheses.
    int depth = 0;
    bool space = false;
    for (char c : base.string_view()) {
      if (c == '(')
        ++depth;
      else if (c == ')')
        --depth;
      else if (depth == 0 && std::isspace(static_cast<unsigned char>(c)))
        space = true;
      else if (depth == 0) {
        if (space && !result.name.empty()) result.name += ' ';
        space = false;
        result.name += c;
      }
    }
  }
  if (!result.quoted)
    for (char& c : result.name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& child : base.children)
    if (child->is_type<g::type_arg>()) {
      ast::Expr arg = expr(*child);
      result.args.push_back({arg.text, arg.span});
    }
  for (const auto& child : node.children)
    if (child->is_type<g::array_suffix>()) ++result.array_dims;
  return result;
}

ast::ColumnDef Builder::column(const Node& node, std::optional<ast::DocComment> doc) {
  ast::ColumnDef result;
  result.name = ident(*first<g::name>(node));
  result.type = type_name(*first<g::column_type>(node));
  result.doc = std::move(doc);
  result.span = span(node);
  std::optional<ast::Ident> constraint;
  for (const auto& child : node.children)
    if (auto mod = modifier(*child, constraint)) result.modifiers.push_back(std::move(*mod));
  return result;
}

std::optional<ast::ColumnModifier> Builder::modifier(const Node& node,
                                                     std::optional<ast::Ident>& constraint) {
  base::SourceSpan where = span(node);
  if (node.is_type<g::constraint_name>()) {
    constraint = ident(*first<g::name>(node));
    return std::nullopt;
  }
  if (node.is_type<g::mod_not_null>()) return ast::NotNullMod{where};
  if (node.is_type<g::mod_null>()) return ast::NullMod{where};
  if (node.is_type<g::mod_default>())
    return ast::DefaultMod{expr(*first<g::default_expr>(node)), where};
  if (node.is_type<g::mod_primary_key>())
    return ast::PrimaryKeyMod{std::exchange(constraint, {}), where};
  if (node.is_type<g::mod_unique>()) return ast::UniqueMod{std::exchange(constraint, {}), where};
  if (node.is_type<g::mod_check>())
    return ast::CheckMod{std::exchange(constraint, {}), expr(*first<g::expr_text>(node)), where};
  if (node.is_type<g::mod_references>()) {
    ast::ReferencesMod ref;
    ref.constraint_name = std::exchange(constraint, {});
    fill_fk_target(*first<g::fk_target>(node), ref.table, ref.columns, ref.options);
    ref.span = where;
    return ref;
  }
  if (node.is_type<g::mod_renamed_from>())
    return ast::RenamedFromMod{ident(*first<g::name>(node)), where};
  if (node.is_type<g::mod_collate>())
    return ast::CollateMod{qualified(*first<g::qualified_name>(node)), where};
  if (node.is_type<g::identity_always>()) return ast::IdentityMod{true, where};
  if (node.is_type<g::identity_by_default>()) return ast::IdentityMod{false, where};
  if (node.is_type<g::generated_stored>())
    return ast::GeneratedMod{expr(*first<g::expr_text>(node)), where};
  if (node.is_type<g::mod_comment>())
    return ast::CommentMod{string_lit(*first<g::string_literal>(node)), where};
  return std::nullopt;
}

ast::IndexDef Builder::index(const Node& node, std::optional<ast::DocComment> doc) {
  ast::IndexDef result;
  result.doc = std::move(doc);
  result.span = span(node);
  for (const auto& child : node.children) {
    const Node& part = *child;
    if (part.is_type<g::index_unique>())
      result.unique = true;
    else if (part.is_type<g::name>())
      result.name = ident(part);
    else if (part.is_type<g::index_method>())
      result.method = make_ident(part.string_view(), span(part));
    else if (part.is_type<g::index_include>())
      result.include = columns(first<g::column_list>(part));
    else if (part.is_type<g::index_where>())
      result.where = expr(*first<g::expr_text>(part));
    else if (part.is_type<g::mod_renamed_from>())
      result.renamed_from = ast::RenamedFromMod{ident(*first<g::name>(part)), span(part)};
    else if (part.is_type<g::index_elem>()) {
      ast::IndexElem elem;
      elem.span = span(part);
      if (const Node* column = first<g::column_ref>(part)) elem.column = ident(*column);
      if (const Node* text = first<g::expr_text>(part)) elem.expr = expr(*text);
      if (const Node* call = first<g::index_func_call>(part)) elem.expr = expr(*call);
      if (const Node* op = first<g::opclass>(part))
        elem.opclass = qualified(*first<g::qualified_name>(*op));
      elem.descending = first<g::elem_desc>(part) != nullptr;
      if (first<g::nulls_first>(part)) elem.nulls_first = true;
      if (first<g::nulls_last>(part)) elem.nulls_first = false;
      result.elements.push_back(std::move(elem));
    }
  }
  return result;
}

ast::SequenceDecl Builder::sequence(const Node& node, std::optional<ast::DocComment> doc) {
  ast::SequenceDecl result;
  result.name = ident(*first<g::name>(node));
  for (const auto& child : node.children)
    if (auto option = sequence_option(*child)) result.options.push_back(std::move(*option));
  result.doc = std::move(doc);
  result.span = span(node);
  return result;
}

std::optional<ast::SequenceOption> Builder::sequence_option(const Node& node) {
  using Kind = ast::SequenceOption::Kind;
  ast::SequenceOption option;
  option.span = span(node);
  if (const Node* number = first<g::integer_literal>(node)) option.number = number->string();
  if (node.is_type<g::seq_as>()) {
    option.kind = Kind::As;
    option.type = type_name(*first<g::sequence_type>(node));
  } else if (node.is_type<g::seq_start>()) {
    option.kind = Kind::Start;
  } else if (node.is_type<g::seq_increment>()) {
    option.kind = Kind::Increment;
  } else if (node.is_type<g::seq_minvalue>()) {
    option.kind = Kind::MinValue;
  } else if (node.is_type<g::seq_maxvalue>()) {
    option.kind = Kind::MaxValue;
  } else if (node.is_type<g::seq_no_minvalue>()) {
    option.kind = Kind::NoMinValue;
  } else if (node.is_type<g::seq_no_maxvalue>()) {
    option.kind = Kind::NoMaxValue;
  } else if (node.is_type<g::seq_cache>()) {
    option.kind = Kind::Cache;
  } else if (node.is_type<g::seq_cycle>()) {
    option.kind = Kind::Cycle;
  } else if (node.is_type<g::seq_no_cycle>()) {
    option.kind = Kind::NoCycle;
  } else if (node.is_type<g::seq_owned_by>()) {
    option.kind = Kind::OwnedBy;
    for (const auto& part : node.children)
      if (part->is_type<g::owned_part>()) option.owner.push_back(ident(*part));
  } else if (node.is_type<g::mod_renamed_from>()) {
    option.kind = Kind::RenamedFrom;
    option.old_name = ident(*first<g::name>(node));
  } else {
    return std::nullopt;
  }
  return option;
}

ast::DomainDecl Builder::domain(const Node& node, std::optional<ast::DocComment> doc) {
  ast::DomainDecl result;
  result.name = ident(*first<g::name>(node));
  result.type = type_name(*first<g::domain_type>(node));
  std::optional<ast::Ident> constraint;
  for (const auto& child : node.children)
    if (auto mod = modifier(*child, constraint)) result.modifiers.push_back(std::move(*mod));
  result.doc = std::move(doc);
  result.span = span(node);
  return result;
}

/// SyntaxErrorInfo: what to report for one parse_error, and whether to go on.
struct SyntaxErrorInfo {
  base::DiagKind kind = base::DiagKind::SyntaxError;
  std::uint32_t back = 0;  // *_rest rules fail just after their opening delimiter
  std::uint32_t length = 1;
  bool resumable = true;  // an unterminated string or comment swallows the rest of the file
};

SyntaxErrorInfo classify(std::string_view message) {
  auto is = [&](const char* text) { return message == text; };
  using M = g::error_messages;
  if (is(M::message<g::string_rest>)) return {base::DiagKind::UnterminatedString, 1, 1, false};
  if (is(M::message<g::block_comment_rest>))
    return {base::DiagKind::UnterminatedComment, 2, 2, false};
  if (is(M::message<g::quoted_ident_rest>))
    return {base::DiagKind::UnterminatedQuotedIdentifier, 1, 1, true};
  if (is(M::message<g::paren_group_rest>) || is(M::message<g::paren_expr_rest>) ||
      is(M::message<g::bracket_group_rest>))
    return {base::DiagKind::SyntaxError, 1, 1, true};
  return {};
}

void report_syntax_error(const pegtl::parse_error& error, std::string_view text, base::FileId file,
                         base::Diagnostics& diags, bool& resumable) {
  std::string message(error.message());
  SyntaxErrorInfo info = classify(message);
  auto offset = static_cast<std::uint32_t>(error.positions().front().byte) - info.back;
  std::string_view word = word_at(text, offset);
  std::uint32_t length = info.back > 0 ? info.length : std::max<std::uint32_t>(1, word.size());
  if (offset >= text.size()) length = 0;
  if (message == g::error_messages::message<g::decl_req> && !word.empty()) {
    info.kind = base::DiagKind::UnknownDeclaration;
    message = "unknown declaration '" + std::string(word) +
              "'; expected 'extension', 'enum', 'table', 'view', 'sequence', 'domain' or 'schema'";
  }
  diags.error(info.kind, base::SourceSpan{file, offset, offset + length}, message);
  resumable = info.resumable;
}

}  // namespace

std::optional<ast::File> parse(const base::SourceManager& sources, base::FileId file,
                               base::Diagnostics& diags) {
  std::string_view text = sources.text(file);
  if (auto bad = first_invalid_utf8(text)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned char>(text[*bad]));
    diags.error(base::DiagKind::InvalidUtf8, base::SourceSpan{file, *bad, *bad + 1},
                std::string("invalid UTF-8 byte ") + hex + "; schema files must be UTF-8");
    return std::nullopt;
  }
  ast::File result;
  result.file = file;
  Builder builder(file, diags);
  std::size_t errors_before = diags.error_count();
  std::size_t pos = 0;
  while (pos <= text.size()) {
    base::LineCol at = sources.line_col(file, static_cast<std::uint32_t>(pos));
    // No source name: PEGTL copies it into every parse-tree node it tries, and
    // positions here are byte offsets into `file` anyway.
    pegtl::memory_input in(text.data() + pos, text.data() + text.size(), "", pos, at.line, at.col);
    try {
      auto root =
          pegtl::parse_tree::parse<g::toplevel_step, Node, selector, pegtl::nothing, g::control>(
              in);
      if (root) builder.add_toplevel(*root, result);
      if (!root || in.empty()) break;
      pos = static_cast<std::size_t>(in.current() - text.data());
    } catch (const pegtl::parse_error& error) {
      bool resumable = true;
      report_syntax_error(error, text, file, diags, resumable);
      if (!resumable) break;
      pos = next_declaration_line(text, error.positions().front().byte);
      if (pos == std::string_view::npos) break;
    }
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return result;
}

}  // namespace schemac::dsl
