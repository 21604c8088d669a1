// grammar/schema_grammar: the PEG of .schema files as PEGTL rules, and nothing
// else: no actions, no AST. src/dsl/parse.cpp selects rules into a parse tree
// and builds the AST from it; error_messages.hpp names the failures of the
// rules under must<>. grammar/schema.peg is the same language, readable.
#pragma once

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

namespace schemac::grammar {

using namespace tao::pegtl;  // NOLINT: rules read like the PEG

// clang-format off

// Rules named *_rest follow an opening delimiter under must<>. Their body is
// sor<seq<...>, failure> so that a failure rewinds to just after the opener and
// the error points there, not at the end of the file.

// ---- Dispatch on the next character ----------------------------------------
// by_first_char<Otherwise, on_char<'c', R...>...> is sor<R..., Otherwise> for
// the case of the next character, and Otherwise when no case names it: the
// language of sor<all R in order, Otherwise> when each R can only start with
// its case's character (keywords are lower case), found without trying the
// alternatives that cannot match. Only time is saved.
template <char C, typename... Rules>
struct on_char {
  static constexpr char first = C;
  using rule = sor<Rules...>;
};
template <typename Otherwise, typename... Cases>
struct by_first_char {
  using rule_t = by_first_char;
  using subs_t = type_list<typename Cases::rule..., Otherwise>;
  template <apply_mode A, rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  static bool match(ParseInput& in, States&&... st) {
    // Through Control<...>::match, as PEGTL's own rules call their sub-rules.
    const char next = in.empty() ? '\0' : in.peek_char();
    bool matched = false;
    bool dispatched =
        ((next == Cases::first &&
          (matched = Control<sor<typename Cases::rule, Otherwise>>::template match<A, M, Action,
                                                                                  Control>(
               in, st...),
           true)) ||
         ...);
    if (dispatched) return matched;
    return Control<Otherwise>::template match<A, M, Action, Control>(in, st...);
  }
};

// ---- Trivia ---------------------------------------------------------------
// A doc comment (///) documents the declaration that follows it.
struct doc_comment : seq<string<'/', '/', '/'>, star<not_one<'\n'>>> {};
struct line_comment : seq<sor<string<'/', '/'>, string<'-', '-'>>, star<not_one<'\n'>>> {};
struct block_comment_rest : sor<until<string<'*', '/'>>, failure> {};
struct block_comment : seq<string<'/', '*'>, must<block_comment_rest>> {};
struct any_comment : sor<doc_comment, line_comment, block_comment> {};
// _ : white space inside one entry (no newline); __ : anything between entries.
// The at<'/'> only saves time: `_` runs between any two tokens of an entry.
struct _ : star<sor<blank, seq<at<one<'/'>>, block_comment>>> {};
struct __ : star<sor<space, any_comment>> {};

// ---- Tokens ---------------------------------------------------------------
struct ident_first : ranges<'a', 'z', 'A', 'Z', '_'> {};
struct ident_other : sor<ranges<'a', 'z', 'A', 'Z', '0', '9'>, one<'_', '$'>> {};
struct bare_ident : seq<ident_first, star<ident_other>> {};
struct quoted_ident_rest : sor<seq<star<sor<two<'"'>, not_one<'"', '\n'>>>, one<'"'>>, failure> {};
struct quoted_ident : seq<one<'"'>, must<quoted_ident_rest>> {};
struct ident : sor<quoted_ident, bare_ident> {};

struct string_rest : sor<seq<star<sor<two<'\''>, not_one<'\''>>>, one<'\''>>, failure> {};
struct string_literal : seq<one<'\''>, must<string_rest>> {};
struct string_literal_req : seq<string_literal> {};
// sql_string is string_literal inside SQL text: the same language, but the
// parser records string_literal and not this, as expressions are kept whole.
struct sql_string : seq<one<'\''>, must<string_rest>> {};

#define SCHEMAC_KW(name) struct kw_##name : TAO_PEGTL_KEYWORD(#name) {}
SCHEMAC_KW(action); SCHEMAC_KW(always); SCHEMAC_KW(as); SCHEMAC_KW(asc); SCHEMAC_KW(bit);
SCHEMAC_KW(by); SCHEMAC_KW(cascade); SCHEMAC_KW(character); SCHEMAC_KW(check);
SCHEMAC_KW(collate); SCHEMAC_KW(comment); SCHEMAC_KW(constraint); SCHEMAC_KW(day);
SCHEMAC_KW(default); SCHEMAC_KW(deferrable); SCHEMAC_KW(deferred); SCHEMAC_KW(delete);
SCHEMAC_KW(desc); SCHEMAC_KW(double); SCHEMAC_KW(enum); SCHEMAC_KW(extension);
SCHEMAC_KW(first); SCHEMAC_KW(foreign); SCHEMAC_KW(from); SCHEMAC_KW(generated);
SCHEMAC_KW(hour); SCHEMAC_KW(identity); SCHEMAC_KW(immediate); SCHEMAC_KW(include);
SCHEMAC_KW(index); SCHEMAC_KW(initially); SCHEMAC_KW(interval); SCHEMAC_KW(key);
SCHEMAC_KW(last); SCHEMAC_KW(minute); SCHEMAC_KW(month); SCHEMAC_KW(no); SCHEMAC_KW(not);
SCHEMAC_KW(null); SCHEMAC_KW(nulls); SCHEMAC_KW(on); SCHEMAC_KW(precision);
SCHEMAC_KW(primary); SCHEMAC_KW(references); SCHEMAC_KW(renamed); SCHEMAC_KW(restrict);
SCHEMAC_KW(schema); SCHEMAC_KW(second); SCHEMAC_KW(set); SCHEMAC_KW(stored);
SCHEMAC_KW(table); SCHEMAC_KW(time); SCHEMAC_KW(timestamp); SCHEMAC_KW(to);
SCHEMAC_KW(unique); SCHEMAC_KW(update); SCHEMAC_KW(using); SCHEMAC_KW(varying);
SCHEMAC_KW(version); SCHEMAC_KW(where); SCHEMAC_KW(with); SCHEMAC_KW(without);
SCHEMAC_KW(year); SCHEMAC_KW(zone);
SCHEMAC_KW(materialized); SCHEMAC_KW(view);  // views
// sequences and domains
SCHEMAC_KW(cache); SCHEMAC_KW(cycle); SCHEMAC_KW(domain); SCHEMAC_KW(increment);
SCHEMAC_KW(maxvalue); SCHEMAC_KW(minvalue); SCHEMAC_KW(owned); SCHEMAC_KW(sequence); SCHEMAC_KW(start);
#undef SCHEMAC_KW

// Required forms: PEGTL's must_if raises whenever a rule that has an error
// message fails, so a rule that is optional in one place and required in
// another gets a *_req twin (seq<rule>) that carries the message.
struct kw_null_req : seq<kw_null> {};
struct kw_key_req : seq<kw_key> {};
struct kw_from_req : seq<kw_from> {};
struct kw_as_req : seq<kw_as> {};
struct kw_identity_req : seq<kw_identity> {};
struct kw_stored_req : seq<kw_stored> {};
struct kw_references_req : seq<kw_references> {};
struct kw_view_req : seq<kw_view> {};

// ---- Names ----------------------------------------------------------------
struct name : ident {};
struct schema_part : ident {};
// qualified_name <- (ident '.')? ident
struct qualified_name : seq<opt<schema_part, one<'.'>>, name> {};
struct column_ref : ident {};
struct name_req : seq<name> {};
struct qualified_name_req : seq<qualified_name> {};
struct column_ref_req : seq<column_ref> {};
struct column_list_rest : seq<__, list_must<column_ref_req, seq<__, one<','>, __>>, __, one<')'>> {};
// column_list <- '(' column_ref (',' column_ref)* ')'
struct column_list : seq<one<'('>, must<column_list_rest>> {};
struct column_list_req : seq<column_list> {};

// ---- SQL expressions, captured as balanced text -----------------------------
struct balanced;
struct paren_group_rest : sor<seq<balanced, one<')'>>, failure> {};
struct paren_group : seq<one<'('>, must<paren_group_rest>> {};
struct bracket_group_rest : sor<seq<balanced, one<']'>>, failure> {};
struct bracket_group : seq<one<'['>, must<bracket_group_rest>> {};
struct balanced : star<sor<sql_string, quoted_ident, paren_group, bracket_group,
                           not_one<'(', ')', '[', ']', '\'', '"'>>> {};
struct expr_text : balanced {};
struct paren_expr_rest : sor<seq<expr_text, one<')'>>, failure> {};
// paren_expr <- '(' balanced ')'   (the text excludes the outer parentheses)
struct paren_expr : seq<one<'('>, must<paren_expr_rest>> {};
struct paren_expr_req : seq<paren_expr> {};

// A default expression runs to the end of the entry, or to the next column
// modifier keyword, at parenthesis depth 0.
struct modifier_keyword : sor<kw_not, kw_null, kw_default, kw_primary, kw_unique, kw_references,
                              kw_check, kw_renamed, kw_collate, kw_generated, kw_comment,
                              kw_constraint> {};
struct comment_start : sor<string<'/', '/'>, string<'-', '-'>, string<'/', '*'>> {};
struct default_stop : sor<seq<plus<blank>, modifier_keyword>, seq<star<blank>, comment_start>> {};
// default_plain cannot end the expression nor start default_stop (which
// begins with a blank, '/' or '-'): a run of them needs no stop test. Only
// time is saved; the language is that of the last alternative alone.
struct default_plain : not_one<'\n', '\r', ',', '}', '(', ')', '[', ']', '\'', '"', ' ', '\t', '/', '-'> {};
struct default_atom : sor<plus<default_plain>, sql_string, quoted_ident, paren_group, bracket_group,
                          seq<not_at<default_stop>, not_one<'\n', '\r', ',', '}', '(', ')', '[', ']', '\'', '"'>>> {};
struct default_expr : plus<default_atom> {};

// ---- Types ----------------------------------------------------------------
struct type_arg : plus<not_one<',', ')', '\n'>> {};
struct type_args_rest : seq<list_must<type_arg, one<','>>, one<')'>> {};
struct type_args : seq<one<'('>, must<type_args_rest>> {};
struct array_close : one<']'> {};
struct array_suffix : seq<one<'['>, star<digit>, must<array_close>> {};
struct time_zone_suffix : seq<sor<kw_with, kw_without>, _, kw_time, _, kw_zone> {};
struct interval_field : sor<kw_year, kw_month, kw_day, kw_hour, kw_minute, kw_second> {};
struct interval_fields : seq<interval_field, opt<_, kw_to, _, interval_field>> {};
struct type_generic_name : seq<not_at<modifier_keyword>, ident> {};
struct type_base : sor<
    seq<kw_double, _, kw_precision>,
    seq<sor<kw_character, kw_bit>, _, kw_varying, opt<_, type_args>>,
    seq<sor<kw_timestamp, kw_time>, opt<_, type_args>, opt<_, time_zone_suffix>>,
    seq<kw_interval, opt<_, interval_fields>, opt<_, type_args>>,
    seq<opt<schema_part, one<'.'>>, type_generic_name, opt<_, type_args>>> {};
// column_type <- type_base array_suffix*
struct column_type : seq<type_base, star<_, array_suffix>> {};

// ---- Foreign key options ----------------------------------------------------
struct fk_no_action : seq<kw_no, _, kw_action> {};
struct fk_restrict : kw_restrict {};
struct fk_cascade : kw_cascade {};
struct fk_set_null : seq<kw_set, _, kw_null> {};
struct fk_set_default : seq<kw_set, _, kw_default> {};
struct fk_action : sor<fk_no_action, fk_restrict, fk_cascade, fk_set_null, fk_set_default> {};
struct on_delete : seq<kw_on, _, kw_delete, _, must<fk_action>> {};
struct on_update : seq<kw_on, _, kw_update, _, must<fk_action>> {};
struct fk_not_deferrable : seq<kw_not, _, kw_deferrable> {};
struct fk_deferrable : kw_deferrable {};
struct fk_initially_deferred : seq<kw_initially, _, kw_deferred> {};
struct fk_initially_immediate : seq<kw_initially, _, kw_immediate> {};
struct fk_option : sor<on_delete, on_update, fk_not_deferrable, fk_deferrable, fk_initially_deferred, fk_initially_immediate> {};
struct fk_target : seq<qualified_name, opt<_, column_list>, star<_, fk_option>> {};

// ---- Column modifiers ------------------------------------------------------
struct constraint_name : seq<kw_constraint, _, must<name_req>> {};
struct mod_not_null : seq<kw_not, _, must<kw_null_req>> {};
struct mod_null : kw_null {};
struct mod_default : seq<kw_default, _, must<default_expr>> {};
struct mod_primary_key : seq<kw_primary, _, must<kw_key_req>> {};
struct mod_unique : kw_unique {};
struct mod_references : seq<kw_references, _, must<fk_target>> {};
struct mod_check : seq<kw_check, _, must<paren_expr_req>> {};
struct mod_renamed_from : seq<kw_renamed, _, must<kw_from_req>, _, must<name_req>> {};
struct mod_collate : seq<kw_collate, _, must<qualified_name_req>> {};
struct identity_always : seq<kw_always, _, kw_as, _, kw_identity> {};
struct identity_by_default : seq<kw_by, _, kw_default, _, must<kw_as_req>, _, must<kw_identity_req>> {};
struct generated_stored : seq<kw_always, _, kw_as, _, paren_expr, _, must<kw_stored_req>> {};
struct generated_kind : sor<identity_always, identity_by_default, generated_stored> {};
struct mod_generated : seq<kw_generated, _, must<generated_kind>> {};
struct mod_comment : seq<kw_comment, _, must<string_literal_req>> {};
struct named_constraint_modifier : sor<mod_primary_key, mod_unique, mod_references, mod_check> {};
// column_modifier <- ('constraint' name)? named_constraint_modifier / 'not' 'null'
//   / 'null' / 'default' / 'primary' / 'unique' / 'references' / 'check'
//   / 'renamed' / 'collate' / 'generated' / 'comment'   (by first letter, same order)
struct column_modifier : by_first_char<failure,
    on_char<'c', seq<constraint_name, _, must<named_constraint_modifier>>, mod_check, mod_collate, mod_comment>,
    on_char<'n', mod_not_null, mod_null>,
    on_char<'d', mod_default>,
    on_char<'p', mod_primary_key>,
    on_char<'u', mod_unique>,
    on_char<'r', mod_references, mod_renamed_from>,
    on_char<'g', mod_generated>> {};

// ---- Table entries -----------------------------------------------------------
// An entry ends at ',' or a newline (a trailing comment may come first), or before '}'.
struct entry_end : seq<_, opt<sor<doc_comment, line_comment>>, sor<one<','>, eol, at<one<'}'>>, eof>> {};
struct column_end : seq<entry_end> {};
// column <- name column_type column_modifier*
struct column_def : seq<name, _, must<column_type>, star<_, column_modifier>, must<column_end>> {};

struct pk_def : seq<kw_primary, _, kw_key, _, must<column_list_req>> {};
struct unique_def : seq<kw_unique, _, column_list> {};
struct fk_def : seq<kw_foreign, _, must<kw_key_req>, _, must<column_list_req>, _, must<kw_references_req>, _, must<fk_target>> {};
struct check_def : seq<kw_check, _, paren_expr> {};
struct table_constraint_kind : sor<pk_def, unique_def, fk_def, check_def> {};
struct table_constraint_kind_req : seq<table_constraint_kind> {};
struct table_constraint : sor<seq<constraint_name, _, must<table_constraint_kind_req>>, table_constraint_kind> {};

struct index_unique : kw_unique {};
struct index_method : ident {};
struct opclass : seq<not_at<sor<kw_asc, kw_desc, kw_nulls>>, qualified_name> {};
struct elem_desc : kw_desc {};
struct elem_asc : kw_asc {};
struct nulls_first : seq<kw_nulls, _, kw_first> {};
struct nulls_last : seq<kw_nulls, _, kw_last> {};
// A function call such as lower(email) is an expression key without extra parentheses.
struct index_func_call : seq<qualified_name, star<blank>, paren_group> {};
struct index_elem : seq<sor<paren_expr, index_func_call, column_ref>, opt<_, opclass>, opt<_, sor<elem_asc, elem_desc>>, opt<_, sor<nulls_first, nulls_last>>> {};
struct index_elems_rest : seq<__, list_must<index_elem, seq<__, one<','>, __>>, __, one<')'>> {};
struct index_elems : seq<one<'('>, must<index_elems_rest>> {};
struct index_include : seq<kw_include, _, must<column_list_req>> {};
struct index_where : seq<kw_where, _, must<paren_expr_req>> {};
struct index_using : seq<kw_using, _, must<index_method>> {};
// index <- 'unique'? 'index' name? ('using' method)? '(' elems ')' include? where? renamed?
// Commits only once '(' or 'using' follows, so a column named index still parses.
struct index_head : seq<opt<index_unique, _>, kw_index, _, opt<not_at<kw_using>, name, _>, at<sor<kw_using, one<'('>>>> {};
struct index_def : seq<index_head, opt<index_using, _>, must<index_elems>, opt<_, index_include>, opt<_, index_where>, opt<_, mod_renamed_from>> {};
struct table_comment : seq<kw_comment, _, string_literal> {};
struct item_end : seq<entry_end> {};
struct table_item : seq<sor<index_def, table_constraint, table_comment>, must<item_end>> {};
// table_entry <- table_item / column_def; a table item starts with 'index',
// 'unique', 'primary', 'foreign', 'constraint', 'check' or 'comment'.
struct table_entry : by_first_char<column_def,
    on_char<'i', table_item>, on_char<'u', table_item>, on_char<'p', table_item>,
    on_char<'f', table_item>, on_char<'c', table_item>> {};

struct table_body : star<sor<plus<space>, any_comment, one<','>, table_entry>> {};
struct table_close : one<'}'> {};
struct table_open : one<'{'> {};
struct table_renamed_from : seq<kw_renamed, _, must<kw_from_req>, _, must<name_req>> {};
// table <- 'table' name ('renamed' 'from' name)? '{' entry* '}'
struct table_decl : seq<kw_table, _, must<name_req>, _, opt<table_renamed_from, _>, __, must<table_open>, table_body, must<table_close>> {};

// ---- Other declarations --------------------------------------------------
struct enum_value : string_literal {};
struct enum_close : one<'}'> {};
struct enum_open : one<'{'> {};
// enum <- 'enum' name '{' (string (',' | newline)*)* '}'
struct enum_decl : seq<kw_enum, _, must<name_req>, __, must<enum_open>, __, star<enum_value, __, opt<one<','>>, __>, must<enum_close>> {};

struct version_text : sor<string_literal, quoted_ident> {};
struct extension_version : seq<kw_version, _, must<version_text>> {};
struct extension_schema : seq<kw_schema, _, must<name_req>> {};
struct decl_end : seq<_, opt<sor<doc_comment, line_comment>>, sor<eol, eof>> {};
// extension <- 'extension' name ('version' string)? ('schema' name)?
struct extension_decl : seq<kw_extension, _, must<name_req>, star<_, sor<extension_version, extension_schema>>, must<decl_end>> {};

// A view's query is balanced SQL text like any expression; nothing may follow it.
struct view_materialized : seq<kw_materialized, _, must<kw_view_req>> {};
struct view_kind : sor<view_materialized, kw_view> {};
struct view_renamed_from : seq<kw_renamed, _, must<kw_from_req>, _, must<name_req>> {};
struct view_as : seq<kw_as> {};
struct view_query : seq<paren_expr> {};
struct view_end : seq<decl_end> {};
// view <- 'materialized'? 'view' name ('renamed' 'from' name)? 'as' '(' query ')'
struct view_decl : seq<view_kind, _, must<name_req>, __, opt<view_renamed_from, __>, must<view_as>, __, must<view_query>, must<view_end>> {};
// ---- Sequences and domains ----------------------------------------------------
struct integer_literal : seq<opt<one<'-', '+'>>, plus<digit>, not_at<ident_other>> {};
struct integer_req : seq<integer_literal> {};
struct sequence_type : seq<type_base> {};
struct seq_as : seq<kw_as, _, must<sequence_type>> {};
struct seq_start : seq<kw_start, _, opt<kw_with, _>, must<integer_req>> {};
struct seq_increment : seq<kw_increment, _, opt<kw_by, _>, must<integer_req>> {};
struct seq_minvalue : seq<kw_minvalue, _, must<integer_req>> {};
struct seq_maxvalue : seq<kw_maxvalue, _, must<integer_req>> {};
struct seq_no_minvalue : seq<kw_no, _, kw_minvalue> {};
struct seq_no_maxvalue : seq<kw_no, _, kw_maxvalue> {};
struct seq_no_cycle : seq<kw_no, _, kw_cycle> {};
struct seq_cache : seq<kw_cache, _, must<integer_req>> {};
struct seq_cycle : kw_cycle {};
struct owned_part : ident {};
// owned_by_target <- (ident '.')? ident '.' ident      (the owning [schema.]table.column)
struct owned_by_target : seq<owned_part, one<'.'>, owned_part, opt<one<'.'>, owned_part>> {};
struct kw_by_req : seq<kw_by> {};
struct seq_owned_by : seq<kw_owned, _, must<kw_by_req>, _, must<owned_by_target>> {};
struct sequence_option : sor<seq_as, seq_start, seq_increment, seq_minvalue, seq_maxvalue,
                             seq_no_minvalue, seq_no_maxvalue, seq_no_cycle, seq_cache, seq_cycle,
                             seq_owned_by, mod_renamed_from> {};
// Like decl_end, but a '}' may follow, as in schema s { sequence n }.
struct seqdom_end : seq<_, opt<sor<doc_comment, line_comment>>, sor<eol, eof, at<one<'}'>>>> {};
struct sequence_end : seq<seqdom_end> {};
// sequence <- 'sequence' name sequence_option* end-of-line
struct sequence_decl : seq<kw_sequence, _, must<name_req>, star<_, sequence_option>, must<sequence_end>> {};

struct domain_type : seq<type_base, star<_, array_suffix>> {};
struct domain_as : seq<kw_as> {};
struct domain_named_check : seq<mod_check> {};
struct domain_item : sor<seq<constraint_name, _, must<domain_named_check>>, mod_not_null, mod_null,
                         mod_default, mod_check, mod_collate, mod_renamed_from> {};
struct domain_end : seq<seqdom_end> {};
// domain <- 'domain' name 'as' type domain_item* end-of-line
struct domain_decl : seq<kw_domain, _, must<name_req>, _, must<domain_as>, _, must<domain_type>, star<_, domain_item>, must<domain_end>> {};

struct decl;
struct schema_close : one<'}'> {};
struct schema_open : one<'{'> {};
// schema <- 'schema' name '{' decl* '}'
struct schema_decl : seq<kw_schema, _, must<name_req>, __, must<schema_open>, __, star<decl, __>, must<schema_close>> {};
struct decl : sor<extension_decl, enum_decl, table_decl, view_decl, schema_decl,
                  sequence_decl, domain_decl> {};
struct decl_req : seq<decl> {};

// One top-level step: trivia, then a declaration or the end of the file. The
// parser runs it repeatedly so that it can resume after an error.
struct toplevel_step : seq<__, sor<eof, must<decl_req>>> {};
// file <- (trivia decl)* trivia eof   (the whole language; used by analyze and tests)
struct file : seq<__, star<decl, __>, eof> {};

// clang-format on

}  // namespace schemac::grammar

// The grammar analysis (tests) sees by_first_char as the sor it stands for.
template <typename Name, typename Otherwise, typename... Cases>
struct tao::pegtl::analyze_traits<Name, schemac::grammar::by_first_char<Otherwise, Cases...>>
    : tao::pegtl::analyze_traits<
          Name, typename tao::pegtl::sor<typename Cases::rule..., Otherwise>::rule_t> {};
