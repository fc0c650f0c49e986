#include "activity/store.hpp"

#include "base/time.hpp"

namespace pufa::activity {

void set_status(db::Connection& conn, std::string const& table, std::int64_t id,
                std::string_view status, std::optional<std::string> const& reason) {
  conn.exec("UPDATE " + table + " SET status = ?, return_reason = ?, updated_at = ? WHERE id = ?",
            {status, reason, base::now_ms(), id});
}

}  // namespace pufa::activity
