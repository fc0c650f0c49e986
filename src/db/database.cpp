#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <future>
#include <mutex>
#include <thread>

#include "db/backend.hpp"
#include "db/database.hpp"

namespace pufa::db {

namespace {

// A fixed set of connections handed out one caller at a time.
class Pool {
 public:
  void add(std::unique_ptr<Connection> conn) { idle_.push_back(std::move(conn)); }

  template <class F>
  void with(F&& f) {
    std::unique_ptr<Connection> conn;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return !idle_.empty(); });
      conn = std::move(idle_.back());
      idle_.pop_back();
    }
    struct Return {
      Pool& pool;
      std::unique_ptr<Connection>& conn;
      ~Return() {
        if (!conn->healthy()) conn->reset();
        std::lock_guard lock(pool.mutex_);
        pool.idle_.push_back(std::move(conn));
        pool.ready_.notify_one();
      }
    } give_back{*this, conn};
    if (!conn->healthy()) conn->reset();
    f(*conn);
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string const& path, Options options) : max_batch_(options.max_batch) {
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent);
    detail::SqliteSettings writer_settings{.synchronous_full = options.synchronous_full};
    writer_ = detail::open_sqlite(path, writer_settings);
    detail::SqliteSettings reader_settings{.query_only = true,
                                           .synchronous_full = options.synchronous_full};
    for (int i = 0; i < std::max(1, options.readers); ++i) {
      readers_.add(detail::open_sqlite(path, reader_settings));
    }
    thread_ = std::thread([this] { loop(); });
  }

  ~SqliteDatabase() override {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

  Engine engine() const override { return Engine::sqlite; }
  std::int64_t commits() const override { return commits_.load(); }

 protected:
  void run_read(Job const& job) override { readers_.with(job); }

  void run_write(Job const& job) override {
    Pending pending{&job, {}, nullptr};
    auto done = pending.promise.get_future();
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(&pending);
    }
    wake_.notify_one();
    done.get();
  }

 private:
  struct Pending {
    Job const* job;
    std::promise<void> promise;
    std::exception_ptr error;
  };

  void loop() {
    std::vector<Pending*> batch;
    while (true) {
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
        if (queue_.empty()) return;
        while (!queue_.empty() && batch.size() < max_batch_) {
          batch.push_back(queue_.front());
          queue_.pop_front();
        }
      }
      commit(batch);
      batch.clear();
    }
  }

  // One transaction for the whole batch; each job in a savepoint so that a failing job
  // is undone alone. A batch of one needs no savepoint.
  void commit(std::vector<Pending*> const& batch) {
    Connection& conn = *writer_;
    bool const single = batch.size() == 1;
    try {
      conn.exec_script("BEGIN IMMEDIATE");
    } catch (...) {
      finish(batch, std::current_exception());
      return;
    }
    for (auto* pending : batch) {
      if (!single) conn.exec_script("SAVEPOINT job");
      try {
        (*pending->job)(conn);
        if (!single) conn.exec_script("RELEASE job");
      } catch (...) {
        pending->error = std::current_exception();
        if (!single) undo_savepoint(conn);
      }
    }
    if (single && batch.front()->error) {
      rollback(conn);
      finish(batch, nullptr);
      return;
    }
    try {
      conn.exec_script("COMMIT");
      ++commits_;
      finish(batch, nullptr);
    } catch (...) {
      auto error = std::current_exception();
      rollback(conn);
      finish(batch, error);
    }
  }

  static void undo_savepoint(Connection& conn) {
    try {
      conn.exec_script("ROLLBACK TO job");
      conn.exec_script("RELEASE job");
    } catch (...) {
      // The outer COMMIT reports what is wrong with the connection.
    }
  }

  static void rollback(Connection& conn) {
    try {
      conn.exec_script("ROLLBACK");
    } catch (...) {
      // Nothing open to roll back.
    }
  }

  static void finish(std::vector<Pending*> const& batch, std::exception_ptr batch_error) {
    for (auto* pending : batch) {
      auto error = pending->error ? pending->error : batch_error;
      if (error) {
        pending->promise.set_exception(error);
      } else {
        pending->promise.set_value();
      }
    }
  }

  std::size_t max_batch_;
  std::unique_ptr<Connection> writer_;
  Pool readers_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending*> queue_;
  bool stop_ = false;
  std::atomic<std::int64_t> commits_{0};
  std::thread thread_;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string const& url, Options options) {
    for (int i = 0; i < std::max(2, options.readers); ++i) pool_.add(detail::open_postgres(url));
  }

  Engine engine() const override { return Engine::postgresql; }
  std::int64_t commits() const override { return commits_.load(); }

 protected:
  void run_read(Job const& job) override { pool_.with(job); }

  void run_write(Job const& job) override {
    pool_.with([&](Connection& conn) {
      Transaction transaction(conn);
      job(conn);
      transaction.commit();
      ++commits_;
    });
  }

 private:
  Pool pool_;
  std::atomic<std::int64_t> commits_{0};
};

}  // namespace

std::unique_ptr<Database> Database::open(std::string_view url, Options options) {
  if (url.starts_with("sqlite:")) {
    auto path = url.substr(7);
    if (path.starts_with("//")) path.remove_prefix(2);
    if (path.empty()) throw DbError(ErrorKind::connection, "sqlite: URL needs a file path");
    return std::make_unique<SqliteDatabase>(std::string(path), options);
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return std::make_unique<PostgresDatabase>(std::string(url), options);
  }
  throw DbError(ErrorKind::connection,
                "unknown database URL (use sqlite:PATH or postgresql://...): " + std::string(url));
}

}  // namespace pufa::db
