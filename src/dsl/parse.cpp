// dsl/parse: runs the grammar, recording the rules the AST needs in a flat
// tree, then builds the AST from that tree. The only translation unit (with grammar/) that sees
// PEGTL; its parse_error never leaves this file.
#include "dsl/parse.hpp"

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>  // is_leaf: see raises_on_failure

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <type_traits>
#include <vector>

#include "dsl/parse_support.hpp"
#include "grammar/error_messages.hpp"

namespace schemac::dsl {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar;

// The parser records the selected rules below as a flat tree: Nodes in one
// vector, each knowing the size of its subtree. While parsing, a node is
// appended when its rule succeeds, after its descendants (post-order), so a
// failed attempt costs nothing but dropping what its sub-rules appended; most
// attempts fail (a comment at every run of blanks, each column modifier in
// turn). A subtree is contiguous in both orders, so one pass (Tree::preorder)
// puts every node where pre-order wants it, and the Builder reads the tree in
// pre-order: the children of a node follow it.
template <typename Rule>
inline constexpr char rule_tag = 0;

struct Node;

/// Children iterates over the direct children of a Node.
class Children {
 public:
  class iterator {
   public:
    explicit iterator(const Node* node) : node_(node) {}
    const Node* operator*() const { return node_; }
    iterator& operator++();
    bool operator!=(const iterator& other) const { return node_ != other.node_; }

   private:
    const Node* node_;
  };
  Children(const Node* first, const Node* end) : first_(first), end_(end) {}
  iterator begin() const { return iterator(first_); }
  iterator end() const { return iterator(end_); }

 private:
  const Node* first_;
  const Node* end_;
};

struct Node {
  const char* rule = nullptr;  // &rule_tag<Rule>; null for the root
  const char* begin = nullptr;
  const char* end = nullptr;
  std::uint32_t size = 1;  // this node and all its descendants

  template <typename Rule>
  bool is_type() const {
    return rule == &rule_tag<Rule>;
  }
  std::string_view string_view() const { return {begin, static_cast<std::size_t>(end - begin)}; }
  std::string string() const { return std::string(string_view()); }
  Children children() const { return {this + 1, this + size}; }
};

Children::iterator& Children::iterator::operator++() {
  node_ += node_->size;
  return *this;
}

/// Tree is the parse state: the flat tree of the current top-level step, in
/// post-order while parsing. A push happens at every success of a recorded
/// rule and a truncation at every failure of any rule, hence a plain array and
/// a count rather than vector's push_back.
class Tree {
 public:
  std::size_t size() const { return size_; }
  void push(const Node& node) {
    if (size_ == nodes_.size()) [[unlikely]]
      grow();
    nodes_[size_++] = node;
  }
  void truncate(std::size_t size) { size_ = size; }

  /// preorder returns the tree in pre-order (valid until the next call). A
  /// node's subtree starts at index i + 1 - size in post-order and one place
  /// later for each ancestor in pre-order (ancestors come first there).
  const Node& preorder() {
    preorder_.resize(size_);
    ancestors_.clear();  // the starts of the subtrees enclosing node i
    for (std::size_t i = size_; i-- > 0;) {
      while (!ancestors_.empty() && ancestors_.back() > i) ancestors_.pop_back();
      std::size_t start = i + 1 - nodes_[i].size;
      preorder_[start + ancestors_.size()] = nodes_[i];
      ancestors_.push_back(start);
    }
    return preorder_.front();
  }

 private:
  [[gnu::noinline]] void grow() { nodes_.resize(std::max<std::size_t>(1024, 2 * size_)); }

  std::vector<Node> nodes_;
  std::size_t size_ = 0;
  std::vector<Node> preorder_;
  std::vector<std::size_t> ancestors_;
};

// clang-format off
template <typename Rule, typename... Rules>
inline constexpr bool is_one_of = (std::is_same_v<Rule, Rules> || ...);

// The rules recorded in the tree: what the Builder reads, and the comments.
template <typename Rule>
inline constexpr bool selected = is_one_of<Rule,
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
    g::domain_type, g::domain_decl>;
// clang-format on

template <typename Rule>
struct selector : std::bool_constant<selected<Rule>> {};

// raises_on_failure: whether a failure of Rule raises its error message (when
// it has one) or only must<Rule> does. The language's error messages were
// written against PEGTL's parse tree, which skips the control's failure hook of
// an unselected rule that has selected rules inside it: such a rule (decl_end
// inside view_end, say) reports only through the must<> around it, with the
// message of the rule that must<> names. Kept exactly so.
template <typename Rule>
inline constexpr bool raises_on_failure =
    selected<Rule> || pegtl::parse_tree::internal::is_leaf<8, typename Rule::subs_t, selector>;

/// control is the grammar's control (errors under must<>) plus the recording
/// of selected rules: a node is pushed when one succeeds; whatever any rule
/// pushed is dropped when that rule fails.
template <typename Rule>
struct control : g::control<Rule> {
  template <typename ParseInput, typename... States>
  static void failure(const ParseInput& in, States&&... st) {
    if constexpr (raises_on_failure<Rule>) g::control<Rule>::failure(in, st...);
  }

