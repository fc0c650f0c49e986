#include "app/commands.hpp"

int main(int argc, char** argv) { return pufa::app::run(argc, argv); }
