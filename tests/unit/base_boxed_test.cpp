#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "base/boxed.hpp"

using schemac::base::Boxed;

TEST_CASE("Boxed compares like std::optional") {
  Boxed<std::string> none;
  Boxed<std::string> also_none = std::nullopt;
  Boxed<std::string> a = "a";
  Boxed<std::string> other_a = std::string("a");
  Boxed<std::string> b = "b";
  CHECK(none == also_none);
  CHECK(none == std::nullopt);
  CHECK_FALSE(a == std::nullopt);
  CHECK(a == other_a);
  CHECK_FALSE(a == b);
  CHECK_FALSE(a == none);
  CHECK_FALSE(none == a);
  // Against plain values: equal only when set and equal.
  CHECK(a == "a");
  CHECK(a == std::string_view("a"));
  CHECK_FALSE(a == "b");
  CHECK_FALSE(none == "");
  // Against std::optional, either side empty or both set.
  CHECK(a == std::optional<std::string>("a"));
  CHECK(none == std::optional<std::string>());
  CHECK_FALSE(none == std::optional<std::string>(""));
  CHECK_FALSE(a == std::optional<std::string>());
}

TEST_CASE("Boxed is set, read and converted like std::optional") {
  Boxed<std::string> text;
  CHECK(text.value_or("fallback") == "fallback");
  text = "set";
  REQUIRE(text);
  CHECK(*text == "set");
  CHECK(text->size() == 3);
  CHECK(text.value_or("fallback") == "set");
  text.emplace(3, 'x');
  CHECK(*text == "xxx");
  std::optional<std::string> copy = text;
  CHECK(copy == "xxx");
  text.reset();
  CHECK_FALSE(std::optional<std::string>(text).has_value());
  Boxed<std::string> from_optional = std::optional<std::string>("o");
  CHECK(from_optional == "o");
  // Copies are deep.
  Boxed<std::string> original = "a";
  Boxed<std::string> deep = original;
  deep->front() = 'b';  // (assigning a literal trips a GCC 12 -Wrestrict false positive)
  CHECK(original == "a");
}

TEST_CASE("Boxed is a pointer's size") {
  CHECK(sizeof(Boxed<std::string>) == sizeof(void*));
}
