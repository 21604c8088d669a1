// grammar/error_messages: the message for each grammar rule that can fail
// under must<> (PEGTL's must_if). The parser turns them into E01xx diagnostics;
// for rules ending in _rest the error is reported at the opening delimiter.
#pragma once

#include "grammar/schema_grammar.hpp"

namespace schemac::grammar {

struct error_messages {
  template <typename Rule>
  static constexpr const char* message = nullptr;
};

// clang-format off
#define SCHEMAC_ERROR(rule, text) \
  template <> inline constexpr const char* error_messages::message<rule> = text
SCHEMAC_ERROR(block_comment_rest, "unterminated block comment");
SCHEMAC_ERROR(quoted_ident_rest, "unterminated quoted identifier");
SCHEMAC_ERROR(string_rest, "unterminated string literal");
SCHEMAC_ERROR(paren_group_rest, "unbalanced '(': no matching ')'");
SCHEMAC_ERROR(bracket_group_rest, "unbalanced '[': no matching ']'");
SCHEMAC_ERROR(paren_expr_rest, "unbalanced '(': no matching ')'");
SCHEMAC_ERROR(paren_expr_req, "expected a parenthesised expression, like check (price > 0)");
SCHEMAC_ERROR(column_list_rest, "expected a list of column names and ')'");
SCHEMAC_ERROR(column_ref_req, "expected a column name");
SCHEMAC_ERROR(column_list_req, "expected a parenthesised list of columns, like (id)");
SCHEMAC_ERROR(default_expr, "expected an expression after 'default'");
SCHEMAC_ERROR(type_args_rest, "expected type arguments and ')', like varchar(80)");
SCHEMAC_ERROR(type_arg, "expected a type argument");
SCHEMAC_ERROR(array_close, "expected ']' to close the array type");
SCHEMAC_ERROR(column_type, "expected a column type after the column name");
SCHEMAC_ERROR(fk_action, "expected cascade, restrict, no action, set null or set default");
SCHEMAC_ERROR(fk_target, "expected the referenced table, like references users (id)");
SCHEMAC_ERROR(name_req, "expected a name");
SCHEMAC_ERROR(qualified_name_req, "expected a name");
SCHEMAC_ERROR(kw_null_req, "expected 'null' after 'not'");
SCHEMAC_ERROR(kw_key_req, "expected 'key'");
SCHEMAC_ERROR(kw_from_req, "expected 'from' after 'renamed'");
SCHEMAC_ERROR(kw_as_req, "expected 'as identity'");
SCHEMAC_ERROR(kw_identity_req, "expected 'identity'");
SCHEMAC_ERROR(kw_stored_req, "expected 'stored' after the generated expression");
SCHEMAC_ERROR(kw_references_req, "expected 'references' after the foreign key's columns");
SCHEMAC_ERROR(generated_kind, "expected 'always as identity', 'by default as identity' or 'always as (expr) stored'");
SCHEMAC_ERROR(string_literal_req, "expected a string literal in single quotes");
SCHEMAC_ERROR(version_text, "expected a version string, like version \"3.3.2\"");
SCHEMAC_ERROR(named_constraint_modifier, "expected primary key, unique, references or check after the constraint name");
SCHEMAC_ERROR(table_constraint_kind_req, "expected primary key, unique, foreign key or check after the constraint name");
SCHEMAC_ERROR(column_end, "unexpected text in column definition; expected a modifier (not null, default, primary key, unique, references, check, ...), ',' or the end of the line");
SCHEMAC_ERROR(item_end, "unexpected text after the table entry; expected ',' or the end of the line");
SCHEMAC_ERROR(index_method, "expected an index method, like using gist");
SCHEMAC_ERROR(index_elems, "expected the indexed columns or expressions in parentheses");
SCHEMAC_ERROR(index_elems_rest, "expected index columns or expressions and ')'");
SCHEMAC_ERROR(index_elem, "expected a column name or a parenthesised expression");
SCHEMAC_ERROR(table_open, "expected '{' to open the table");
SCHEMAC_ERROR(table_close, "expected '}' to close the table, or a column, 'primary key', 'unique', 'foreign key', 'check', 'index' or 'comment'");
SCHEMAC_ERROR(enum_open, "expected '{' to open the enum's values");
SCHEMAC_ERROR(enum_close, "expected a quoted enum value, like 'draft', or '}' to close the enum");
SCHEMAC_ERROR(decl_end, "unexpected text after the extension declaration; expected 'version', 'schema' or the end of the line");
SCHEMAC_ERROR(schema_open, "expected '{' to open the schema block");
SCHEMAC_ERROR(schema_close, "expected '}' to close the schema block, or 'extension', 'enum', 'table', 'view', 'sequence', 'domain' or 'schema'");
SCHEMAC_ERROR(decl_req, "expected a declaration: 'extension', 'enum', 'table', 'view', 'sequence', 'domain' or 'schema'");
SCHEMAC_ERROR(kw_view_req, "expected 'view' after 'materialized'");
SCHEMAC_ERROR(view_as, "expected 'as' and the view's query in parentheses, like view v as (select ...)");
SCHEMAC_ERROR(view_query, "expected the view's query in parentheses, like as (select ...)");
SCHEMAC_ERROR(view_end, "unexpected text after the view's query; expected the end of the line");
// sequences and domains
SCHEMAC_ERROR(integer_req, "expected an integer");
SCHEMAC_ERROR(sequence_type, "expected the sequence's type: smallint, integer or bigint");
SCHEMAC_ERROR(kw_by_req, "expected 'by' after 'owned'");
SCHEMAC_ERROR(owned_by_target, "expected the owning column, like owned by tickets.id");
SCHEMAC_ERROR(sequence_end, "unexpected text in sequence declaration; expected as, start, increment, minvalue, maxvalue, no, cache, cycle, owned by, renamed from or the end of the line");
SCHEMAC_ERROR(domain_as, "expected 'as' and the domain's base type, like domain email as text");
SCHEMAC_ERROR(domain_type, "expected the domain's base type after 'as'");
SCHEMAC_ERROR(domain_named_check, "expected check after the constraint name");
SCHEMAC_ERROR(domain_end, "unexpected text in domain declaration; expected not null, null, default, check, constraint, collate, renamed from or the end of the line");
#undef SCHEMAC_ERROR
// clang-format on

/// control: PEGTL control that raises parse_error with the messages above.
template <typename Rule>
using control = tao::pegtl::must_if<error_messages>::control<Rule>;

}  // namespace schemac::grammar
