// Question banks and their questions: CRUD, imports, and the law articles questions cite.
#include <boost/json/array.hpp>

#include "auth/audit.hpp"
#include "exam/service.hpp"
#include "http/error.hpp"
#include "laws/library.hpp"

namespace pufa::exam {

using http::ApiError;
using http::AppError;

std::vector<Bank> ExamService::banks() {
  return db_.read([](db::Connection& conn) { return store::banks(conn); });
}

Bank ExamService::bank(std::int64_t id) {
  auto found = db_.read([&](db::Connection& conn) { return store::bank(conn, id); });
  if (!found) throw ApiError(AppError::not_found, "题库不存在");
  return *found;
}

Bank ExamService::save_bank(auth::Actor const& actor, std::optional<std::int64_t> id, Bank input) {
  actor.user();
  auto const now = base::now_ms();
  return db_.write([&](db::Connection& conn) {
    if (id && !store::bank(conn, *id)) throw ApiError(AppError::not_found, "题库不存在");
    auto other = store::bank_id_by_name(conn, input.name);
    if (other && (!id || *other != *id)) throw ApiError(AppError::conflict, "已有同名题库", "name");
    std::int64_t bank_id = 0;
    if (id) {
      input.id = *id;
      store::update_bank(conn, input, now);
      bank_id = *id;
    } else {
      bank_id = store::insert_bank(conn, input, now);
    }
    auth::audit(conn, actor, id ? "exam.bank.update" : "exam.bank.create", "exam_bank", std::to_string(bank_id),
                input.name);
    return *store::bank(conn, bank_id);
  });
}

void ExamService::delete_bank(auth::Actor const& actor, std::int64_t id) {
  actor.user();
  db_.write([&](db::Connection& conn) {
    if (!store::bank(conn, id)) throw ApiError(AppError::not_found, "题库不存在");
    if (store::bank_in_use(conn, id)) throw ApiError(AppError::unprocessable, "已发布的考试正在使用该题库的题目，不能删除");
    store::delete_bank(conn, id);
    auth::audit(conn, actor, "exam.bank.delete", "exam_bank", std::to_string(id));
  });
}

std::pair<std::vector<Question>, std::int64_t> ExamService::questions(store::QuestionFilter const& filter) {
  return db_.read([&](db::Connection& conn) {
    if (!store::bank(conn, filter.bank_id)) throw ApiError(AppError::not_found, "题库不存在");
    return std::make_pair(store::questions(conn, filter), store::count_questions(conn, filter));
  });
}

Question ExamService::question(std::int64_t id) {
  auto found = db_.read([&](db::Connection& conn) { return store::question(conn, id); });
  if (!found) throw ApiError(AppError::not_found, "题目不存在");
  return *found;
}

Question ExamService::save_question(auth::Actor const& actor, std::int64_t bank_id, std::optional<std::int64_t> id,
                                    Question input) {
  actor.user();
  auto const now = base::now_ms();
  return db_.write([&](db::Connection& conn) {
    if (id) {
      auto existing = store::question(conn, *id);
      if (!existing) throw ApiError(AppError::not_found, "题目不存在");
      bank_id = existing->bank_id;
    } else if (!store::bank(conn, bank_id)) {
      throw ApiError(AppError::not_found, "题库不存在");
    }
    input.bank_id = bank_id;
    auto same = store::question_by_key(conn, bank_id, stem_key(input.stem));
    if (same && (!id || *same != *id)) throw ApiError(AppError::conflict, "题库中已有相同题干的题目", "stem");
    if (id) {
      input.id = *id;
      store::update_question(conn, input, now);
    } else {
      input.id = store::insert_question(conn, input, now);
    }
    auth::audit(conn, actor, id ? "exam.question.update" : "exam.question.create", "exam_question",
                std::to_string(input.id));
    return *store::question(conn, input.id);
  });
}

void ExamService::delete_question(auth::Actor const& actor, std::int64_t id) {
  actor.user();
  db_.write([&](db::Connection& conn) {
    if (!store::question(conn, id)) throw ApiError(AppError::not_found, "题目不存在");
    store::delete_question(conn, id);
    auth::audit(conn, actor, "exam.question.delete", "exam_question", std::to_string(id));
  });
}

ImportResult ExamService::import(auth::Actor const& actor, std::int64_t bank_id, std::string_view bytes, Format format) {
  actor.user();
  if (bytes.empty()) throw ApiError(AppError::validation_failed, "请选择要导入的文件", "file");
  // Read and validate every row before the transaction opens, so a bad file stores nothing and
  // parsing never holds the writer.
  auto const rows = read_import(bytes, format);
  boost::json::array errors;
  std::size_t failed = 0;
  std::vector<std::pair<std::size_t, Question>> good;
  for (auto const& row : rows) {
    if (!row.error.empty()) {
      ++failed;
      if (errors.size() < max_reported_rows) errors.push_back({{"row", row.row}, {"field", row.field}, {"message", row.error}});
      continue;
    }
    try {
      good.emplace_back(row.row, question_from_json(row.body));
    } catch (ApiError const& error) {
      ++failed;
      if (errors.size() < max_reported_rows)
        errors.push_back({{"row", row.row}, {"field", error.field()}, {"message", error.message()}});
    }
  }
  if (failed > 0) {
    throw ApiError(AppError::import_failed, "导入失败：" + std::to_string(failed) + " 行有错误，未写入任何数据")
        .with({{"errors", std::move(errors)}});
  }
  std::vector<std::string> keys_of_rows;
  for (auto const& [row, q] : good) keys_of_rows.push_back(stem_key(q.stem));
  auto const now = base::now_ms();
  return db_.write([&](db::Connection& conn) {
    if (!store::bank(conn, bank_id)) throw ApiError(AppError::not_found, "题库不存在");
    auto keys = store::stem_keys(conn, bank_id);
    ImportResult result;
    for (std::size_t i = 0; i < good.size(); ++i) {
      auto& [row, q] = good[i];
      if (!keys.insert(keys_of_rows[i]).second) {
        result.skipped.emplace_back(row, q.stem);
        continue;
      }
      q.bank_id = bank_id;
      store::insert_question(conn, q, now);
      ++result.imported;
    }
    auth::audit(conn, actor, "exam.question.import", "exam_bank", std::to_string(bank_id),
                std::to_string(result.imported) + " imported, " + std::to_string(result.skipped.size()) + " duplicates");
    return result;
  });
}

std::map<std::string, LawLink> ExamService::law_links(std::vector<std::string> const& refs) {
  std::map<std::string, LawLink> out;
  db_.read([&](db::Connection& conn) {
    for (auto const& text : refs) {
      if (text.empty() || out.contains(text)) continue;
      LawLink link{text, std::nullopt, {}, {}};
      if (auto article = laws::library::cited(conn, text)) {
        link.law_id = article->law.id;
        link.number = article->label;
        link.url = article->url();
      }
      out[text] = std::move(link);
    }
  });
  return out;
}

}  // namespace pufa::exam
