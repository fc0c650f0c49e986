#include "duty/library.hpp"

#include "duty/judged.hpp"

namespace pufa::duty::library {

std::map<std::int64_t, Completion> completion(db::Connection& conn, std::string const& region_path, int year,
                                              std::string const& today) {
  std::map<std::int64_t, Completion> out;
  for (auto const& view : judged_tasks(conn, region_path, year, today)) {
    auto& c = out[view.task.unit_id];
    ++c.tasks;
    if (view.progress.state == "done" || view.progress.state == "late") ++c.done;
  }
  return out;
}

}  // namespace pufa::duty::library
