// ir/normalize: brings a catalog into the canonical form both sides of a diff
// must reach: sorted objects, canonical type names, canonical expression text.
// Idempotent. Called on the desired and on the current catalog before diff.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ir/catalog.hpp"

namespace schemac::ir {

/// normalize sorts extensions, schemas, enums, tables, views, sequences, domains,
/// each domain's checks (normalize_sequence fills sequence defaults) and each table's
/// uniques, checks, foreign keys and indexes by name (columns and enum values keep
/// their order), canonicalizes every column type (normalize_type) and every
/// expression (normalize_expr). Idempotent.
void normalize(Catalog& catalog);

/// normalize_type makes a TypeRef canonical: built-in aliases and modifiers as
/// canonical_builtin_typeref gives them; geometry/geography always carry a GeoType
/// (the default GeoType when unconstrained) and no plain modifiers.
void normalize_type(TypeRef& type);

/// normalize_table applies normalize_type/normalize_expr to one table and sorts
/// its constraints and indexes by name.
void normalize_table(Table& table);
/// normalize_table with the domains over text or varchar (whose columns PostgreSQL
/// casts to text in expressions just like text columns).
void normalize_table(Table& table, const std::vector<QualifiedName>& text_domains);

/// normalize_expr gives SQL expression text the canonical spelling used for
/// comparison, such that normalize_expr(x) == normalize_expr(pg_get_expr of x as
/// PostgreSQL stores it) for common defaults and checks: whitespace, keyword case
/// outside quotes, redundant outer parentheses, casts PostgreSQL adds to literals.
/// The result is valid SQL with the same meaning. Rewrites, in order:
///  - whitespace and comments go; bare words are lower-cased ("CURRENT_TIMESTAMP"
///    -> "current_timestamp", "TRUE" -> "true"); "name" quoted without need -> name;
///  - a '-' before a number that cannot be binary joins it: "- 1" -> "-1";
///  - redundant parentheses go: around the whole text, around one operand
///    ("(a)::text" -> "a::text"), around a comparison next to AND/OR/NOT
///    ("(a > 0) and (b < 1)" -> "a > 0 and b < 1"), around arithmetic next to a
///    comparison ("(a + b) > 0" -> "a + b > 0"); never around a row "(a, b)";
///    a signed operand keeps them before a cast ("(-1)::text");
///  - cast type names are canonical ("::int" -> "::integer", "::varchar" ->
///    "::character varying");
///  - casts on string literals go where PostgreSQL infers the same type from
///    context: to text/varchar/bpchar anywhere; any cast when the literal is the
///    whole expression ("'{}'::jsonb" -> "'{}'", "'draft'::public.kind" -> "'draft'");
///    when it is a whole function argument ("nextval('s'::regclass)" ->
///    "nextval('s')"); when it is one side of a comparison; a numeric string cast
///    to a numeric type becomes the number ("'-1'::integer" -> "-1");
///  - "!=" becomes "<>", as PostgreSQL's lexer reads it;
///  - `type 'literal'` becomes 'literal'::type ("interval '1 day'"); LIKE/ILIKE
///    become ~~/~~* (NOT: !~~, !~~*); "x in (1, 2)" becomes "x = any (array[1, 2])"
///    and NOT IN "<> all (array[...])", as PostgreSQL stores them;
///  - parentheses are removed by operator precedence (PostgreSQL's table:
///    OR < AND < NOT < IS < comparison < BETWEEN/IN/LIKE < other operators < + -
///    < * / % < ^): "(a + (b * c)) > 10" -> "a + b * c > 10", "((a - b) - c)" ->
///    "a - b - c", but "a - (b - c)" and "(a or b) and c" keep theirs;
///  - tokens are printed with pg_get_expr's spacing ("a+b" -> "a + b", "f( x )" -> "f(x)").
/// Not handled (compare through a scratch database instead): BETWEEN, which
/// PostgreSQL expands to >= AND <=; literals PostgreSQL re-spells ('2020-01-01'
/// for a timestamptz, '1 hour' for an interval); implicit casts it adds to
/// non-literals ("a ^ 2" on an integer column).
/// text_columns names the columns of type text or character varying in scope:
/// PostgreSQL's implicit cast of such a column to text ("(code)::text") goes.
/// nextval_text: a default calling nextval() of `sequence` in `schema`, spelt as
/// the inspector's text normalises (names quoted as regclass prints them).
std::string nextval_text(const std::string& schema, const std::string& sequence);

std::string normalize_expr(std::string_view expr,
                           const std::vector<std::string>& text_columns = {});
/// normalize_expr_in_place sets expr to normalize_expr(expr, text_columns).
void normalize_expr_in_place(std::string& expr, const std::vector<std::string>& text_columns = {});

/// normalize_view_body is the offline canonical spelling of a view's query:
/// comments and a trailing ';' go, whitespace becomes pg_get_expr's spacing and
/// bare words are lower-cased. It cannot judge what PostgreSQL rewrites
/// (qualified column names, `*` expanded, added casts and aliases): `plan` and
/// `apply` compare the text PostgreSQL itself prints instead
/// (catalog::canonicalize_views). The result is valid SQL with the same meaning.
std::string normalize_view_body(std::string_view body);

/// guess_view_facts fills ViewFacts::relations and ::reads of every view whose
/// facts are not known from the database, from the names its query mentions.
void guess_view_facts(Catalog& catalog);

}  // namespace schemac::ir
