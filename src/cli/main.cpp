// schemac: declarative schema-as-code for PostgreSQL and PostGIS.
#include "cli/app.hpp"

int main(int argc, char** argv) {
  return schemac::cli::run(argc, argv);
}