  template <pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput>
  static bool match(ParseInput& in, Tree& tree) {
    const std::size_t mark = tree.size();
    if constexpr (selected<Rule>) {
      const char* begin = in.current();
      if (g::control<Rule>::template match<A, M, Action, Control>(in, tree)) {
        tree.push(Node{&rule_tag<Rule>, begin, in.current(),
                       static_cast<std::uint32_t>(tree.size() - mark + 1)});
        return true;
      }
    } else if (g::control<Rule>::template match<A, M, Action, Control>(in, tree)) {
      return true;
    }
    tree.truncate(mark);
    return false;
  }
};

bool is_comment(const Node& node) {
  return node.is_type<g::doc_comment>() || node.is_type<g::line_comment>() ||
         node.is_type<g::block_comment>();
}

/// emplace appends a default T to a vector of variants and returns it, so an
/// AST node is built in place rather than built and then moved in.
template <typename T, typename Variant>
T& emplace(std::vector<Variant>& items) {
  return std::get<T>(items.emplace_back(std::in_place_type<T>));
}

std::size_t child_count(const Node& node) {
  std::size_t count = 0;
  for (const Node* child : node.children()) count += child != nullptr;
  return count;
}

template <typename Rule>
const Node* first(const Node& node) {
  for (const Node* child : node.children())
    if (child->is_type<Rule>()) return child;
  return nullptr;
}

/// Builder turns a parse tree into AST nodes, checking names as it goes.
class Builder {
 public:
  Builder(base::FileId file, const char* text, base::Diagnostics& diags)
      : file_(file), text_(text), diags_(diags) {}

  void add_toplevel(const Node& root, ast::File& out) {
    collect_comments(root, out.comments);
    add_decls(root, out.decls);
  }

 private:
  std::uint32_t offset(const char* at) const { return static_cast<std::uint32_t>(at - text_); }
  base::SourceSpan span(const Node& node) const {
    return {file_, offset(node.begin), offset(node.end)};
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
    for (const Node* child : list->children())
      if (child->is_type<g::column_ref>()) result.push_back(ident(*child));
    return result;
  }

  ast::StringLit string_lit(const Node& node) {
    return {unquote_string(node.string_view()), span(node)};
  }

  ast::Expr expr(const Node& node) {
    std::string_view text = node.string_view();
    std::string_view trimmed = trim(text);
    std::uint32_t begin = offset(trimmed.data());
    return {std::string(trimmed),
            {file_, begin, begin + static_cast<std::uint32_t>(trimmed.size())}};
  }

