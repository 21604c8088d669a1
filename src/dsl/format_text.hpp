// dsl/format_text: the one-line text of each construct in canonical spelling
// (keywords lower case, one blank between words), for dsl/format. Names,
// string literals and expressions are printed as written (from the source),
// so formatting never changes what they mean.
#pragma once

#include <string>
#include <string_view>

#include "dsl/ast.hpp"

namespace schemac::dsl::format_text {

/// Text prints constructs of one file; source is that file's text.
class Text {
 public:
  explicit Text(std::string_view source) : source_(source) {}

  std::string slice(const base::SourceSpan& span) const {
    return std::string(source_.substr(span.begin, span.end - span.begin));
  }
  std::string ident(const ast::Ident& name) const { return slice(name.span); }
  std::string qualified(const ast::QualifiedIdent& name) const { return slice(name.span); }
  std::string string_lit(const ast::StringLit& lit) const { return slice(lit.span); }
  std::string idents(const std::vector<ast::Ident>& names) const;
  std::string type(const ast::TypeName& type) const;
  std::string modifier(const ast::ColumnModifier& modifier) const;
  std::string modifiers(const std::vector<ast::ColumnModifier>& modifiers) const;
  std::string table_item(const ast::TableItem& item) const;  // not a column
  std::string index(const ast::IndexDef& index) const;
  std::string extension(const ast::ExtensionDecl& extension) const;
  std::string sequence(const ast::SequenceDecl& sequence) const;
  std::string domain(const ast::DomainDecl& domain) const;

 private:
  std::string fk_target(const ast::QualifiedIdent& table, const std::vector<ast::Ident>& columns,
                        const ast::FkOptions& options) const;
  std::string constraint_prefix(const ast::Boxed<ast::Ident>& name) const;

  std::string_view source_;
};

}  // namespace schemac::dsl::format_text
