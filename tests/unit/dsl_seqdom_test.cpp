// Sequences and domains through parse and lower, on real .schema text.
#include <catch2/catch.hpp>

#include "base/render.hpp"
#include "dsl/lower.hpp"
#include "dsl/parse.hpp"
#include "ir/normalize.hpp"
#include "ir/print.hpp"

namespace base = schemac::base;
namespace dsl = schemac::dsl;
namespace ir = schemac::ir;
namespace ast = schemac::dsl::ast;

namespace {

struct Result {
  std::optional<ast::File> file;
  ir::Catalog catalog;
  std::string dump;    // normalized IR
  std::string errors;  // rendered diagnostics
};

Result lower_text(const std::string& text) {
  base::SourceManager sources;
  base::Diagnostics diags;
  Result result;
  base::FileId id = sources.add("f.schema", text);
  result.file = dsl::parse(sources, id, diags);
  if (result.file) {
    std::vector<ast::File> files{*result.file};
    result.catalog = dsl::lower(files, dsl::LowerOptions{}, diags);
    ir::normalize(result.catalog);
    result.dump = ir::to_debug_string(result.catalog);
  }
  result.errors = base::render_text(sources, diags);
  return result;
}

}  // namespace

TEST_CASE("parse: sequence options and domain modifiers", "[dsl][seqdom]") {
  Result r = lower_text(
      "/// Invoice numbers.\n"
      "sequence invoice_no as int start with 1000 increment by 2 minvalue 1 no maxvalue cache 5 "
      "cycle\n"
      "sequence t_seq owned by t.id renamed from old_seq\n"
      "domain email as text not null constraint at_sign check (value like '%@%') default 'a@b'\n"
      "table t { id bigint, sequence integer, domain text }\n");
  REQUIRE(r.errors.empty());
  const auto& seq = std::get<ast::SequenceDecl>(r.file->decls.at(0).node);
  CHECK(seq.name.text == "invoice_no");
  REQUIRE(seq.doc);
  CHECK(seq.doc->text == "Invoice numbers.");
  using Kind = ast::SequenceOption::Kind;
  std::vector<Kind> kinds;
  for (const auto& option : seq.options) kinds.push_back(option.kind);
  CHECK(kinds == std::vector<Kind>{Kind::As, Kind::Start, Kind::Increment, Kind::MinValue,
                                   Kind::NoMaxValue, Kind::Cache, Kind::Cycle});
  CHECK(seq.options[1].number == "1000");
  const auto& owned = std::get<ast::SequenceDecl>(r.file->decls.at(1).node);
  REQUIRE(owned.options.size() == 2);
  CHECK(owned.options[0].owner.size() == 2);
  CHECK(owned.options[1].old_name->text == "old_seq");
  const auto& domain = std::get<ast::DomainDecl>(r.file->decls.at(2).node);
  CHECK(domain.type.name == "text");
  CHECK(domain.modifiers.size() == 3);
  const auto& table = std::get<ast::TableDecl>(r.file->decls.at(3).node);
  CHECK(table.items.size() == 3);  // sequence and domain are column names inside a table
}

TEST_CASE("lower: sequences take PostgreSQL's defaults for their type and direction",
          "[dsl][seqdom]") {
  Result r = lower_text(
      "sequence a\n"
      "sequence b as integer\n"
      "sequence c as smallint increment -1\n"
      "sequence d start 1000 maxvalue 999999 cycle owned by t.id\n"
      "table t { id bigint default nextval('d') }\n");
  REQUIRE(r.errors.empty());
  CHECK(r.dump ==
        "schema public\n"
        "  sequence public.a as bigint start 1 increment 1 min 1 max 9223372036854775807 cache 1\n"
        "  sequence public.b as integer start 1 increment 1 min 1 max 2147483647 cache 1\n"
        "  sequence public.c as smallint start -1 increment -1 min -32768 max -1 cache 1\n"
        "  sequence public.d as bigint start 1000 increment 1 min 1 max 999999 cache 1 cycle "
        "owned by t.id\n"
        "  table public.t\n"
        "    column id bigint default nextval('d')\n");
}