  // collect_comments: every comment under root, in source order. The tree is in
  // pre-order and comments have no children, so that is one pass over it.
  void collect_comments(const Node& root, std::vector<ast::Comment>& out) {
    for (const Node* node = &root + 1; node != &root + root.size; ++node) {
      if (!is_comment(*node)) continue;
      ast::Comment::Kind kind = node->is_type<g::doc_comment>()    ? ast::Comment::Kind::Doc
                                : node->is_type<g::line_comment>() ? ast::Comment::Kind::Line
                                                                   : ast::Comment::Kind::Block;
      out.push_back({kind, node->string(), span(*node)});
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
    for (const Node* child : parent.children()) {
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
    for (const Node* child : node.children())
      if (child->is_type<g::enum_value>()) {
        result.values.push_back(string_lit(*child));
        check_enum_label(result.values.back(), diags_);
      }
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
    result.items.reserve(child_count(node));  // an upper bound: comments are children too
    for (const Node* child : node.children()) {
      const Node& item = *child;
      if (item.is_type<g::doc_comment>())
        docs.add(item, span(item));
      else if (item.is_type<g::constraint_name>())
        constraint = ident(*first<g::name>(item));
      else if (item.is_type<g::column_def>())
        column(item, docs.take(), emplace<ast::ColumnDef>(result.items));
      else if (item.is_type<g::index_def>())
        index(item, docs.take(), emplace<ast::IndexDef>(result.items));
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
    for (const Node* child : target.children()) {
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
    const Node* last = nullptr;  // the alternative of fk_action that matched
    for (const Node* child : node.children()) last = child;
    const Node& action = *last;
    if (action.is_type<g::fk_restrict>()) return ir::FkAction::Restrict;
    if (action.is_type<g::fk_cascade>()) return ir::FkAction::Cascade;
    if (action.is_type<g::fk_set_null>()) return ir::FkAction::SetNull;
    if (action.is_type<g::fk_set_default>()) return ir::FkAction::SetDefault;
    return ir::FkAction::NoAction;
  }

  ast::TypeName type_name(const Node& node);
  void column(const Node& node, std::optional<ast::DocComment> doc, ast::ColumnDef& result);
  void modifier(const Node& node, std::optional<ast::Ident>& constraint,
                std::vector<ast::ColumnModifier>& out);
  void index(const Node& node, std::optional<ast::DocComment> doc, ast::IndexDef& result);
  ast::SequenceDecl sequence(const Node& node, std::optional<ast::DocComment> doc);
  std::optional<ast::SequenceOption> sequence_option(const Node& node);
  ast::DomainDecl domain(const Node& node, std::optional<ast::DocComment> doc);

  base::FileId file_;
  const char* text_;  // the file's text: spans are offsets into it
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
    result.name = std::move(name.text);
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
  if (!result.quoted)  // bare names and keyword types are ASCII
    for (char& c : result.name)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const Node* child : base.children())
    if (child->is_type<g::type_arg>()) {
      ast::Expr arg = expr(*child);
      result.args.push_back({arg.text, arg.span});
    }
  for (const Node* child : node.children())
    if (child->is_type<g::array_suffix>()) ++result.array_dims;
  return result;
}

void Builder::column(const Node& node, std::optional<ast::DocComment> doc, ast::ColumnDef& result) {
  result.name = ident(*first<g::name>(node));
  result.type = type_name(*first<g::column_type>(node));
  result.doc = std::move(doc);
  result.span = span(node);
  std::optional<ast::Ident> constraint;
  result.modifiers.reserve(child_count(node) - 2);  // less the name and the type: an upper bound
  for (const Node* child : node.children()) modifier(*child, constraint, result.modifiers);
}

void Builder::modifier(const Node& node, std::optional<ast::Ident>& constraint,
                       std::vector<ast::ColumnModifier>& out) {
  base::SourceSpan where = span(node);
  if (node.is_type<g::constraint_name>())
    constraint = ident(*first<g::name>(node));
  else if (node.is_type<g::mod_not_null>())
    out.emplace_back(ast::NotNullMod{where});
  else if (node.is_type<g::mod_null>())
    out.emplace_back(ast::NullMod{where});
  else if (node.is_type<g::mod_default>())
    out.emplace_back(ast::DefaultMod{expr(*first<g::default_expr>(node)), where});
  else if (node.is_type<g::mod_primary_key>())
    out.emplace_back(ast::PrimaryKeyMod{std::exchange(constraint, {}), where});
  else if (node.is_type<g::mod_unique>())
    out.emplace_back(ast::UniqueMod{std::exchange(constraint, {}), where});
  else if (node.is_type<g::mod_check>())
    out.emplace_back(
        ast::CheckMod{std::exchange(constraint, {}), expr(*first<g::expr_text>(node)), where});
  else if (node.is_type<g::mod_references>()) {
    ast::ReferencesMod& ref = emplace<ast::ReferencesMod>(out);
    ref.constraint_name = std::exchange(constraint, {});
    ast::FkTarget& target = ref.target.emplace();
    fill_fk_target(*first<g::fk_target>(node), target.table, target.columns, target.options);
    ref.span = where;
  } else if (node.is_type<g::mod_renamed_from>())
    out.emplace_back(ast::RenamedFromMod{ident(*first<g::name>(node)), where});
  else if (node.is_type<g::mod_collate>())
    out.emplace_back(ast::CollateMod{qualified(*first<g::qualified_name>(node)), where});
  else if (node.is_type<g::identity_always>())
    out.emplace_back(ast::IdentityMod{true, where});
  else if (node.is_type<g::identity_by_default>())
    out.emplace_back(ast::IdentityMod{false, where});
  else if (node.is_type<g::generated_stored>())
    out.emplace_back(ast::GeneratedMod{expr(*first<g::expr_text>(node)), where});
  else if (node.is_type<g::mod_comment>())
    out.emplace_back(ast::CommentMod{string_lit(*first<g::string_literal>(node)), where});
}

void Builder::index(const Node& node, std::optional<ast::DocComment> doc, ast::IndexDef& result) {
  result.doc = std::move(doc);
  result.span = span(node);
  for (const Node* child : node.children()) {
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
}

ast::SequenceDecl Builder::sequence(const Node& node, std::optional<ast::DocComment> doc) {
  ast::SequenceDecl result;
  result.name = ident(*first<g::name>(node));
  for (const Node* child : node.children())
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
    for (const Node* part : node.children())
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
  for (const Node* child : node.children()) modifier(*child, constraint, result.modifiers);
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
  Builder builder(file, text.data(), diags);
  std::size_t errors_before = diags.error_count();
  Tree tree;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    // Lazy position tracking: the parser needs byte offsets only (spans); the
    // line and column of an error are worked out by base::SourceManager.
    pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data() + pos, text.data() + text.size(),
                                                       "", pos, 1, 1);
    tree.truncate(0);
    try {
      bool matched = pegtl::parse<g::toplevel_step, pegtl::nothing, control>(in, tree);
      // The root: this step's declaration and comments.
      tree.push(Node{nullptr, nullptr, nullptr, static_cast<std::uint32_t>(tree.size() + 1)});
      if (matched) builder.add_toplevel(tree.preorder(), result);
      if (!matched || in.empty()) break;
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
