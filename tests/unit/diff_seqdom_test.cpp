#include <catch2/catch.hpp>

#include "seqdom_test_util.hpp"

namespace schemac {
namespace {

using namespace diff;
using namespace testing;

const QualifiedName kSeq{"public", "s"};
const QualifiedName kDom{"public", "d"};

TEST_CASE("diff: sequences are created, altered in place and dropped", "[diff][seqdom]") {
  base::Diagnostics diags;
  ir::Catalog have, want;
  add_sequence(have, "public", sequence("s"));
  add_sequence(have, "public", sequence("gone"));
  ir::Sequence changed = sequence("s", "integer");
  changed.cache = 10;
  add_sequence(want, "public", changed);
  add_sequence(want, "public", sequence("fresh"));
  std::vector<Change> changes = changes_of(have, want, diags);
  REQUIRE(changes.size() == 3);
  CHECK(changes[0] == Change{AlterSequence{kSeq, sequence("s"), changed}});
  CHECK(changes[1] == Change{CreateSequence{{"public", "fresh"}, sequence("fresh")}});
  CHECK(changes[2] == Change{DropSequence{{"public", "gone"}, sequence("gone")}});
  CHECK(diags.error_count() == 0);
}

TEST_CASE("diff: a sequence owner is set after creation and released before its table goes",
          "[diff][seqdom]") {
  base::Diagnostics diags;
  ir::Catalog have, want;
  add_table(want, "public", table("t", {column("id", type("bigint"))}));
  ir::Sequence owned = sequence("s");
  owned.owned_by = ir::SequenceOwner{"t", "id"};
  add_sequence(want, "public", owned);
  std::vector<Change> created = changes_of(have, want, diags);
  CHECK(created[0] == Change{CreateSequence{kSeq, sequence("s")}});  // without its owner
  CHECK(created[1] == Change{SetSequenceOwner{kSeq, ir::SequenceOwner{"t", "id"}}});

  // The owning table is dropped but the sequence is kept: OWNED BY NONE first.
  ir::Catalog kept;
  add_sequence(kept, "public", sequence("s"));
  std::vector<Change> released = changes_of(want, kept, diags);
  CHECK(released[0] == Change{SetSequenceOwner{kSeq, std::nullopt}});

  // Both go: DROP TABLE takes the sequence with it, so no DROP SEQUENCE.
  ir::Catalog empty;
  add_table(empty, "public", table("other", {column("id", type("bigint"))}));
  for (const Change& c : changes_of(want, empty, diags))
    CHECK_FALSE(std::holds_alternative<DropSequence>(c));
  CHECK(diags.error_count() == 0);
}

TEST_CASE("diff: domain defaults, NOT NULL and checks change in place", "[diff][seqdom]") {
  base::Diagnostics diags;
  ir::Catalog have, want;
  ir::Domain old = domain("d", type("integer"), {{"d_check", "value > 0"}, {"d_old", "value < 9"}});
  ir::Domain now =
      domain("d", type("integer"), {{"d_check", "value >= 0"}, {"d_new", "value < 9"}});
  now.not_null = true;
  now.default_expr.emplace("0");
  add_domain(have, "public", old);
  add_domain(want, "public", now);
  std::vector<Change> changes = changes_of(have, want, diags);
  std::vector<Change> expected = {
      AlterDomain{kDom, SetDomainDefault{"0"}},
      AlterDomain{kDom, SetDomainNotNull{true}},
      AlterDomain{kDom, DropDomainCheck{old.checks[0]}},
      AlterDomain{kDom, RenameDomainCheck{"d_old", "d_new"}},  // same expression, new name
      AlterDomain{kDom, AddDomainCheck{now.checks[0]}},
  };
  CHECK(changes == expected);
}

TEST_CASE("diff: a new base type recreates an unused domain and is refused for a used one",
          "[diff][seqdom]") {
  ir::Catalog have, want;
  add_domain(have, "public", domain("d", type("smallint")));
  add_domain(want, "public", domain("d", type("integer")));
  base::Diagnostics diags;
  std::vector<Change> unused = changes_of(have, want, diags);
  REQUIRE(unused.size() == 2);
  CHECK(std::get<DropDomain>(unused[0]).replaced);
  CHECK(std::holds_alternative<CreateDomain>(unused[1]));
  CHECK(diags.error_count() == 0);

  add_table(have, "public", table("t", {column("x", user_type("public", "d"))}));
  add_table(want, "public", table("t", {column("x", user_type("public", "d"))}));
  base::Diagnostics refused;
  CHECK(changes_of(have, want, refused).empty());
  REQUIRE(refused.error_count() == 1);
  CHECK(refused.all().front().kind == base::DiagKind::DomainTypeChangeRefused);
}

TEST_CASE("diff: rename hints on sequences and domains", "[diff][seqdom]") {
  base::Diagnostics diags;
  ir::Catalog have, want;
  add_sequence(have, "public", sequence("old_seq"));
  add_table(have, "public",
            table("t", {column("id", type("bigint"), false, "nextval('old_seq')"),
                        column("x", user_type("public", "old_dom"))}));
  add_domain(have, "public", domain("old_dom", type("text")));
  ir::Sequence renamed = sequence("new_seq");
  renamed.provenance.renamed_from = "old_seq";
  add_sequence(want, "public", renamed);
  ir::Domain renamed_domain = domain("new_dom", type("text"));
  renamed_domain.provenance.renamed_from = "old_dom";
  add_domain(want, "public", renamed_domain);
  add_table(want, "public",
            table("t", {column("id", type("bigint"), false, "nextval('new_seq')"),
                        column("x", user_type("public", "new_dom"))}));
  std::vector<Change> expected = {RenameSequence{{"public", "old_seq"}, "new_seq"},
                                  RenameDomain{{"public", "old_dom"}, "new_dom"}};
  CHECK(changes_of(have, want, diags) == expected);  // defaults and column types follow
}

TEST_CASE("diff: a sequence owner follows a renamed table and column", "[diff][seqdom]") {
  base::Diagnostics diags;
  ir::Catalog have, want;
  add_table(have, "public", table("old_t", {column("old_c", type("bigint"))}));
  ir::Sequence owned = sequence("s");
  owned.owned_by = ir::SequenceOwner{"old_t", "old_c"};
  add_sequence(have, "public", owned);
  ir::Column renamed_column = column("c", type("bigint"));
  renamed_column.provenance.renamed_from = "old_c";
  ir::Table renamed = table("t", {renamed_column});
  renamed.provenance.renamed_from = "old_t";
  add_table(want, "public", renamed);
  owned.owned_by = ir::SequenceOwner{"t", "c"};
  add_sequence(want, "public", owned);
  std::vector<Change> expected = {RenameTable{{"public", "old_t"}, "t"},
                                  RenameColumn{{"public", "t"}, "old_c", "c"}};
  CHECK(changes_of(have, want, diags) == expected);  // no OWNED BY change
}

}  // namespace
}  // namespace schemac
