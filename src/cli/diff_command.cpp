// schemac diff OLD NEW: the migration between two schema trees, no database.
// A side is a .schema file or directory, a schemac.toml project (the file, or
// a directory holding one), or git:REV (the configured schema paths at a
// revision, read from git without touching the working tree).
#include <filesystem>

#include "cli/app.hpp"
#include "cli/git.hpp"
#include "cli/load.hpp"
#include "cli/pipeline.hpp"
#include "cli/plan_output.hpp"
#include "cli/timings.hpp"

namespace schemac::cli {
namespace {

namespace fs = std::filesystem;

// project_config: the schemac.toml a side names (the file, or one in the
// directory), if it names one.
std::optional<fs::path> project_config(const fs::path& side) {
  std::error_code ec;
  if (fs::is_directory(side, ec)) {
    fs::path toml = side / "schemac.toml";
    if (fs::is_regular_file(toml, ec)) return toml;
    return std::nullopt;
  }
  if (side.filename() == "schemac.toml" && fs::is_regular_file(side, ec)) return side;
  return std::nullopt;
}

std::optional<LoadedSchema> load_side(const std::string& side, bool old_side, Session& session) {
  LoadOptions options{session.config.root, session.config.default_schema, old_side};
  if (side.rfind("git:", 0) == 0) {
    std::string error;
    auto files =
        revision_files(session.config.root, side.substr(4), session.config.schema_paths, error);
    if (!files) {
      session.diags.error(base::DiagKind::FileUnreadable, std::nullopt, error);
      return std::nullopt;
    }
    return load_texts(std::move(*files), options, session.sources, session.diags);
  }
  fs::path path = fs::path(side).is_absolute() ? fs::path(side) : session.config.root / side;
  if (auto toml = project_config(path)) {
    auto project = load_config(*toml, session.sources, session.diags);
    if (!project) return std::nullopt;
    std::vector<std::string> paths;
    for (const std::string& p : project->schema_paths)
      paths.push_back((project->root / p).lexically_normal().string());
    options.default_schema = project->default_schema;
    return load_schema(paths, options, session.sources, session.diags);
  }
  return load_schema({side}, options, session.sources, session.diags);
}

ExitCode run_diff(const Args& args, Session& session) {
  if (args.positional.size() != 2) {
    session.diags.error(base::DiagKind::UsageError, std::nullopt,
                        "diff takes two schema trees: schemac diff OLD NEW");
    return session.fail(ExitCode::InvalidInput);
  }
  auto format = parse_plan_format(args.value("--format"), session.diags);
  if (!format) return session.fail(ExitCode::InvalidInput);
  auto old_side = load_side(args.positional[0], true, session);
  auto new_side = load_side(args.positional[1], false, session);
  if (!old_side || !new_side) return session.fail(ExitCode::InvalidInput);
  session.report();
  std::optional<plan::Plan> plan;
  {
    timings::Phase phase("diff_plan");
    plan = make_plan(std::move(old_side->catalog), std::move(new_side->catalog), {}, session.diags);
  }
  if (!plan) return session.fail(ExitCode::InvalidInput);
  session.report();
  emit::PlanDocument doc = emit::document(*plan);
  doc.between_schemas = true;
  return print_plan(doc, *format, args, session.color_stdout);
}

}  // namespace

Command diff_command() {
  return {"diff",
          "the migration between two schema trees (files, directories, projects or git:REV), "
          "no database",
          "schemac diff [flags] OLD NEW", plan_output_flags(), &run_diff};
}

}  // namespace schemac::cli
