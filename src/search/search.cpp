#include "search/search.hpp"

namespace pufa::search {

void upsert(db::Connection&, Document const&) {}
void remove(db::Connection&, std::string_view, std::int64_t) {}
void add_routes(http::Router&, db::Database&) {}
std::vector<db::Migration> migrations() { return {}; }

}  // namespace pufa::search
