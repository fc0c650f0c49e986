#include "content/routes.hpp"

namespace pufa::content {

void add_routes(http::Router&, db::Database&) {}
std::vector<db::Migration> migrations() { return {}; }
void load_demo(db::Connection&) {}

}  // namespace pufa::content
