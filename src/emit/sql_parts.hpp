// emit/sql_parts: the clauses statements are built from. Internal to emit.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diff/change.hpp"

namespace schemac::emit::detail {

/// one_line escapes control characters (newlines above all) so that text made
/// from user names stays on one line of a SQL comment or a terminal: a newline
/// becomes backslash-n, ESC becomes backslash-x1b.
std::string one_line(std::string_view text);
/// ident_list: "a, b, c", each quoted.
std::string ident_list(const std::vector<std::string>& names);
/// table_name: schema.table, quoted.
std::string table_name(const diff::QualifiedName& name);

/// column_definition: `name type [COLLATE c] [GENERATED ...] [DEFAULT e] [NOT NULL]`.
std::string column_definition(const ir::Column& column);
/// The constraint clauses, each starting with CONSTRAINT <name>.
std::string primary_key_clause(const ir::PrimaryKey& key);
std::string unique_clause(const ir::UniqueConstraint& constraint);
std::string check_clause(const ir::CheckConstraint& constraint);
std::string foreign_key_clause(const ir::ForeignKey& key);

std::string create_table_sql(const diff::CreateTable& change);
std::string alter_table_sql(const diff::AlterTable& change);
std::string create_index_sql(const diff::CreateIndex& change);
std::string comment_sql(const diff::SetComment& change);

// The online form of an AddPrimaryKey or AddUnique (plan/online.hpp): its unique
// index built concurrently (and the cleanup before a retry of that build), then
// the constraint made from it.
std::string key_index_sql(const diff::Change& change);
std::string key_index_cleanup_sql(const diff::Change& change);
std::string key_using_index_sql(const diff::Change& change);

// Sequences and domains (sql_seqdom.cpp).
std::string create_sequence_sql(const diff::CreateSequence& change);
std::string alter_sequence_sql(const diff::AlterSequence& change);
std::string sequence_owner_sql(const diff::SetSequenceOwner& change);
std::string create_domain_sql(const diff::CreateDomain& change);
std::string alter_domain_sql(const diff::AlterDomain& change);

}  // namespace schemac::emit::detail
