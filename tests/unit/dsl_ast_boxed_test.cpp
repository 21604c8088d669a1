#include <catch2/catch.hpp>

#include "dsl/ast.hpp"

using namespace schemac::dsl::ast;

TEST_CASE("Boxed: empty, set from a value or an optional, reset") {
  Boxed<Ident> none;
  CHECK_FALSE(none);
  CHECK_FALSE(Boxed<Ident>(std::nullopt).has_value());
  CHECK_FALSE(Boxed<Ident>(std::optional<Ident>{}));

  Boxed<Ident> name = Ident{"orders_pkey", false, {}};
  REQUIRE(name);
  CHECK(name->text == "orders_pkey");
  CHECK((*name).text == "orders_pkey");

  std::optional<Ident> pending = Ident{"Quoted", true, {}};
  Boxed<Ident> from_optional = std::exchange(pending, {});
  REQUIRE(from_optional);
  CHECK(from_optional->quoted);
  CHECK_FALSE(pending);

  name.reset();
  CHECK_FALSE(name);
}

TEST_CASE("Boxed: copies are deep, moves leave the source empty") {
  Boxed<Ident> original = Ident{"a", false, {}};
  Boxed<Ident> copy = original;
  copy->text = "b";
  CHECK(original->text == "a");
  Boxed<Ident> assigned;
  assigned = original;
  CHECK(assigned->text == "a");
  assigned = Boxed<Ident>();
  CHECK_FALSE(assigned);

  Boxed<Ident> moved = std::move(original);
  CHECK(moved->text == "a");
  CHECK_FALSE(original);  // NOLINT(bugprone-use-after-move): moved-from is empty

  // Whole AST nodes copy with their boxed parts.
  IndexDef index;
  index.where = Expr{"deleted_at IS NULL", {}};
  IndexDef index_copy = index;
  index.where->text = "true";
  CHECK(index_copy.where->text == "deleted_at IS NULL");
}

TEST_CASE("Boxed keeps the AST's most numerous nodes small") {
  // What the boxes are for: a column and a modifier of a large schema.
  CHECK(sizeof(Boxed<Ident>) == sizeof(void*));
  CHECK(sizeof(TableItem) < 256);
  CHECK(sizeof(ColumnModifier) <= 80);
}
