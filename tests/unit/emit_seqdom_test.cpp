#include <catch2/catch.hpp>

#include "emit/sql.hpp"
#include "seqdom_test_util.hpp"

namespace schemac {
namespace {

using namespace diff;
using namespace testing;

TEST_CASE("emit: sequence statements spell out only what is not a default", "[emit][seqdom]") {
  const QualifiedName name{"public", "s"};
  ir::Sequence plain = sequence("s");
  CHECK(emit::change_sql(CreateSequence{name, plain}) == "CREATE SEQUENCE public.s;");
  ir::Sequence down = sequence("s", "integer", -1);
  CHECK(emit::change_sql(CreateSequence{name, down}) ==
        "CREATE SEQUENCE public.s AS integer INCREMENT BY -1;");
  ir::Sequence custom = plain;
  custom.start = 1000;
  custom.max_value = 999999;
  custom.cache = 5;
  custom.cycle = true;
  CHECK(emit::change_sql(CreateSequence{name, custom}) ==
        "CREATE SEQUENCE public.s MAXVALUE 999999 START WITH 1000 CACHE 5 CYCLE;");
  CHECK(emit::change_sql(AlterSequence{name, custom, plain}) ==
        "ALTER SEQUENCE public.s MAXVALUE 9223372036854775807 START WITH 1 CACHE 1 NO CYCLE;");
  CHECK(emit::change_sql(SetSequenceOwner{name, ir::SequenceOwner{"T", "id"}}) ==
        "ALTER SEQUENCE public.s OWNED BY public.\"T\".id;");
  CHECK(emit::change_sql(SetSequenceOwner{name, std::nullopt}) ==
        "ALTER SEQUENCE public.s OWNED BY NONE;");
  CHECK(emit::change_sql(DropSequence{name, plain}) == "DROP SEQUENCE public.s;");
  CHECK(emit::change_sql(RenameSequence{name, "New"}) ==
        "ALTER SEQUENCE public.s RENAME TO \"New\";");
}

TEST_CASE("emit: domain statements", "[emit][seqdom]") {
  const QualifiedName name{"app", "Email"};
  ir::Domain d = domain("Email", type("text"), {{"has at", "value ~~ '%@%'"}});
  d.not_null = true;
  d.default_expr = "'a@b'";
  CHECK(emit::change_sql(CreateDomain{name, d}) ==
        "CREATE DOMAIN app.\"Email\" AS text DEFAULT 'a@b' NOT NULL "
        "CONSTRAINT \"has at\" CHECK (value ~~ '%@%');");
  CHECK(emit::change_sql(AlterDomain{name, SetDomainDefault{std::nullopt}}) ==
        "ALTER DOMAIN app.\"Email\" DROP DEFAULT;");
  CHECK(emit::change_sql(AlterDomain{name, SetDomainDefault{"'x'"}}) ==
        "ALTER DOMAIN app.\"Email\" SET DEFAULT 'x';");
  CHECK(emit::change_sql(AlterDomain{name, SetDomainNotNull{false}}) ==
        "ALTER DOMAIN app.\"Email\" DROP NOT NULL;");
  CHECK(emit::change_sql(AlterDomain{name, AddDomainCheck{d.checks[0]}}) ==
        "ALTER DOMAIN app.\"Email\" ADD CONSTRAINT \"has at\" CHECK (value ~~ '%@%');");
  CHECK(emit::change_sql(AlterDomain{name, DropDomainCheck{d.checks[0]}}) ==
        "ALTER DOMAIN app.\"Email\" DROP CONSTRAINT \"has at\";");
  CHECK(emit::change_sql(AlterDomain{name, RenameDomainCheck{"a", "b"}}) ==
        "ALTER DOMAIN app.\"Email\" RENAME CONSTRAINT a TO b;");
  CHECK(emit::change_sql(DropDomain{name, d, false}) == "DROP DOMAIN app.\"Email\";");
  CHECK(emit::change_sql(SetComment{CommentTarget::Domain, name, "", "it's"}) ==
        "COMMENT ON DOMAIN app.\"Email\" IS 'it''s';");
  CHECK(emit::change_sql(SetComment{CommentTarget::Sequence, {"app", "s"}, "", std::nullopt}) ==
        "COMMENT ON SEQUENCE app.s IS NULL;");
}

}  // namespace
}  // namespace schemac
