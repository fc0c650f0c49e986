// The `pufa` command line: serve, migrate, demo, user.
#pragma once

namespace pufa::app {

int run(int argc, char** argv);

}  // namespace pufa::app