TEST_CASE("lower: domains resolve as column types and name their checks like PostgreSQL",
          "[dsl][seqdom]") {
  Result r = lower_text(
      "/// Money.\n"
      "domain amount as numeric(12,2) default 0 check (value >= 0) check (value < 100)\n"
      "domain email as text not null constraint has_at check (value like '%@%')\n"
      "table t { a amount, e public.email, es email[] }\n"
      "schema crm { domain work as email check (length(value) > 3)\n table c { w work, e email } "
      "}\n");
  REQUIRE(r.errors.empty());
  CHECK(r.dump ==
        "schema crm\n"
        "  domain crm.work public.email\n"
        "    check work_check (length(value) > 3)\n"
        "  table crm.c\n"
        "    column w crm.work\n"
        "    column e public.email\n"
        "schema public\n"
        "  domain public.amount numeric(12,2) default 0 comment='Money.'\n"
        "    check amount_check (value >= 0)\n"
        "    check amount_check1 (value < 100)\n"
        "  domain public.email text not null\n"
        "    check has_at (value ~~ '%@%')\n"
        "  table public.t\n"
        "    column a public.amount\n"
        "    column e public.email\n"
        "    column es public.email[]\n");
}

TEST_CASE("lower: sequence and domain errors", "[dsl][seqdom]") {
  Result r = lower_text(
      "domain d as nosuch\n"
      "domain d as text\n"
      "domain e as integer(3) not null null\n"
      "domain t as text\n"
      "domain self as self\n"
      "table t { x d(2) }\n"
      "sequence s as numeric\n"
      "sequence s\n"
      "sequence u owned by other.t.x\n"
      "sequence v owned by t.nope\n"
      "schema other { table t { x integer } }\n");
  CHECK(r.errors.find("f.schema:1:13: error: unknown type \"nosuch\" [E0207]") !=
        std::string::npos);
  CHECK(r.errors.find("f.schema:2:8: error: duplicate domain \"public.d\" [E0227]") !=
        std::string::npos);
  CHECK(r.errors.find("error: conflicting null and not null for domain \"public.e\" [E0219]") !=
        std::string::npos);
  CHECK(r.errors.find("error: domain \"public.t\" has the same name as a table") !=
        std::string::npos);
  CHECK(r.errors.find("error: domain \"public.self\" cannot be based on itself") !=
        std::string::npos);
  CHECK(r.errors.find("error: domain \"public.d\" takes no type modifiers [E0218]") !=
        std::string::npos);
  CHECK(r.errors.find("error: type \"numeric\" is not smallint, integer or bigint in sequence "
                      "\"public.s\" [E0228]") != std::string::npos);
  CHECK(r.errors.find("error: duplicate sequence \"public.s\" [E0226]") != std::string::npos);
  CHECK(r.errors.find("error: owning table \"other.t\" is not in the sequence's schema") !=
        std::string::npos);
  CHECK(r.errors.find("error: column \"nope\" does not exist in table \"public.t\" [E0206]") !=
        std::string::npos);
}

TEST_CASE("lower: a sequence is a relation and clashes with a table or index name",
          "[dsl][seqdom]") {
  Result r = lower_text("sequence t_a_idx\ntable t { a integer\n index t_a_idx (a) }\n");
  CHECK(r.errors.find("error: duplicate name \"t_a_idx\" in schema \"public\"") !=
        std::string::npos);
  // An implicit index name avoids it, as PostgreSQL's does once the sequence exists.
  Result implicit = lower_text("sequence t_a_idx\ntable t { a integer\n index (a) }\n");
  CHECK(implicit.errors.empty());
  CHECK(implicit.dump.find("index t_a_idx1 using btree (a)") != std::string::npos);
}

TEST_CASE("parse: sequence and domain syntax errors", "[dsl][seqdom]") {
  CHECK(lower_text("sequence s start x\n").errors ==
        "f.schema:1:18: error: expected an integer [E0101]\n"
        "sequence s start x\n"
        "                 ^\n");
  CHECK(lower_text("sequence s owned by t\n").errors ==
        "f.schema:1:22: error: expected the owning column, like owned by tickets.id [E0101]\n"
        "sequence s owned by t\n"
        "                     ^\n");
  CHECK(lower_text("domain d as\n").errors.find("expected the domain's base type after 'as'") !=
        std::string::npos);
  CHECK(lower_text("domain d as text unique\n")
            .errors.find("unexpected text in domain declaration") != std::string::npos);
  CHECK(
      lower_text("sequence s as text[]\n").errors.find("unexpected text in sequence declaration") !=
      std::string::npos);
  CHECK(lower_text("schema s { sequence n }\n").errors.empty());
}
