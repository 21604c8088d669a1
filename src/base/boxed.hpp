// base/boxed: an optional value held on the heap, for the rarely-set parts of
// values there are hundreds of thousands of (syntax-tree entries, IR columns).
#pragma once

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace schemac::base {

/// Boxed<T> is an optional T held on the heap: a pointer's size when absent,
/// where std::optional<std::string> takes 40 bytes whether set or not. At
/// 10,000 tables the syntax tree and each catalog hold hundreds of thousands
/// of entries, and every megabyte they touch costs time in page faults, so
/// what most entries leave out (comments, collations, renames, PostGIS
/// typmods, constraint names) is boxed. It reads like std::optional (bool, *,
/// ->, value_or, reset, ==) and copies deeply.
template <typename T>
class Boxed;

namespace boxed_detail {
// IsOptionalLike: the types Boxed compares as optionals, not as plain values.
template <typename U>
struct IsOptionalLike : std::false_type {};
template <typename U>
struct IsOptionalLike<Boxed<U>> : std::true_type {};
template <typename U>
struct IsOptionalLike<std::optional<U>> : std::true_type {};
template <>
struct IsOptionalLike<std::nullopt_t> : std::true_type {};
}  // namespace boxed_detail

template <typename T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(std::nullopt_t) {}  // NOLINT: converts like std::optional
  // From anything a T is made of ("text" for a Boxed<std::string>), as std::optional.
  template <typename U>
  requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::remove_cvref_t<U>, Boxed>)
      Boxed(U&& value)
      : value_(std::make_unique<T>(std::forward<U>(value))) {}  // NOLINT
  Boxed(std::optional<T> value) {                               // NOLINT
    if (value) value_ = std::make_unique<T>(std::move(*value));
  }
  Boxed(const Boxed& other) : value_(other ? std::make_unique<T>(*other) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& other) {
    if (this != &other) value_ = other ? std::make_unique<T>(*other) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  template <typename U>
  requires(std::is_constructible_v<T, U&&> && !std::is_same_v<std::remove_cvref_t<U>, Boxed>) Boxed&
  operator=(U&& value) {
    value_ = std::make_unique<T>(std::forward<U>(value));
    return *this;
  }
  ~Boxed() = default;

  explicit operator bool() const { return value_ != nullptr; }
  bool has_value() const { return value_ != nullptr; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }
  template <typename U>
  T value_or(U&& fallback) const {
    return value_ ? *value_ : static_cast<T>(std::forward<U>(fallback));
  }
  template <typename... Args>
  T& emplace(Args&&... args) {
    value_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *value_;
  }
  void reset() { value_.reset(); }
  /// A copy as a std::optional, for code that reads either kind (printing,
  /// comparing): an empty box converts without allocating.
  operator std::optional<T>() const {  // NOLINT: converts like a std::optional
    return value_ ? std::optional<T>(*value_) : std::nullopt;
  }

  /// Equal when both are empty or both hold equal values, as std::optional.
  friend bool operator==(const Boxed& a, const Boxed& b) {
    if (!a || !b) return !a && !b;
    return *a == *b;
  }
  friend bool operator==(const Boxed& a, std::nullopt_t) { return !a; }
  // Against a plain value ("text", a std::string_view): set and equal.
  template <typename U>
  requires(!boxed_detail::IsOptionalLike<U>::value &&
           std::is_constructible_v<T, const U&>) friend bool
  operator==(const Boxed& a, const U& b) {
    return a && *a == b;
  }
  template <typename U>
  friend bool operator==(const Boxed& a, const std::optional<U>& b) {
    if (!a || !b) return !a && !b;
    return *a == *b;
  }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace schemac::base
