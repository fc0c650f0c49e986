// The exam area's routes by group (routes.cpp wires them): banks and examinees, exams and their
// results, and sitting an exam.
#pragma once

#include <memory>

#include "db/database.hpp"
#include "exam/service.hpp"
#include "http/router.hpp"

namespace pufa::exam {

using Service = std::shared_ptr<ExamService>;

inline constexpr std::int64_t max_list_page = 100;

void add_bank_routes(http::Router& router, Service service);
void add_exam_routes(http::Router& router, db::Database& db, Service service);
void add_attempt_routes(http::Router& router, Service service);
void add_certificate_routes(http::Router& router, Service service);

}  // namespace pufa::exam
